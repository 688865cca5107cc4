#!/usr/bin/python3
"""cpu-effects-report.py RESULT.json: milestone 7's derived figures from a
hotpath-bench run (medians over the repetitions, [min, max] beside them):
branch_sum's cost per misprediction, pointer_chase's load latency per
working set with the cache level it fits, gather_sum's sequential vs random
order, and the ILP regimes.  Prints nothing when the run has none of them.
Only the Python standard library (Debian's /usr/bin/python3)."""
import json
import statistics
import sys
from collections import defaultdict


def load(path):
    with open(path) as f:
        doc = json.load(f)
    ctx = doc.get("context", {})
    runs = defaultdict(list)  # run name -> per-repetition counter dicts
    for b in doc.get("benchmarks", []):
        if b.get("run_type") == "iteration" and not b.get("error_occurred"):
            runs[b.get("run_name", b["name"])].append(b)
    return ctx, runs


def stat(runs, name, key):
    """(median, min, max) of a counter over the repetitions, or None."""
    xs = [b[key] for b in runs.get(name, []) if key in b]
    return (statistics.median(xs), min(xs), max(xs)) if xs else None


def fmt(s, digits=2):
    if s is None:
        return "-"
    med, lo, hi = s
    return f"{med:.{digits}f} [{lo:.{digits}f}, {hi:.{digits}f}]"


def kib(b):
    return f"{b >> 20} MiB" if b >= 1 << 20 and b % (1 << 20) == 0 else \
        (f"{b / 1048576:.1f} MiB" if b >= 1 << 20 else f"{b >> 10} KiB")


def level(bytes_, ctx):
    for name, key in (("L1d", "hp_l1d_bytes"), ("L2", "hp_l2_bytes"), ("L3", "hp_l3_bytes")):
        size = int(ctx.get(key, 0) or 0)
        if size and bytes_ <= size:
            return name
    return "DRAM" if int(ctx.get("hp_l3_bytes", 0) or 0) else "?"


def names(runs, prefix):
    """Run names family/variant/size[/extra] under prefix, in size order."""
    out = [n for n in runs if n.startswith(prefix)]
    return sorted(out, key=lambda n: (n.split("/")[1], int(n.split("/")[2]), n))


def main(path):
    ctx, runs = load(path)
    if not any(n.split("/")[0] in ("branch_sum", "pointer_chase", "gather_sum", "ilp_imul",
                                   "ilp_fma") for n in runs):
        return 0
    reps = max((len(v) for v in runs.values()), default=0)
    print(f"cpu effects: {path} (median [min, max] of {reps} repetition(s); "
          f"{ctx.get('hp_cpu_model', '?')}; TSC = time-stamp counter cycles, constant rate)")

    rows = [n for n in names(runs, "branch_sum/") if n.endswith("/random")]
    if rows:
        print("\nbranch prediction: branch_sum, bytes in [0,256) > 127, ns per element")
        print(f"  {'variant/n':<28} {'random':>24} {'sorted':>24}   cost per misprediction")
        for n in rows:
            sorted_name = n[: -len("random")] + "sorted"
            r, s = stat(runs, n, "ns_per_elem"), stat(runs, sorted_name, "ns_per_elem")
            rt, st = stat(runs, n, "tsc_per_elem"), stat(runs, sorted_name, "tsc_per_elem")
            cost = ""
            if r and s:
                # random data mispredicts about half the branches, sorted almost none
                cost = f"{(r[0] - s[0]) / 0.5:6.2f} ns"
                if rt and st:
                    cost += f" = {(rt[0] - st[0]) / 0.5:5.1f} TSC cycles"
            label = "/".join(n.split("/")[1:3])
            print(f"  {label:<28} {fmt(r, 3):>24} {fmt(s, 3):>24}   {cost}")

    rows = names(runs, "pointer_chase/")
    if rows:
        print("\ncache locality: pointer_chase, one dependent load per cache line")
        print(f"  {'working set':<12} {'level':<5} {'ns per load':>26} {'TSC cycles per load':>26}")
        for n in rows:
            size = int(n.split("/")[2])
            print(f"  {kib(size):<12} {level(size, ctx):<5} {fmt(stat(runs, n, 'ns_per_load')):>26}"
                  f" {fmt(stat(runs, n, 'tsc_per_load'), 1):>26}")

    rows = [n for n in names(runs, "gather_sum/") if n.endswith("/seq")]
    if rows:
        print("\ncache locality: gather_sum, the same array summed in order and shuffled, ns per element")
        print(f"  {'elements':>10} {'touched':>10} {'level':<5} {'sequential':>24} {'random':>24} {'ratio':>7}")
        for n in rows:
            size = int(n.split("/")[2])
            q, r = stat(runs, n, "ns_per_elem"), stat(runs, n[:-3] + "random", "ns_per_elem")
            ratio = f"{r[0] / q[0]:6.1f}x" if q and r and q[0] > 0 else "-"
            print(f"  {size:>10} {kib(8 * size):>10} {level(8 * size, ctx):<5} {fmt(q, 3):>24}"
                  f" {fmt(r, 3):>24} {ratio:>7}")

    for fam in ("ilp_imul", "ilp_fma"):
        rows = names(runs, fam + "/")
        if not rows:
            continue
        print(f"\ninstruction-level parallelism: {fam}, 8 chains, K in flight")
        print(f"  {'variant':<10} {'ns per op':>26} {'ops per ns':>10} {'TSC cycles per op':>26}")
        for n in rows:
            s = stat(runs, n, "ns_per_op")
            ops = f"{1 / s[0]:.2f}" if s and s[0] > 0 else "-"
            print(f"  {n.split('/')[1]:<10} {fmt(s, 3):>26} {ops:>10}"
                  f" {fmt(stat(runs, n, 'tsc_per_op'), 2):>26}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: cpu-effects-report.py RESULT.json")
    sys.exit(main(sys.argv[1]))
