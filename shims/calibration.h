/* The calibration family (kernels/calibration): kernels whose relative work
 * is known exactly, so a run can measure the smallest change this machine
 * lets it detect (bench/paired, docs/paired.md).  Not a milestone of the
 * journey: a ruler for the suite itself. */
#ifndef HOTPATH_CALIBRATION_H
#define HOTPATH_CALIBRATION_H

#include <stdint.h>

#include "harness.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A dependent chain of `ops` single-cycle integer operations (chain105:
 * ops + ops/20 of them); returns x.  The harness takes multiples of 160,
 * so that both chains are whole 8-op blocks and the ratio is 1.05. */
typedef uint64_t (*hp_calibration_fn)(uint64_t x, uint64_t ops);

uint64_t hp_calibration_chain(uint64_t x, uint64_t ops);
uint64_t hp_calibration_chain105(uint64_t x, uint64_t ops);

/* The family's harness (shims/harness_calibration.c), a table of one as
 * the milestones' are; hp_harness_find("calibration") finds it too. */
extern const hp_harness hp_harness_calibration[];

#ifdef __cplusplus
}
#endif
#endif
