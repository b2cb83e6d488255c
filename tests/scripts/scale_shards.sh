#!/usr/bin/env bash
# `mimeo run --shard K/N` and `--merge`: four shards run through GNU parallel, then the
# merge, write exactly the files (byte for byte) one ordinary run writes; each shard
# writes only its own articles' per-article outputs; a merge before every shard ran
# names the missing articles and writes nothing.
set -uo pipefail
if ! command -v parallel >/dev/null; then echo "skipped: GNU parallel is not installed"; exit 0; fi
. "$(dirname "$0")/support/test_folder.sh"
copy_fixture_articles
# More articles than shards, so that every shard has some.
for i in $(seq 1 12); do
    printf -- '---\ntitle: Extra article %s\nauthor: A. Writer\ndate: 2025-04-%02d\n---\n\n# Part one\n\nText with a [link](https://example.org/%s) and a note.[^1]\n\n- one\n- two\n\n[^1]: The note.\n' \
        "$i" "$i" "$i" > "$dir/articles/extra-$i.md"
done
cat > "$dir/issue.yaml" <<'YAML'
publication: {title: The Lamplighter, language: en, url: 'https://lamplighter.example.org/'}
issue: {number: 418, date: 2025-04-14}
inputs: [articles/*.md]
transforms: [smart-typography]
outputs:
  - {format: html, path: 'out/issue-${issue.number}.html'}
  - {format: html, path: 'out/articles/${article.slug}.html'}
  - {format: xml, path: out/xml}
  - {format: jats, path: out/jats}
  - {format: epub, path: out/issue.epub}
  - {format: email, path: 'out/digest.eml', from: 'Editors <e@example.org>'}
  - {format: email, path: 'out/mail/${article.slug}.eml', from: 'Editors <e@example.org>'}
  - {format: rss, path: out/feed.rss}
  - {format: atom, path: out/feed.atom}
YAML

# The reference: one ordinary run, with its own cache.
"$MIMEO" run "$dir/issue.yaml" --cache "$dir/cache-single" --out "$dir/single" -q || fail "the single run failed"

# A merge before any shard ran: an error naming the articles, nothing written.
early=$("$MIMEO" run "$dir/issue.yaml" --merge --cache "$dir/cache" --out "$dir/sharded" 2>&1)
[ $? -eq 1 ] || fail "a merge with an empty cache should exit 1: $early"
grep -q "not-cached" <<<"$early" || fail "the early merge should say not-cached: $early"
grep -q "articles/extra-7.md" <<<"$early" || fail "the early merge should name the missing articles: $early"
[ -e "$dir/sharded" ] && fail "the early merge wrote something"

# --shard and --merge need a cache.
"$MIMEO" run "$dir/issue.yaml" --shard 0/4 --no-cache >/dev/null 2>&1
[ $? -eq 2 ] || fail "--shard with --no-cache should be a usage error"
"$MIMEO" run "$dir/issue.yaml" --shard 4/4 >/dev/null 2>&1
[ $? -eq 2 ] || fail "--shard 4/4 should be a usage error"

parallel -j 4 "$MIMEO" run "$dir/issue.yaml" --shard {}/4 --cache "$dir/cache" --out "$dir/sharded" -q ::: 0 1 2 3 \
    || fail "a shard failed"
# Each article's cache entry came from exactly one shard: 17 articles, 17 entries.
entries=$(find "$dir/cache" -name '*.xml' | wc -l)
[ "$entries" -eq 17 ] || fail "the shards should leave 17 cache entries, found $entries"
# Before the merge, only per-article outputs exist.
[ -e "$dir/sharded/out/issue.epub" ] && fail "a shard wrote the per-issue EPUB"
[ -e "$dir/sharded/out/xml" ] && fail "a shard wrote the per-issue xml folder"
n=$(ls "$dir/sharded/out/jats"/*.xml 2>/dev/null | wc -l)
[ "$n" -eq 17 ] || fail "the shards together should write 17 JATS files, found $n"

# Shards split the articles: the four shards' counts add up to 17, each has at least one.
sum=0
for k in 0 1 2 3; do
    line=$("$MIMEO" run "$dir/issue.yaml" --shard $k/4 --cache "$dir/cache" --out "$dir/again" --dry-run | head -1)
    count=${line%% article*}
    [ "$count" -ge 1 ] 2>/dev/null || fail "shard $k/4 has no article: $line"
    sum=$((sum + count))
done
[ "$sum" -eq 17 ] || fail "the shards' articles add up to $sum, not 17"

merged=$("$MIMEO" run "$dir/issue.yaml" --merge --cache "$dir/cache" --out "$dir/sharded" 2>&1) || fail "the merge failed: $merged"
grep -q "^17 articles, 17 from cache (nothing imported)" <<<"$merged" || fail "the merge should import nothing: $merged"

diff -r "$dir/single" "$dir/sharded" || fail "shards + merge differ from a single run"

[ "$failures" -eq 0 ] && echo "ok: 4 shards through GNU parallel + merge = a single run"
exit $((failures > 0))
