/* Cache sizes: sysfs when the kernel exposes it (not in every VM), then
 * cpuid's deterministic cache parameters, then glibc's sysconf, last
 * because glibc 2.36 reports an AMD L3 times the threads sharing it (384
 * instead of 32 MiB seen on Zen 5). */
#include "cache.h"

#include "inline_asm/asm.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static uint64_t sysfs_size(int index, int *level, char *type, size_t type_len)
{
    char path[96], buf[64];
    uint64_t size = 0;
    FILE *f;

    snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/level", index);
    if (!(f = fopen(path, "r")))
        return 0;
    if (fscanf(f, "%d", level) != 1)
        *level = 0;
    fclose(f);

    snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/type", index);
    if (!(f = fopen(path, "r")))
        return 0;
    if (!fgets(type, (int)type_len, f))
        type[0] = '\0';
    fclose(f);

    snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/size", index);
    if (!(f = fopen(path, "r")))
        return 0;
    if (fgets(buf, sizeof buf, f)) {
        char unit = 'B';
        unsigned long long v = 0;
        if (sscanf(buf, "%llu%c", &v, &unit) >= 1)
            size = v * (unit == 'K' ? 1024ull : unit == 'M' ? 1048576ull : 1ull);
    }
    fclose(f);
    return size;
}

static int from_sysfs(hp_caches *c)
{
    for (int i = 0; i < 8; i++) {
        int level = 0;
        char type[32] = "";
        uint64_t s = sysfs_size(i, &level, type, sizeof type);
        if (!s)
            continue;
        if (level == 1 && strncmp(type, "Data", 4) == 0) c->l1d = s;
        if (level == 2) c->l2 = s;
        if (level == 3) c->l3 = s;
    }
    return c->l1d != 0;
}

static int from_sysconf(hp_caches *c)
{
    long l1 = sysconf(_SC_LEVEL1_DCACHE_SIZE), l2 = sysconf(_SC_LEVEL2_CACHE_SIZE),
         l3 = sysconf(_SC_LEVEL3_CACHE_SIZE);
    c->l1d = l1 > 0 ? (uint64_t)l1 : 0;
    c->l2 = l2 > 0 ? (uint64_t)l2 : 0;
    c->l3 = l3 > 0 ? (uint64_t)l3 : 0;
    return c->l1d != 0;
}

/* Leaf 4 (Intel) and 0x8000001D (AMD) share one layout. */
static int from_cpuid(hp_caches *c)
{
    uint32_t r[4], leaf = 4;
    hp_asm_cpuid(0, 0, r);
    const int amd = r[1] == 0x68747541u; /* "Auth" of AuthenticAMD */
    if (amd) {
        hp_asm_cpuid(0x80000000u, 0, r);
        if (r[0] < 0x8000001Du)
            return 0;
        leaf = 0x8000001Du;
    } else if (r[0] < 4) {
        return 0;
    }
    for (uint32_t sub = 0; sub < 16; sub++) {
        hp_asm_cpuid(leaf, sub, r);
        const uint32_t type = r[0] & 31, level = (r[0] >> 5) & 7;
        if (type == 0)
            break;
        const uint64_t ways = (r[1] >> 22) + 1, parts = ((r[1] >> 12) & 0x3ff) + 1,
                       line = (r[1] & 0xfff) + 1, sets = (uint64_t)r[2] + 1;
        const uint64_t size = ways * parts * line * sets;
        if (level == 1 && type == 1) c->l1d = size;
        if (level == 2) c->l2 = size;
        if (level == 3) c->l3 = size;
    }
    return c->l1d != 0;
}

static const struct {
    const char *name;
    int (*find)(hp_caches *c);
} methods[] = {{"sysfs", from_sysfs}, {"cpuid", from_cpuid}, {"sysconf", from_sysconf}};

hp_caches hp_cache_sizes_by(const char *method)
{
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        hp_caches c = {0, 0, 0, methods[i].name};
        if (strcmp(method, methods[i].name) == 0 && methods[i].find(&c))
            return c;
    }
    return (hp_caches){0, 0, 0, "none"};
}

hp_caches hp_cache_sizes(void)
{
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        const hp_caches c = hp_cache_sizes_by(methods[i].name);
        if (c.l1d)
            return c;
    }
    return (hp_caches){0, 0, 0, "none"};
}
