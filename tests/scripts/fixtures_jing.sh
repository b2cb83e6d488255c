#!/usr/bin/env bash
# Every fixture imports to canonical XML that jing, an independent RELAX NG validator, accepts.
set -euo pipefail
. "$(dirname "$0")/support/test_folder.sh"
out=$dir
count=0
for input in "$MIMEO_ROOT"/fixtures/articles/*.md; do
  xml="$out/$(basename "$input" .md).xml"
  "$MIMEO" import "$input" -o "$xml"
  jing "$MIMEO_ROOT/schemas/article.rng" "$xml"
  "$MIMEO" validate "$xml" >/dev/null
  count=$((count + 1))
done
# The issue as a whole, with the masthead from fixtures/issue.yaml.
"$MIMEO" convert --issue "$MIMEO_ROOT/fixtures/issue.yaml" "$MIMEO_ROOT"/fixtures/articles/*.md --to xml -o "$out/issue"
jing "$MIMEO_ROOT/schemas/article.rng" "$out/issue/issue.xml"
grep -q '<tagline>' "$out/issue/issue.xml"
grep -q '<epigraph>' "$out/issue/issue.xml"
test "$count" -ge 5
echo "fixtures: $count articles and the issue valid under jing"
