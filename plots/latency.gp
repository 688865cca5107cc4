# Latency against working set (milestone 7, pointer_chase): nanoseconds per
# dependent load as the chased cycle outgrows L1d, L2 and L3.  The sizes
# chart in latency mode.
mode = 'latency'
load plots.'/sizes.gp'
