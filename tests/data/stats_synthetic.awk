# A synthetic Google Benchmark result for hotpath-stats: n benchmarks
# (sum_array at n/4 sizes x 4 variants, with the registry context, so
# speedups and limits are computed) x reps repetitions, times scaled by `scale`.
#   awk -v n=200 -v reps=30 -v scale=1 -v seed=1 -f stats_synthetic.awk
BEGIN {
    if (!n) n = 200
    if (!reps) reps = 30
    if (!scale) scale = 1
    srand(seed ? seed : 1)
    split("O0 scalar auto memcpy", variant, " ")
    split("4.0 1.0 0.25 0.2", cost, " ")
    print "{\"context\": {\"date\": \"synthetic\", \"host_name\": \"synthetic\","
    print " \"hp_cpu_model\": \"synthetic\", \"hp_isa_cap\": \"none\", \"hp_commit\": \"none\","
    print " \"hp_l1d_bytes\": \"49152\", \"hp_l2_bytes\": \"1048576\","
    print " \"hp_l3_bytes\": \"33554432\", \"hp_cache_source\": \"synthetic\","
    # sum_array's registry as bench/context.cc records it; memcpy as its limit
    print " \"hp_family.sum_array\": \"order=3 reference=scalar size_unit=elements\","
    print " \"hp_variant.sum_array/O0\": \"order=9 stage=baseline\","
    print " \"hp_variant.sum_array/scalar\": \"order=10 stage=baseline\","
    print " \"hp_variant.sum_array/auto\": \"order=11 stage=auto\","
    print " \"hp_variant.sum_array/memcpy\": \"order=12 stage=limit\", \"hp_variants\": \"4\"},"
    print " \"benchmarks\": ["
    first = 1
    for (b = 0; b < n; b++) {
        size = 64 * (b - b % 4 + 4)
        v = b % 4 + 1
        for (r = 0; r < reps; r++) {
            # ~2% noise with a few slow repetitions, as on a shared machine
            noise = 1 + 0.02 * (rand() + rand() + rand() - 1.5) + (rand() < 0.05 ? 0.2 : 0)
            t = size * cost[v] * noise * scale
            printf "%s  {\"name\": \"sum_array/%s/%d\", \"run_name\": \"sum_array/%s/%d\", " \
                   "\"run_type\": \"iteration\", \"repetitions\": %d, \"repetition_index\": %d, " \
                   "\"threads\": 1, \"iterations\": 1000, \"real_time\": %.6f, " \
                   "\"cpu_time\": %.6f, \"time_unit\": \"ns\", \"bytes_per_second\": %.6f, " \
                   "\"touched\": %d}", first ? "" : ",\n", variant[v], size, variant[v], size,
                   reps, r, t, t, 4 * size / (t * 1e-9), 4 * size
            first = 0
        }
    }
    print "\n]}"
}
