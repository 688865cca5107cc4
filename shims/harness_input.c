/* hp_input's buffers (harness.h): every buffer starts `offset` bytes past a
 * 64-byte boundary, so a run can vary data placement between processes. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *hp_input_alloc(hp_input *in, int slot, size_t bytes, char *err, size_t len)
{
    if (slot < 0 || slot >= HP_INPUT_BUFS || in->buf[slot]) {
        snprintf(err, len, "input buffer slot %d is out of range or taken", slot);
        return NULL;
    }
    const size_t off = in->offset % 64;
    /* the block starts on a 64-byte boundary; off bytes in is what we hand
     * out, and free finds the block again by subtracting it */
    unsigned char *base = aligned_alloc(64, (off + bytes + 63) / 64 * 64 + 64);
    if (!base) {
        snprintf(err, len, "out of memory for %zu bytes", bytes);
        return NULL;
    }
    memset(base + off, 0, bytes);
    in->buf[slot] = base + off;
    in->buf_len[slot] = bytes;
    return in->buf[slot];
}

void hp_input_free(hp_input *in)
{
    const size_t off = in->offset % 64;
    for (int i = 0; i < HP_INPUT_BUFS; i++)
        if (in->buf[i])
            free((unsigned char *)in->buf[i] - off);
    const size_t keep = in->offset;
    memset(in, 0, sizeof *in);
    in->offset = keep;
}
