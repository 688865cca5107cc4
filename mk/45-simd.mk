# Milestone 4 alone: the add/dot/max f32 benchmarks (with the OpenBLAS
# peers and the memcpy limit) into $(RESULTS)/$(RUN)-simd.json; the
# tables of docs/milestone-4-simd.md come from such a run.

.PHONY: bench-simd

bench-simd: build ## milestone 4 only: add/dot/max_f32 vs OpenBLAS and memcpy (REPS, MIN_TIME)
	@mkdir -p $(RESULTS)
	$(BUILD)/hotpath-bench --hp_out=$(RESULTS)/$(RUN)-simd.json \
	  --benchmark_filter='^(add|dot|max)_f32/' --benchmark_repetitions=$(REPS) \
	  --benchmark_enable_random_interleaving=true --benchmark_min_time=$(MIN_TIME) $(BENCH_ARGS)
