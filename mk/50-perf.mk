# Profiling: perf stat / perf record on build/hotpath-run (cachegrind when
# the machine has no hardware counters) and callgrind instruction counts.
#   make perf KERNEL=base64_encode/avx2 SIZE=1048576   (SIZE in the family's unit)
#   make perf-record KERNEL=sum_array/auto
#   make bench-instructions [FILTER=base64] (a regular expression) [SIZES="64 4096 65536"]
#                           [SAVE_BASELINE=name] [BASELINE=name]
KERNEL ?=
SIZE   ?=
FILTER ?=

.PHONY: perf perf-record bench-instructions

perf: build ## perf stat on one kernel (KERNEL=family/variant SIZE=n); cachegrind fallback
	@bash scripts/perf.sh $(BUILD) stat "$(KERNEL)" "$(SIZE)" $(RESULTS)

perf-record: build ## perf record of one kernel (KERNEL=family/variant SIZE=n) into results/
	@bash scripts/perf.sh $(BUILD) record "$(KERNEL)" "$(SIZE)" $(RESULTS)

# It ends with hotpath-stats on the new file: BASELINE=, SAVE_BASELINE= and
# FAIL_ON_REGRESSION= as for make bench (mk/70-stats.mk), compared exactly.
# One recipe line, so RUN (a date) is expanded once.
bench-instructions: build ## callgrind instructions per call of every variant -> results/<run>-instructions.json
	@out=$(RESULTS)/$(RUN)-instructions.json; \
	  JOBS=$(JOBS) bash scripts/bench-instructions.sh $(BUILD) "$$out" "$(FILTER)" && \
	  $(BUILD)/hotpath-stats $(STATS_FLAGS) "$$out"

# After a benchmark run: milestone 7's derived figures (misprediction cost,
# load latency per cache level, ILP regimes) from $(RESULTS)/$(RUN).json,
# by hotpath-stats (bench/stats/cpu_effects.c; also in the run's
# tables/effects-*.tsv).
.PHONY: cpu-effects-report
BENCH_AFTER += cpu-effects-report

cpu-effects-report: build ## milestone 7's derived figures from RUN (default: the newest run)
	@if [ -z "$(GIVEN_RUN)" ]; then echo "make $@: no run in $(RESULTS)/latest; give RUN=" >&2; exit 2; fi
	@$(BUILD)/hotpath-stats --cpu-effects $(RESULTS)/$(GIVEN_RUN).json
