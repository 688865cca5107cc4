/* How a milestone contributes to the registry: each shims/reg_<milestone>.c
 * defines one variant table and one family table with these names.
 * Internal to libhotpath; users see only hotpath.h. */
#ifndef HOTPATH_REGISTRY_H
#define HOTPATH_REGISTRY_H

#include "hotpath.h"
#include "hp_sources.h"

#define HP_MILESTONE_TABLES(m)                 \
    extern const hp_variant hp_reg_##m[];      \
    extern const size_t hp_reg_##m##_n;        \
    extern const hp_family hp_fam_##m[];       \
    extern const size_t hp_fam_##m##_n;

/* Defines the counts beside the tables, so a table edit cannot forget them. */
#define HP_TABLE_COUNTS(m)                                                  \
    const size_t hp_reg_##m##_n = sizeof hp_reg_##m / sizeof hp_reg_##m[0]; \
    const size_t hp_fam_##m##_n = sizeof hp_fam_##m / sizeof hp_fam_##m[0];

/* A variant line: family, name, stage, the stem of the file that defines
 * hp_<family>_<name> (kernels/<milestone>/<stem>.c or .S), and the features
 * it needs beyond what that file's ISA suffix gives (CMakeLists.txt,
 * hp_suffix_isa): an instruction in inline asm (tzcnt, rdtscp) or an OS
 * facility (xgetbv).  The suffix's features come from the generated
 * hp_sources.h, never retyped here; an unknown stem does not compile, and
 * test_sources checks that the symbol is defined in that file. */
#define HP_V(fam, var, stage, stem, extra)                                       \
    {#fam, #var, HP_STAGE_##stage, HP_SRC_FEATURES_##stem | (uint64_t)(extra), \
     (const void *)hp_##fam##_##var, HP_SRC_FILE_##stem}

#endif
