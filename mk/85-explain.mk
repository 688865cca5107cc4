# Explaining a loop (docs/explain.md): predicted against measured cycles,
# and every kernel under the ceilings the run measured itself.
#   make mca [RUN=...]        llvm-mca on every SIMD, asm and auto hot loop beside the
#                             run's measured cycles -> $(RESULTS)/<run>/explain/mca.tsv
#   make roofline [RUN=...]   ceilings and their checks, each benchmark's fraction of its
#                             binding ceiling, the chart -> plots/out/<run>/roofline.{svg,png}
#   make explain KERNEL=family/variant [SIZE=n]   one page on one loop (terminal and
#                             $(RESULTS)/explain/<family>-<variant>.md)

.PHONY: mca roofline explain
BENCH_AFTER += mca roofline

EXPLAIN_DIR = $(RESULTS)/$(GIVEN_RUN)/explain

mca: build ## llvm-mca's prediction of every hot loop beside the run's measured cycles
	@if [ -z "$(GIVEN_RUN)" ]; then echo "make $@: no run in $(RESULTS)/latest; give RUN=" >&2; exit 2; fi
	@mkdir -p $(EXPLAIN_DIR)
	@bash scripts/mca.sh table $(BUILD) $(RESULTS)/$(GIVEN_RUN)/tables/cycles.tsv > $(EXPLAIN_DIR)/mca.tsv.tmp
	@mv $(EXPLAIN_DIR)/mca.tsv.tmp $(EXPLAIN_DIR)/mca.tsv
	@$(if $(QUIET),true,column -t -s'	' $(EXPLAIN_DIR)/mca.tsv)
	@echo "mca: $(EXPLAIN_DIR)/mca.tsv"

roofline: deps ## the run's kernels under its measured ceilings: tables and plots/out/<run>/roofline.png
	@if [ -z "$(GIVEN_RUN)" ]; then echo "make $@: no run in $(RESULTS)/latest; give RUN=" >&2; exit 2; fi
	@bash scripts/roofline.sh $(RESULTS)/$(GIVEN_RUN)/tables $(EXPLAIN_DIR)
	@mkdir -p plots/out/$(GIVEN_RUN)
	@gnuplot -e "arg='$(EXPLAIN_DIR)'; out='plots/out/$(GIVEN_RUN)/roofline'; plots='plots'" plots/roofline.gp
	@# the run's index page shows the roofline once it exists: redrawn (its charts are up to date)
	@if [ -f plots/out/$(GIVEN_RUN)/index.html ]; then rm -f plots/out/$(GIVEN_RUN)/index.html; \
	  $(MAKE) --no-print-directory -f Makefile.plots RUN=$(GIVEN_RUN) RESULTS=$(RESULTS) QUIET=1 >/dev/null 2>&1; fi
	@$(if $(QUIET),true,column -t -s'	' $(EXPLAIN_DIR)/ceilings.tsv)
	@echo "roofline: $(EXPLAIN_DIR)/ceilings.tsv and roofline.tsv; plots/out/$(GIVEN_RUN)/roofline.png"

explain: build ## one page on one hot loop: make explain KERNEL=family/variant [SIZE=n]
	@bash scripts/explain.sh $(BUILD) "$(KERNEL)" "$(SIZE)" $(RESULTS)
