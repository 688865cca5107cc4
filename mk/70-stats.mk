# Statistics over a run (bench/stats; docs/statistics.md): criterion-
# style blocks on the terminal, $(RESULTS)/$(RUN).md, the TSV tables in
# $(RESULTS)/$(RUN)/tables/ and the chart tables the charts draw
# ($(RESULTS)/$(RUN)/tables/charts/, docs/tables.md).
#   make bench SAVE_BASELINE=name         also store the run as a baseline
#   make bench BASELINE=name              compare the run with a baseline
#   make compare BASELINE=name [RUN=...]  compare an earlier run (default: the
#                                         newest, $(RESULTS)/latest)
# FAIL_ON_REGRESSION=PCT makes either fail on a significant regression > PCT %;
# STATS_ARGS passes any other hotpath-stats option (--resamples, --noise, ...).

.PHONY: stats compare
BENCH_AFTER += stats

STATS_FLAGS = --results-dir $(RESULTS) \
  $(if $(BASELINE),--baseline $(BASELINE)) \
  $(if $(SAVE_BASELINE),--save-baseline $(SAVE_BASELINE)) \
  $(if $(FAIL_ON_REGRESSION),--fail-on-regression $(FAIL_ON_REGRESSION)) $(STATS_ARGS)

# A run name or a result file; the run's hyperfine files come along.
stats_json = $(if $(wildcard $(1)),$(1),$(RESULTS)/$(1).json)
stats_inputs = $(call stats_json,$(1)) \
  $(wildcard $(patsubst %.json,%,$(call stats_json,$(1)))-hyperfine-*.json) \
  $(addprefix --replicate ,$(wildcard $(patsubst %.json,%,$(call stats_json,$(1)))-proc*.json))

stats: build ## statistics of a run (RUN=..., default the newest): blocks, Markdown, TSV tables
	@if [ -z "$(GIVEN_RUN)" ]; then echo "make $@: no run in $(RESULTS)/latest; give RUN=" >&2; \
	  exit 2; fi
	@$(BUILD)/hotpath-stats $(STATS_FLAGS) $(call stats_inputs,$(GIVEN_RUN))

compare: ## compare a run with a baseline: make compare BASELINE=name [RUN=run]
	@if [ -z "$(BASELINE)" ]; then echo "make compare: give BASELINE=name" \
	  "(baselines: $(notdir $(basename $(wildcard $(RESULTS)/baselines/*.json))))" >&2; exit 2; fi
	@$(MAKE) --no-print-directory stats
