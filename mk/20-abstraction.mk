# Milestone 2 (zero-cost abstractions) and the compilation pipeline.
#   make asm-diff PAIR=sum_chain [LEVEL=O2]   iter and fused vs manual, side by side
#   make pipeline FUNC=hp_sum_array_auto      C -> LLVM IR -> asm -> bytes
#   make abstraction-sizes                    code bytes per level

.PHONY: asm-diff pipeline abstraction-sizes
LEVEL ?= O3

asm-diff: configure ## PAIR=<family> [LEVEL=O0..O3|Os]: both iterator designs vs the manual loop, normalized, side by side, with verdicts
	@[ -n "$(PAIR)" ] || { echo "usage: make asm-diff PAIR=sum|sum_positive|sum_squares|sum_chain [LEVEL=O3]" >&2; exit 2; }
	@cmake --build $(BUILD) -j $(JOBS) --target hotpath >&2
	@for d in iter fused; do bash scripts/asm-diff.sh $(BUILD) $(PAIR) $(LEVEL) --design=$$d; echo; done || true

pipeline: configure ## FUNC=<kernel symbol>: C source, LLVM IR before/after, assembly, machine code
	@[ -n "$(FUNC)" ] || { echo "usage: make pipeline FUNC=hp_<family>_<variant> (e.g. hp_sum_array_auto)" >&2; exit 2; }
	@cmake --build $(BUILD) -j $(JOBS) --target hotpath >&2
	@bash scripts/pipeline.sh $(BUILD) $(FUNC)

abstraction-sizes: configure ## code bytes of milestone 2's iter/manual functions at every -O level
	@cmake --build $(BUILD) -j $(JOBS) --target hotpath >&2
	@bash scripts/abstraction-sizes.sh $(BUILD)
