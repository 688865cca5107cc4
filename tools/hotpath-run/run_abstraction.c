/* Runners of milestone 2 (kernels/abstraction): its four families share
 * hp_sum_array_fn's signature, so they share its input. */
#include "runners.h"

const hp_runner hp_runners_abstraction[] = {
    {"sum", 1 << 16, hp_run_prep_i32, hp_run_call_i32},
    {"sum_positive", 1 << 16, hp_run_prep_i32, hp_run_call_i32},
    {"sum_squares", 1 << 16, hp_run_prep_i32, hp_run_call_i32},
    {"sum_chain", 1 << 16, hp_run_prep_i32, hp_run_call_i32},
};
HP_RUNNERS_COUNT(abstraction)
