# The machine's own detection limit (docs/paired.md): the calibration
# family alone, a dependent chain of N single-cycle ops against itself (A/A)
# and against 1.05 N, in paired rounds, at about 100 ns, 1 us, 10 us and
# 100 us per call; PROCS=K runs it as K processes.  Prints, per time class,
# the smallest change detectable with 90% power, the +5% as measured, and
# the A/A false alarms.  Every make bench measures the same in passing.

.PHONY: calibrate

# One name for the whole recipe (RUN holds a timestamp).
CAL_RUN := $(RESULTS)/calibrate-$(RUN)

calibrate: build ## the smallest change this machine lets the suite detect now (PROCS=K)
	@mkdir -p $(RESULTS)
	@rm -f $(CAL_RUN)-proc*.json
	@echo "hotpath-bench: calibration, process 1 of $(PROCS)" >&2
	@$(BUILD)/hotpath-bench --hp_calibrate --hp_process=1 --hp_offset=0 \
	  --hp_out=$(CAL_RUN).json $(BENCH_ARGS) >$(CAL_RUN).log 2>&1 || \
	  { cat $(CAL_RUN).log >&2; exit 1; }
	@rm -f $(CAL_RUN).log
	@$(call hp_replicates,--hp_calibrate,$(CAL_RUN))
	@# the replicates exist only now: a shell glob, not make's $(wildcard)
	@$(BUILD)/hotpath-stats --results-dir $(RESULTS) $(CAL_RUN).json \
	  $$(for f in $(CAL_RUN)-proc*.json; do [ -e "$$f" ] && echo "--replicate $$f"; done) \
	  >$(CAL_RUN).txt 2>&1 || { cat $(CAL_RUN).txt >&2; exit 1; }
	@sed -n '/^Detection limit/,$$p' $(CAL_RUN).txt
	@echo "(all comparisons: $(CAL_RUN).txt)"
