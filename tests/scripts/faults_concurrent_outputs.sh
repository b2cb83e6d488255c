#!/usr/bin/env bash
# mimeo-test: slow
# Two pipelines in different folders that write one file are serialised by that file's
# lock: both merge their 100 items into ../shared/feed.rss, 5 times over, and every one of
# the 200 items is kept. With --no-wait the second refuses while the first writes. (A lock
# per pipeline folder let them both read the old feed and write over each other.)
set -uo pipefail
. "$(dirname "$0")/support/test_folder.sh"
for side in a b; do
  seed=$([ $side = a ] && echo 1 || echo 2)
  /usr/bin/python3 -c "
import sys; sys.path.insert(0, '$MIMEO_ROOT/scripts/bench.d'); import corpus
corpus.generate('$dir/$side/articles', 100, seed=$seed)"
  sed -i "s/^slug: article-/slug: $side-article-/" "$dir/$side/articles/"*.md  # 200 items, not 100 twice
  cat > "$dir/$side/pipeline.yaml" <<YAML
publication: {title: Lock Weekly, url: 'https://lock.example.org/'}
issue: {number: $seed, date: 2025-04-1$seed}
inputs: [articles/*.md]
outputs:
  - {format: rss, path: ../shared/feed.rss, feed-url: 'https://lock.example.org/feed.rss', max-items: 0}
  - {format: jats, path: out/jats}
YAML
done
mkdir -p "$dir/shared"

for trial in 1 2 3 4 5; do
  rm -f "$dir/shared/feed.rss"
  "$MIMEO" run "$dir/a/pipeline.yaml" --quiet & first=$!
  "$MIMEO" run "$dir/b/pipeline.yaml" --quiet || fail "trial $trial: run b failed"
  wait $first || fail "trial $trial: run a failed"
  items=$(grep -c "<item>" "$dir/shared/feed.rss")
  [ "$items" -eq 200 ] || fail "trial $trial: the merged feed holds $items items, not 200"
done

# While one run writes the feed, another pipeline's run that writes it too refuses with --no-wait.
/usr/bin/python3 -c "
import sys; sys.path.insert(0, '$MIMEO_ROOT/scripts/bench.d'); import corpus
corpus.generate('$dir/a/articles', 3000, seed=1)"
# Its first progress line comes after it holds its locks.
"$MIMEO" run "$dir/a/pipeline.yaml" --no-cache --quiet --progress=json 2>"$dir/progress" & first=$!
for _ in $(seq 100); do [ -s "$dir/progress" ] && break; sleep 0.05; done
kill -0 $first 2>/dev/null || fail "the long run ended before the second started; make the corpus larger"
err=$("$MIMEO" run "$dir/b/pipeline.yaml" --no-cache --quiet --no-wait 2>&1); code=$?
[ $code -eq 1 ] || fail "--no-wait against another pipeline writing the same feed: exit $code, wanted 1"
grep -q "shared/feed.rss: error\[locked\]" <<<"$err" || fail "--no-wait message names the feed: $err"
wait $first || fail "the long run failed"
exit $((failures > 0))
