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

/* A variant line, X(family, name, stage, stem, extra): the variant
 * hp_<family>_<name> at its journey stage, the stem of the file that
 * defines it (kernels/<milestone>/<stem>.c or .S), and the features it
 * needs beyond what that file's ISA suffix gives (CMakeLists.txt,
 * hp_suffix_isa): an instruction in inline asm (tzcnt, rdtscp) or an OS
 * facility (xgetbv).  The suffix's features come from the generated
 * hp_sources.h, never retyped here; an unknown stem does not compile, and
 * test_sources checks that the symbol is defined in that file.
 *
 * Each shims/reg_<milestone>.c lists its lines once, as an X-macro, and
 * HP_REGISTRY expands the list twice: a declaration of each symbol with
 * its family's function type (hp_<family>_fn), then the table.  So a new
 * variant needs no header edit: its file and its line. */
#define HP_DECLARE(fam, var, stage, stem, extra) HP_KERNEL(fam, var);
#define HP_V(fam, var, stage, stem, extra)                                       \
    {#fam, #var, HP_STAGE_##stage, HP_SRC_FEATURES_##stem | (uint64_t)(extra), \
     (const void *)hp_##fam##_##var, HP_SRC_FILE_##stem},
#define HP_REGISTRY(m, LIST) \
    LIST(HP_DECLARE)         \
    const hp_variant hp_reg_##m[] = {LIST(HP_V)};

#endif
