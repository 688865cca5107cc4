/* The non-temporal threshold of add_f32 (add_f32_stream.h): the detected
 * cache size, never a constant model of one CPU. */
#include "add_f32_stream.h"

#include "cpu/cache.h"

#include <pthread.h>

static uint64_t stream_bytes = UINT64_MAX;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void detect(void)
{
    const hp_caches c = hp_cache_sizes(); /* sysfs reads: once, not per call */
    const uint64_t llc = c.l3 ? c.l3 : c.l2;
    if (llc)
        stream_bytes = llc;
}

uint64_t hp_add_f32_stream_bytes(void)
{
    pthread_once(&once, detect);
    return stream_bytes;
}
