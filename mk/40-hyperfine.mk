# Whole-program timings: every bench/hyperfine/<name>.sh, called as
#   <name>.sh BUILD RESULTS RUN
# writes $(RESULTS)/$(RUN)-hyperfine-<name>.json (hyperfine --export-json).
# Under HOTPATH_QUICK=1 the scripts use small inputs and few runs.

.PHONY: bench-hyperfine
BENCH_AFTER += bench-hyperfine

bench-hyperfine: build ## whole programs timed by hyperfine (JSON into results/)
	@mkdir -p $(RESULTS)
	@for s in $(sort $(wildcard bench/hyperfine/*.sh)); do \
	  echo "== hyperfine: $$s"; \
	  HOTPATH_QUICK=$(HOTPATH_QUICK) bash $$s $(BUILD) $(RESULTS) $(RUN) || exit $$?; \
	done
