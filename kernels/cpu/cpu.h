/* CPU feature detection and the HOTPATH_ISA cap.  The only code that asks
 * which features exist; built for the x86-64 baseline. */
#ifndef HOTPATH_CPU_H
#define HOTPATH_CPU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* HP_FEAT_* bits the CPU and OS support (OS-saved YMM/ZMM/opmask state
 * checked with xgetbv), detected once and cached. */
uint64_t hp_cpu_detected(void);
/* The features allowed by HOTPATH_ISA (all when unset). */
uint64_t hp_cpu_cap_mask(void);
/* Detected features within the cap: what the registry offers. */
uint64_t hp_cpu_features(void);
/* 0 if HOTPATH_ISA is unset or valid; otherwise -1 and *err is a static
 * one-line message that lists the accepted values. */
int hp_cpu_cap_check(const char **err);
/* The HOTPATH_ISA value in force ("none" when unset). */
const char *hp_cpu_cap_name(void);
/* Highest x86-64 level (1..4) that a feature set satisfies. */
int hp_cpu_level(uint64_t features);
/* "AMD EPYC ..." from the brand string; static storage. */
const char *hp_cpu_model(void);
/* Space-separated names of the bits in features; static storage. */
const char *hp_cpu_feature_names(uint64_t features);
/* Name of one HP_FEAT_ bit. */
const char *hp_cpu_feature_name(uint64_t bit);

#ifdef __cplusplus
}
#endif
#endif
