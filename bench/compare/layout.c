/* Linked into libhotpath_shared.so (and the test stand-ins), never into
 * hotpath-compare: the sizes of the structs the driver reads from a build,
 * as that build was compiled.  Arrays of them are walked by index, so a
 * build whose registry or harness structs grew (harness.h allows new fields
 * at the end) must be refused, not misread. */
#include "harness.h"
#include "hotpath.h"

void hp_compare_layout(size_t out[4])
{
    out[0] = sizeof(hp_variant);
    out[1] = sizeof(hp_family);
    out[2] = sizeof(hp_harness);
    out[3] = sizeof(hp_input);
}
