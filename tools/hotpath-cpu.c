/* hotpath-cpu: what this CPU offers hotpath, and what runs at the cap. */
#include "cpu/cache.h"
#include "cpu/cpu.h"
#include "gate.h"
#include "hotpath.h"

#include <stdio.h>

int main(void)
{
    const char *err;
    if (hp_cpu_cap_check(&err) != 0) {
        fprintf(stderr, "hotpath-cpu: %s\n", err);
        return 2;
    }
    const uint64_t det = hp_cpu_detected(), feat = hp_cpu_features();
    const hp_caches c = hp_cache_sizes();
    printf("cpu:       %s\n", hp_cpu_model());
    printf("detected:  %s\n", hp_cpu_feature_names(det));
    printf("level:     x86-64-v%d\n", hp_cpu_level(det));
    printf("cap:       HOTPATH_ISA=%s -> x86-64-v%d\n", hp_cpu_cap_name(), hp_cpu_level(feat));
    printf("offered:   %s\n", hp_cpu_feature_names(feat));
    printf("caches:    L1d %llu KiB, L2 %llu KiB, L3 %llu KiB (from %s; 0 = unknown)\n",
           (unsigned long long)(c.l1d >> 10), (unsigned long long)(c.l2 >> 10),
           (unsigned long long)(c.l3 >> 10), c.source);

    size_t n, runs = 0;
    const hp_variant *v = hp_all_variants(&n);
    printf("\n%-40s %-10s %-46s %s\n", "variant", "stage", "source", "status");
    for (size_t i = 0; i < n; i++) {
        char name[128];
        const char *why;
        snprintf(name, sizeof name, "%s/%s", v[i].family, v[i].name);
        if (hp_all_runnable(&v[i], &why)) {
            runs++;
            printf("%-40s %-10s %-46s runs\n", name, hp_stage_name(v[i].stage), v[i].source);
        } else {
            printf("%-40s %-10s %-46s %s\n", name, hp_stage_name(v[i].stage), v[i].source,
                   why);
        }
    }
    printf("\n%zu of %zu variants run at this cap\n", runs, n);
    return 0;
}
