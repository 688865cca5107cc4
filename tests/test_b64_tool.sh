#!/usr/bin/env bash
# tools/b64 against coreutils base64: byte-identical output for random
# files of many sizes, at every wrap width tried, from files and through
# pipes that deliver a byte at a time; the errors (invalid input with its
# byte offset, unreadable input, EPIPE, ENOSPC, bad --codec) exit non-zero
# with a message.  Every variant is exercised through --codec.
set -uo pipefail
build=$1
b64=$build/b64
if ! command -v base64 >/dev/null; then
  echo "SKIP: coreutils base64 not found"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fail=1; }

# Random data of one size, reproducible (so a failure can be rerun).
rand() { # size file
  head -c "$1" <(openssl enc -aes-128-ctr -pass pass:"hotpath$1" -nosalt -pbkdf2 </dev/zero 2>/dev/null) >"$2"
}

# --- encode and decode, from a file and from a pipe ----------------------
# (each run of an ASan build costs ~20 ms to start: odd widths get fewer sizes)
check_sizes() { # widths sizes
  local w n f opt
  for n in $2; do
    f=$tmp/in-$n
    [ -e "$f" ] || rand "$n" "$f"
    for w in $1; do
      opt=(); [ "$w" = default ] || opt=(-w "$w")
      base64 "${opt[@]}" "$f" >"$tmp/want"
      "$b64" "${opt[@]}" "$f" >"$tmp/got" || bad "b64 ${opt[*]} of $n bytes: status $?"
      cmp -s "$tmp/got" "$tmp/want" || bad "b64 ${opt[*]} of $n bytes differs from base64"
      "$b64" -d "$tmp/want" >"$tmp/dec" || bad "b64 -d of base64 ${opt[*]} of $n bytes: status $?"
      cmp -s "$tmp/dec" "$f" || bad "b64 -d of base64 ${opt[*]} of $n bytes differs from the input"
    done
  done
  ok "encode and decode match coreutils for sizes $2 at widths $1"
}
check_sizes "default 0" "0 1 2 3 4 56 57 58 75 76 77 1000 4095 100000 1048577"
check_sizes "1 3 7 64 75 77" "1 2 57 58 1000 100000"

# One byte per write (dd bs=1) reaches b64 in reads of a byte or a few:
# quartets, lines and padding split at every point.
for n in 0 1 2 3 57 77 1000; do
  f=$tmp/in-$n
  base64 -w 7 "$f" >"$tmp/want7"
  dd if="$f" bs=1 status=none | "$b64" -w 7 >"$tmp/got" && cmp -s "$tmp/got" "$tmp/want7" ||
    bad "encode through a 1-byte pipe, $n bytes"
  dd if="$tmp/want7" bs=1 status=none | "$b64" -d >"$tmp/dec" && cmp -s "$tmp/dec" "$f" ||
    bad "decode through a 1-byte pipe, $n bytes"
done
for bs in 3 5 4097 65537; do
  f=$tmp/in-100000
  base64 "$f" >"$tmp/want"
  dd if="$f" bs=$bs status=none | "$b64" >"$tmp/got" && cmp -s "$tmp/got" "$tmp/want" ||
    bad "encode through a pipe of $bs-byte writes"
  dd if="$tmp/want" bs=$bs status=none | "$b64" -d >"$tmp/dec" && cmp -s "$tmp/dec" "$f" ||
    bad "decode through a pipe of $bs-byte writes"
done
ok "pipes of 1-byte and odd-sized writes"

# Newlines anywhere (coreutils accepts them too), and -i with garbage.
f=$tmp/in-1000
base64 -w 0 "$f" | sed 's/.\{5\}/&\n\n/g' >"$tmp/lines"
"$b64" -d "$tmp/lines" | cmp -s - "$f" || bad "decode of uneven lines with empty ones"
base64 "$f" | sed 's/\(.\)\(.\)/\1 \2*\r/g' >"$tmp/garbage"
base64 -d -i "$tmp/garbage" >"$tmp/want"
"$b64" -d -i "$tmp/garbage" >"$tmp/got" && cmp -s "$tmp/got" "$tmp/want" && cmp -s "$tmp/got" "$f" ||
  bad "-d -i with garbage differs from base64 -d -i"
"$b64" -d "$tmp/garbage" >/dev/null 2>&1 && bad "garbage without -i accepted"
ok "newlines anywhere; -i skips garbage"

# --- invalid input: status 1 and the offset of the bad byte --------------
expect_invalid() { # description offset input-file [b64 options]
  local what=$1 off=$2 in=$3; shift 3
  "$b64" -d "$@" <"$in" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  if [ $rc -ne 1 ] || ! grep -q "invalid input at byte offset $off\$" "$tmp/err"; then
    bad "$what: status $rc, message: $(cat "$tmp/err")"
  fi
}
printf 'Zm9v\nYm!y' >"$tmp/i1"; expect_invalid "bad byte after a newline" 7 "$tmp/i1"
printf 'Zm9vYmF' >"$tmp/i2"; expect_invalid "truncated quartet" 4 "$tmp/i2"
printf 'Zg==Zm9v' >"$tmp/i3"; expect_invalid "data after padding" 2 "$tmp/i3"
printf 'Zg=\n=\nZm9v\n' >"$tmp/i4"; expect_invalid "padding split by newlines, then data" 2 "$tmp/i4"
printf 'Zh==' >"$tmp/i5"; expect_invalid "non-canonical last character" 1 "$tmp/i5"
printf 'Zm9v\r\n' >"$tmp/i6"; expect_invalid "carriage return" 4 "$tmp/i6"
# A bad byte deep in a wrapped ~1.4 MB text, past the first read: the offset
# counts the newlines, and what was written is a prefix of the data.
big=$tmp/in-1048577
base64 "$big" >"$tmp/big.b64"
pos=1100003
[ "$(head -c $((pos + 1)) "$tmp/big.b64" | tail -c 1)" != $'\n' ] || pos=$((pos + 1))
printf '!' | dd of="$tmp/big.b64" bs=1 seek=$pos conv=notrunc status=none
expect_invalid "bad byte at $pos of a wrapped text" $pos "$tmp/big.b64"
head -c "$(stat -c %s "$tmp/out")" "$big" | cmp -s - "$tmp/out" ||
  bad "output before the error is not a prefix of the data"
[ "$(stat -c %s "$tmp/out")" -gt 500000 ] || bad "output before the error is short: $(stat -c %s "$tmp/out")"
# 38 lines of 76 and their newlines, then a bad quartet
head -c 2926 "$tmp/big.b64" >"$tmp/small.b64"; printf '#AAA\n' >>"$tmp/small.b64"
dd if="$tmp/small.b64" bs=1 status=none | "$b64" -d >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "offset 2926\$" "$tmp/err" || bad "bad byte through a 1-byte pipe: $(cat "$tmp/err")"
ok "invalid input: status 1 and the byte offset"

# --- I/O errors ------------------------------------------------------------
"$b64" "$tmp/does-not-exist" >/dev/null 2>"$tmp/err"
[ $? -ne 0 ] && grep -q "does-not-exist" "$tmp/err" || bad "missing file"
"$b64" "$tmp" >/dev/null 2>"$tmp/err"
[ $? -ne 0 ] && grep -qi "directory" "$tmp/err" || bad "a directory as input"
"$b64" "$big" >/dev/full 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "No space left on device" "$tmp/err" || bad "ENOSPC: $(cat "$tmp/err")"
"$b64" -d "$tmp/big.b64" >/dev/full 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "No space left on device" "$tmp/err" || bad "ENOSPC when decoding"
"$b64" "$big" 2>"$tmp/err" | head -c 1 >/dev/null
st=${PIPESTATUS[0]}
[ "$st" -eq 1 ] && grep -q "Broken pipe" "$tmp/err" || bad "EPIPE: status $st, $(cat "$tmp/err")"
ok "unreadable input, ENOSPC and EPIPE: a message and a non-zero status"

# --- codecs ----------------------------------------------------------------
f=$tmp/in-4095
base64 -w 0 "$f" >"$tmp/want"
n=0
while read -r dir name state; do
  if [ "$state" != runs ]; then echo "skip: $dir $name ($state)"; continue; fi
  if [ "$dir" = encode ]; then
    "$b64" -w 0 --codec "$name" "$f" | cmp -s - "$tmp/want" || bad "--codec $name encode"
  else
    "$b64" -d --codec="$name" "$tmp/want" | cmp -s - "$f" || bad "--codec $name decode"
  fi
  n=$((n + 1))
done < <("$b64" --list-codecs)
[ $n -ge 4 ] || bad "only $n codecs listed"
"$b64" --codec no-such </dev/null >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "unknown codec 'no-such'" "$tmp/err" || bad "unknown codec"
if "$b64" --list-codecs | grep -q "^encode  *avx2 "; then
  HOTPATH_ISA=scalar "$b64" --codec avx2 </dev/null >/dev/null 2>"$tmp/err"
  [ $? -eq 2 ] && grep -q "cannot run here" "$tmp/err" || bad "avx2 under HOTPATH_ISA=scalar"
  HOTPATH_ISA=scalar "$b64" -w 0 "$f" | cmp -s - "$tmp/want" || bad "default codec at HOTPATH_ISA=scalar"
fi
"$b64" -w x </dev/null >/dev/null 2>&1; [ $? -eq 2 ] || bad "-w x accepted"
"$b64" a b </dev/null >/dev/null 2>&1; [ $? -eq 2 ] || bad "two operands accepted"
ok "$n codecs give coreutils' output; bad --codec and usage errors exit 2"

exit $fail
