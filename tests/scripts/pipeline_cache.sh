#!/usr/bin/env bash
# The import cache: a second run with nothing changed imports nothing and says so,
# and writes the same bytes; a changed article is the only one imported again.
set -uo pipefail
. "$(dirname "$0")/support/test_folder.sh"
copy_fixture_articles
cat > "$dir/issue.yaml" <<'YAML'
publication: {title: The Lamplighter}
issue: {number: 418}
inputs: [articles/*.md]
transforms: [smart-typography]
outputs:
  - {format: html, path: 'out/issue-${issue.number}.html'}
  - {format: xml, path: out/xml}
YAML

first=$("$MIMEO" run "$dir/issue.yaml" 2>&1) || fail "first run failed: $first"
grep -q "^5 articles, 5 imported" <<<"$first" || fail "first run should import all 5: $first"
[ -d "$dir/.mimeo-cache" ] || fail "no .mimeo-cache beside the pipeline"
entries=$(find "$dir/.mimeo-cache" -name '*.xml' | wc -l)
[ "$entries" -eq 5 ] || fail "wanted 5 cache entries, found $entries"
grep -q . < <(find "$dir/.mimeo-cache" -name '*.tmp') && fail "temporary files left in the cache"
# Entries hold canonical XML, after a header line and the import's warnings.
entry=$(find "$dir/.mimeo-cache" -name '*.xml' | head -1)
grep -qx 'mimeo-cache 2' < <(sed -n '1p' "$entry") || fail "cache entry lacks its header"
sums_first=$(cd "$dir/out" && find . -type f -exec sha256sum {} + | sort)

second=$("$MIMEO" run "$dir/issue.yaml" 2>&1) || fail "second run failed: $second"
grep -q "^5 articles, 5 from cache (nothing imported)" <<<"$second" || fail "second run should say all came from cache: $second"
sums_second=$(cd "$dir/out" && find . -type f -exec sha256sum {} + | sort)
[ "$sums_first" = "$sums_second" ] || fail "outputs from the cache differ from the imported ones"

# With the input unreadable but unchanged in name, an import would fail: prove the cache
# is consulted by content, so a change to one article imports that one only.
printf '\nOne more paragraph.\n' >> "$dir/articles/04-lists-and-quotes.md"
third=$("$MIMEO" run "$dir/issue.yaml" 2>&1) || fail "third run failed: $third"
grep -q "^5 articles, 1 imported, 4 from cache" <<<"$third" || fail "only the changed article should be imported: $third"
grep -q "One more paragraph" "$dir/out/issue-418.html" || fail "the change did not reach the output"

# Options that change the import change the key.
sed -i 's|inputs: \[articles/\*.md\]|inputs: [{path: articles/*.md, options: {smart: false}}]|' "$dir/issue.yaml"
fourth=$("$MIMEO" run "$dir/issue.yaml" 2>&1) || fail "fourth run failed: $fourth"
grep -q "^5 articles, 5 imported" <<<"$fourth" || fail "new import options should miss the cache: $fourth"

no_cache=$("$MIMEO" run "$dir/issue.yaml" --no-cache 2>&1) || fail "--no-cache run failed: $no_cache"
grep -q "^5 articles, 5 imported" <<<"$no_cache" || fail "--no-cache should import everything: $no_cache"

# --cache DIR moves it; `cache: false` in the file turns it off.
"$MIMEO" run "$dir/issue.yaml" --cache "$dir/elsewhere" >/dev/null 2>&1 || fail "--cache run failed"
[ "$(find "$dir/elsewhere" -name '*.xml' | wc -l)" -eq 5 ] || fail "--cache DIR did not hold the entries"
echo "cache: false" >> "$dir/issue.yaml"
rm -rf "$dir/.mimeo-cache"
"$MIMEO" run "$dir/issue.yaml" >/dev/null 2>&1 || fail "cache: false run failed"
[ -e "$dir/.mimeo-cache" ] && fail "cache: false still wrote a cache"

echo "first:  $(head -1 <<<"$first")"
echo "second: $(head -1 <<<"$second")"
echo "third:  $(head -1 <<<"$third")"
exit $((failures > 0))
