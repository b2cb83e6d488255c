#!/usr/bin/env bash
# Hostile Markdown: nesting 100,000 deep, a huge paragraph and NUL bytes give a clear
# error or a bounded, correct result; never a crash.
set -uo pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

/usr/bin/python3 - "$dir" <<'PY'
import sys
d = sys.argv[1]
open(f"{d}/quotes.md", "w").write(">" * 100000 + " deep\n")
open(f"{d}/lists.md", "w").write("- " * 100000 + "deep\n")
open(f"{d}/emphasis.md", "w").write("*" * 100000 + "x" + "*" * 100000 + "\n")  # nests em/strong
open(f"{d}/big.md", "w").write("---\ntitle: Big\n---\n\n" + "word " * 2_000_000 + "\n")
open(f"{d}/nul.md", "wb").write(b"---\ntitle: Nul\n---\n\nbefore\x00after\n")
PY

for name in quotes lists emphasis; do
  err=$("$MIMEO" import "$dir/$name.md" -o "$dir/$name.xml" 2>&1); code=$?
  [ $code -eq 1 ] || fail "$name: exit $code, wanted 1"
  grep -q "$name.md:1: error\[too-deep\]" <<<"$err" || fail "$name: message '$err'"
  [ -e "$dir/$name.xml" ] && fail "$name: output left behind"
done

# A 10 MB paragraph imports, in bounded memory.
peak=$( { /usr/bin/time -f '%M' "$MIMEO" import "$dir/big.md" -o "$dir/big.xml" 2>&1 >/dev/null; } | tail -1)
[ -s "$dir/big.xml" ] || fail "big: no output"
[ "$peak" -lt 614400 ] || fail "big: peak memory ${peak} KB"

# A 100 MB paragraph is over the documented 16 MiB limit: a clear error, at once.
/usr/bin/python3 -c "open('$dir/huge.md', 'w').write('word ' * 20_000_000)"
err=$("$MIMEO" import "$dir/huge.md" -o "$dir/huge.xml" 2>&1); code=$?
[ $code -eq 1 ] || fail "huge: exit $code"
grep -q "huge.md: error\[too-large\]: is 95 MiB; the limit is 16 MiB" <<<"$err" || fail "huge: message '$err'"

err=$("$MIMEO" import "$dir/nul.md" -o "$dir/nul.xml" 2>&1) || fail "nul: import failed"
grep -q "warning\[control-char\]" <<<"$err" || fail "nul: no warning"
grep -q "before.after" "$dir/nul.xml" || fail "nul: text lost"

[ "$failures" -eq 0 ] && echo "hostile markdown: all cases bounded"
exit "$failures"
