# make compare-builds A=<git rev or source dir> B=<git rev or source dir>:
# both builds' kernels loaded side by side in one process and timed in
# paired rounds (scripts/compare-builds.sh, bench/compare,
# docs/compare-builds.md).  A defaults to HEAD, B to the working tree.
#   BENCH_ARGS=--benchmark_filter=REGEX   only the matching family/variant/size
#   FAIL_ON_REGRESSION=PCT                exit 3 on a significant regression > PCT %
#   HOTPATH_QUICK=1                       the short size lists
#   COMPARE_ARGS='--rounds 31 --fdr 1'    any other hotpath-compare option

.PHONY: compare-builds
COMPARE_RUN = $(if $(filter command line environment,$(origin RUN)),$(RUN),compare-$(RUN))

compare-builds: build ## two builds timed side by side: make compare-builds A=rev|dir B=rev|dir
	@BUILD='$(BUILD)' RESULTS='$(RESULTS)' RUN='$(COMPARE_RUN)' JOBS='$(JOBS)' \
	  BENCH_ARGS='$(BENCH_ARGS)' HOTPATH_QUICK='$(HOTPATH_QUICK)' \
	  FAIL_ON_REGRESSION='$(FAIL_ON_REGRESSION)' COMPARE_ARGS='$(COMPARE_ARGS)' \
	  bash scripts/compare-builds.sh '$(A)' '$(B)'
