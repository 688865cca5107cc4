# hotpath: the user's interface.  `make` lists the targets.
# Each target first checks the Debian packages (scripts/deps.sh).
# Milestones add their targets in mk/*.mk (read in name order).

SHELL      := /bin/bash
BUILD      ?= build
ASAN_BUILD ?= $(BUILD)-asan
CMAKE_ARGS ?=
JOBS       ?= $(shell nproc)
# Repetitions and minimum seconds per repetition of each benchmark.
REPS       ?= 10
MIN_TIME   ?= 0.05
CAP        := $(if $(HOTPATH_ISA),$(HOTPATH_ISA),native)
RUN        ?= $(shell date +%Y%m%d-%H%M%S)-$(shell hostname -s)-$(CAP)
RESULTS    ?= results
# The run a reading step (stats, plots, reports) works on: RUN when given
# (command line, environment, or make bench passing its own), else the
# newest run named in $(RESULTS)/latest.
GIVEN_RUN = $(if $(filter command line environment,$(origin RUN)),$(RUN),$(strip \
  $(shell cat $(RESULTS)/latest 2>/dev/null)))
# Processes per run (make bench PROCS=3): see bench-run.
PROCS      ?= 1
# Processes 2..PROCS with the flags $(1), writing $(2)-proc<k>.json; process
# k's buffers start (k-1)*24 mod 64 bytes past a cache line.
# Their own output goes to $(2)-proc<k>.log, shown when one fails.
hp_replicates = for k in $$(seq 2 $(PROCS)); do \
  echo "hotpath-bench: process $$k of $(PROCS)" >&2; \
  HOTPATH_QUICK=$(HOTPATH_QUICK) $(BUILD)/hotpath-bench $(1) --hp_process=$$k \
    --hp_offset=$$(( (k - 1) * 24 % 64 )) --hp_out=$(2)-proc$$k.json $(BENCH_ARGS) \
    >$(2)-proc$$k.log 2>&1 || { cat $(2)-proc$$k.log >&2; exit 1; }; \
  rm -f $(2)-proc$$k.log; done
# Steps that follow a benchmark run, in order (mk/*.mk append to it); each
# is a make target that reads $(RESULTS)/$(RUN).json.
BENCH_AFTER :=

export OPENBLAS_CORETYPE ?= Haswell

.PHONY: help deps configure build bench bench-quick bench-run test asm clean

help: ## list the targets
	@echo "hotpath: make TARGET [VAR=value ...]"
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | \
	  awk -F':.*## ' '{printf "  %-20s %s\n", $$1, $$2}'

deps: ## install missing Debian packages (as root) or say which
	@bash scripts/deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_ARGS) >/dev/null

build: configure ## build everything into build/ (Release, -O3 -g)
	@cmake --build $(BUILD) -j $(JOBS)

bench: ## the full suite: gate, every benchmark (REPS=10), statistics, charts
	@$(MAKE) --no-print-directory bench-run RUN=$(RUN)
	@# QUIET: the steps print one line each where they can, so the terminal
	@# ends with the statistics blocks.
	@for step in $(BENCH_AFTER); do $(MAKE) --no-print-directory $$step RUN=$(RUN) QUIET=1 || exit $$?; done

bench-quick: ## a smoke run (few sizes, 1 repetition, under 2 minutes)
	@$(MAKE) --no-print-directory bench RUN=quick-$(RUN) REPS=1 MIN_TIME=0.01 HOTPATH_QUICK=1

# PROCS=K: processes 2..K rerun the paired comparisons (docs/paired.md) into
# $(RUN)-proc<k>.json, each with its buffers at another offset; the
# statistics resample processes, then rounds.
bench-run: build
	@mkdir -p $(RESULTS)
	@rm -f $(RESULTS)/$(RUN)-proc*.json
	HOTPATH_QUICK=$(HOTPATH_QUICK) $(BUILD)/hotpath-bench --hp_out=$(RESULTS)/$(RUN).json \
	  --hp_process=1 --hp_offset=0 \
	  --benchmark_repetitions=$(REPS) --benchmark_enable_random_interleaving=true \
	  --benchmark_min_time=$(MIN_TIME) $(BENCH_ARGS)
	@$(call hp_replicates,--hp_paired_only,$(RESULTS)/$(RUN))
	@echo $(RUN) > $(RESULTS)/latest

test: deps ## build and run every test: Release, then ASan+UBSan
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_ARGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Release -DHOTPATH_SANITIZE=ON $(CMAKE_ARGS) >/dev/null
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS)

asm: configure ## Intel-syntax disassembly: every kernel to build/asm/, or FUNC=<symbol>
	@cmake --build $(BUILD) -j $(JOBS) >&2
	@bash scripts/asm.sh $(BUILD) $(FUNC)

clean: ## remove the build directories (results and baselines stay)
	rm -rf $(BUILD) $(ASAN_BUILD)

-include $(sort $(wildcard mk/*.mk))
