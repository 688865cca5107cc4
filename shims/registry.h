/* How a milestone contributes to the registry: each shims/reg_<milestone>.c
 * defines one variant table and one family table with these names.
 * Internal to libhotpath; users see only hotpath.h. */
#ifndef HOTPATH_REGISTRY_H
#define HOTPATH_REGISTRY_H

#include "hotpath.h"

#define HP_MILESTONE_TABLES(m)                 \
    extern const hp_variant hp_reg_##m[];      \
    extern const size_t hp_reg_##m##_n;        \
    extern const hp_family hp_fam_##m[];       \
    extern const size_t hp_fam_##m##_n;

/* Defines the counts beside the tables, so a table edit cannot forget them. */
#define HP_TABLE_COUNTS(m)                                                  \
    const size_t hp_reg_##m##_n = sizeof hp_reg_##m / sizeof hp_reg_##m[0]; \
    const size_t hp_fam_##m##_n = sizeof hp_fam_##m / sizeof hp_fam_##m[0];

/* A variant line: family, name, stage, features, symbol hp_<family>_<name>. */
#define HP_V(fam, var, stage, feats) \
    {#fam, #var, HP_STAGE_##stage, (feats), (const void *)hp_##fam##_##var}

#endif
