#!/usr/bin/env bash
# mimeo-test: slow
# Output never depends on the cache: every pipeline in pipelines/ writes the same bytes
# with no cache, filling the cache and reading from it; a carriage return in a metadata
# value comes back from the cache as itself; and a cache entry with one byte flipped is
# re-imported with a cache-corrupt warning, never used.
set -uo pipefail
. "$(dirname "$0")/support/test_folder.sh"
root=${MIMEO_ROOT:-$(pwd)}
export SOURCE_DATE_EPOCH=1744588800  # the feeds' and books' dates, so that runs compare

sums() { (cd "$1" && find . -type f ! -name '.*' -exec sha256sum {} + | sort); }

for pipeline in "$root"/pipelines/*.yaml; do
  name=$(basename "$pipeline" .yaml)
  "$MIMEO" run "$pipeline" --no-cache --out "$dir/$name/none" -q >/dev/null 2>&1 || fail "$name: the run without a cache failed"
  "$MIMEO" run "$pipeline" --cache "$dir/$name/cache" --out "$dir/$name/filling" -q >/dev/null 2>&1 || fail "$name: the run filling the cache failed"
  from=$("$MIMEO" run "$pipeline" --cache "$dir/$name/cache" --out "$dir/$name/cached" 2>&1) || fail "$name: the cached run failed"
  grep -q "from cache (nothing imported)" <<<"$from" || fail "$name: the third run did not read the cache: $from"
  none=$(sums "$dir/$name/none")
  [ "$(wc -l <<<"$none")" -ge 3 ] || fail "$name: too few outputs to compare: $none"
  [ "$none" = "$(sums "$dir/$name/filling")" ] || fail "$name: filling the cache changed the outputs"
  [ "$none" = "$(sums "$dir/$name/cached")" ] || fail "$name: outputs read from the cache differ: $(diff <(echo "$none") <(sums "$dir/$name/cached"))"
done

# A carriage return inside a title survives a fresh import; it must survive the cache too.
mkdir -p "$dir/cr/articles"
printf -- '---\ntitle: "Tides\\rand wages"\nsummary: "one\\r\\ntwo"\n---\nText.\n' > "$dir/cr/articles/a.md"
cat > "$dir/cr/issue.yaml" <<'YAML'
publication: {title: T, url: 'https://t.example.org/'}
issue: {number: 1, date: 2025-04-14}
inputs: [articles/*.md]
outputs:
  - {format: email, path: out/issue.eml, from: 'E <e@t.example.org>', list-unsubscribe: 'https://t.example.org/u'}
  - {format: xml, path: out/xml}
YAML
"$MIMEO" run "$dir/cr/issue.yaml" --no-cache -q >/dev/null 2>&1 || fail "cr: the fresh run failed"
fresh=$(sums "$dir/cr/out")
grep -q $'\r' "$dir/cr/out/xml/tides-and-wages.xml" 2>/dev/null || grep -q '&#13;\|&#xD;' "$dir/cr/out/xml/"*.xml || fail "cr: the fresh import lost the CR"
"$MIMEO" run "$dir/cr/issue.yaml" -q >/dev/null 2>&1 || fail "cr: the run filling the cache failed"
"$MIMEO" run "$dir/cr/issue.yaml" -q >/dev/null 2>&1 || fail "cr: the cached run failed"
[ "$fresh" = "$(sums "$dir/cr/out")" ] || fail "cr: the cache changed the outputs"

# One flipped byte in an entry: re-imported with a warning, and the outputs as before.
entry=$(find "$dir/cr/.mimeo-cache" -name '*.xml' | head -1)
size=$(stat -c %s "$entry")
for at in 3 20 $((size / 2)) $((size - 2)); do
  "$MIMEO" run "$dir/cr/issue.yaml" -q >/dev/null 2>&1
  entry=$(find "$dir/cr/.mimeo-cache" -name '*.xml' | head -1)
  byte=$(od -An -tu1 -j "$at" -N1 "$entry" | tr -d ' ')
  printf "$(printf '\\%03o' $((byte ^ 1)))" | dd of="$entry" bs=1 seek="$at" conv=notrunc status=none
  err=$("$MIMEO" run "$dir/cr/issue.yaml" 2>&1) || fail "flip at $at: the run failed: $err"
  grep -q "warning\[cache-corrupt\]" <<<"$err" || fail "flip at $at: no cache-corrupt warning: $err"
  grep -q "1 imported" <<<"$err" || fail "flip at $at: the article was not imported again: $err"
  [ "$fresh" = "$(sums "$dir/cr/out")" ] || fail "flip at $at: the outputs changed"
done
exit $((failures > 0))
