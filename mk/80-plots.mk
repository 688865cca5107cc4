# Charts (Makefile.plots, plots/*.gp; docs/charts.md): `make bench`
# ends with them; `make plots [RUN=name]` redraws what is stale (default:
# the newest run, $(RESULTS)/latest) into plots/out/<run>/, index.html too,
# from the chart tables `make stats` wrote (docs/tables.md).
# `make bench-isa` runs a filtered suite at every ISA cap this CPU
# supports (scripts/isa-sweep.sh) into $(RESULTS)/<date>-<host>-isa/ and
# draws the isa chart.  Its defaults keep it under a minute for five caps:
# REPS=3, MIN_TIME=0.02 and ISA_FILTER (the SIMD, base64 and strlen
# families and sum_array, at sizes 4096 and 16384); BENCH_ARGS, REPS and
# MIN_TIME given on the command line replace them; ISA_CAPS picks the caps.

.PHONY: plots bench-isa
BENCH_AFTER += plots

plots: deps ## charts of RUN (default: the newest run) into plots/out/<run>/, with index.html
	@if [ -z "$(GIVEN_RUN)" ]; then echo "make plots: no run in $(RESULTS)/latest; give RUN=" >&2; exit 2; fi
	@$(MAKE) --no-print-directory -f Makefile.plots RUN=$(GIVEN_RUN) RESULTS=$(RESULTS) QUIET=$(QUIET)

ISA_FILTER ?= --benchmark_filter=^(base64_encode|base64_decode|dot_f32|add_f32|max_f32|strlen|sum_array)/[^/]+/(4096|16384)$$
ISA_RUN     = $(if $(filter command line environment,$(origin RUN)),$(RUN),$(shell date +%Y%m%d-%H%M%S)-$(shell hostname -s))-isa
bench-isa: build ## the suite at every ISA cap this CPU supports (scalar..avx512), then the isa chart
	@run='$(ISA_RUN)'; \
	REPS=$(if $(filter file,$(origin REPS)),3,$(REPS)) \
	MIN_TIME=$(if $(filter file,$(origin MIN_TIME)),0.02,$(MIN_TIME)) ISA_CAPS='$(ISA_CAPS)' \
	  bash scripts/isa-sweep.sh $(BUILD) $(RESULTS) "$$run" $(if $(BENCH_ARGS),$(BENCH_ARGS),'$(ISA_FILTER)') && \
	$(MAKE) --no-print-directory -f Makefile.plots RUN="$$run" RESULTS=$(RESULTS)
