#!/usr/bin/env bash
# mimeo-test: slow
# Two runs of the same pipeline at once never interleave: the second waits for the first,
# or with --no-wait refuses at once; shards of one pipeline share the lock.
set -uo pipefail
. "$(dirname "$0")/support/test_folder.sh"
trap 'kill $first 2>/dev/null; rm -rf "$dir"' EXIT

/usr/bin/python3 -c "
import sys; sys.path.insert(0, '$MIMEO_ROOT/scripts/bench.d'); import corpus
corpus.generate('$dir/articles', 3000)"
cat > "$dir/pipeline.yaml" <<'YAML'
publication: {title: Lock Weekly, url: https://lock.example.org/}
issue: {number: 1, date: 2025-04-14}
inputs: [articles/*.md]
outputs:
  - {format: html, path: out/issue.html}
  - {format: jats, path: out/jats}
YAML

"$MIMEO" run "$dir/pipeline.yaml" --no-cache --quiet &
first=$!
# Let the first run take the lock and start importing.
sleep 0.4
kill -0 $first 2>/dev/null || fail "the first run ended before the second started; make the corpus larger"

err=$("$MIMEO" run "$dir/pipeline.yaml" --no-cache --quiet --no-wait 2>&1); code=$?
[ $code -eq 1 ] || fail "--no-wait while another run writes: exit $code, wanted 1"
grep -q "error\[locked\]: another mimeo run is writing these outputs" <<<"$err" || fail "--no-wait message: $err"

# Without --no-wait the second run queues behind the first and then succeeds.
"$MIMEO" run "$dir/pipeline.yaml" --no-cache --quiet || fail "the waiting run failed"
wait $first || fail "the first run failed"
[ "$(ls "$dir/out/jats"/*.xml | wc -l)" -eq 3000 ] || fail "wanted 3000 JATS files"
grep -q . < <(find "$dir" -name '*.tmp') && fail "temporary files left behind"

# Shards take the lock shared, so they run side by side.
"$MIMEO" run "$dir/pipeline.yaml" --shard 0/2 --quiet &
shard=$!
"$MIMEO" run "$dir/pipeline.yaml" --shard 1/2 --quiet --no-wait || fail "a second shard was refused"
wait $shard || fail "the first shard failed"

finish "concurrent runs: refused, queued and shared as they should be"
