#!/usr/bin/env bash
# Installs the Debian packages hotpath needs, when missing.  As root it runs
# apt-get; otherwise it prints the one command to run and fails.
set -euo pipefail

# package:what needs it
pkgs=(
  cmake:build make:build gcc:build g++:build pkg-config:build
  binutils:"make asm (objdump)" git:"result context"
  libbenchmark-dev:hotpath-bench libbenchmark-tools:"compare.py test"
  python3-scipy:"compare.py test" libcmocka-dev:tests libjansson-dev:hotpath-stats
  libopenblas-dev:"OpenBLAS peer" libssl-dev:"OpenSSL peer" openssl:"hyperfine peer"
  hyperfine:"make bench-hyperfine" gnuplot-nox:"make plots" valgrind:"make perf fallback"
  linux-perf:"make perf" clang:"make pipeline, make fuzz" libclang-rt-14-dev:"make fuzz"
  coreutils:"b64 comparison" llvm-14:"make explain (llvm-mca)" gawk:"make explain, make roofline"
)

missing=()
for p in "${pkgs[@]}"; do
  name=${p%%:*}
  if ! dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$name")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "hotpath: missing Debian packages: ${missing[*]}" >&2
  echo "hotpath: run as root:  apt-get update && $cmd" >&2
  exit 1
fi
echo "hotpath: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# A fresh machine has no package lists yet; refresh them at most once a day.
if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -1)" ]; then
  apt-get update -qq
fi
# Stale lists name versions the mirror no longer has: refresh and retry once.
$cmd >&2 || { apt-get update -qq && $cmd >&2; }
