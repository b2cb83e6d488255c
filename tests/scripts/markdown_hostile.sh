#!/usr/bin/env bash
# Hostile Markdown: nesting 100,000 deep, a huge paragraph and NUL bytes give a clear
# error or a bounded, correct result; never a crash.
set -uo pipefail
. "$(dirname "$0")/support/test_folder.sh"

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
  grep -Eq "$name.md:1(:1)?: error\[too-deep\]" <<<"$err" || fail "$name: message '$err'"
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

# Titles of 80 Japanese characters (240 bytes of slug before the fix): every output is written,
# each file name fits in 255 bytes, and two titles alike but for their last character differ.
mkdir -p "$dir/long/articles"
long=$(/usr/bin/python3 -c "print('港湾労働者' * 16)")
printf -- '---\ntitle: %s湾\n---\nOne.\n' "$long" > "$dir/long/articles/a.md"
printf -- '---\ntitle: %s町\n---\nTwo.\n' "$long" > "$dir/long/articles/b.md"
cat > "$dir/long/issue.yaml" <<'YAML'
publication: {title: T, url: 'https://t.example.org/'}
issue: {number: 1}
inputs: [articles/*.md]
outputs:
  - {format: html, path: 'out/${article.slug}.html'}
  - {format: epub, path: out/books, per-article: true}
  - {format: jats, path: out/jats}
  - {format: xml, path: out/xml}
YAML
err=$("$MIMEO" run "$dir/long/issue.yaml" --no-cache 2>&1) || fail "long titles: the run failed: $err"
[ "$(find "$dir/long/out" -type f | wc -l)" -eq 9 ] || fail "long titles: wanted 9 files: $(find "$dir/long/out" -type f)"
while read -r name; do
  [ "$(printf %s "$name" | wc -c)" -le 200 ] || fail "long titles: a file name of $(printf %s "$name" | wc -c) bytes"
done < <(find "$dir/long/out" -type f -printf '%f\n')

finish markdown_hostile
