#!/usr/bin/env bash
# A run that fails at any step replaces none of the earlier outputs: a good run, then
# one article broken (bad UTF-8, broken front matter); the outputs stay byte for byte,
# the exit code is 1 and the error names the article and the step.
set -uo pipefail
. "$(dirname "$0")/support/test_folder.sh"
copy_fixture_articles
cat > "$dir/issue.yaml" <<'YAML'
publication: {title: The Lamplighter}
issue: {number: 418, date: 2025-04-14}
inputs: [articles/*.md]
transforms: [smart-typography, number-sections]
outputs:
  - {format: html, path: 'out/issue-${issue.number}.html'}
  - {format: xml, path: out/xml, check: true}
  - {format: html, path: 'out/articles/${article.slug}.html'}
YAML

snapshot() { (cd "$dir/out" && find . -type f -exec sha256sum {} + | sort); }
listing() { (cd "$dir/out" && find . | sort); }

"$MIMEO" run "$dir/issue.yaml" >/dev/null 2>&1 || fail "the good run failed"
before=$(snapshot)
before_listing=$(listing)
[ "$(wc -l <<<"$before")" -eq 12 ] || fail "the good run should write 12 files: $before"

cp "$dir/articles/03-table-and-figure.md" "$dir/good.md"
broken_run() {  # broken_run LABEL STEP_PATTERN [mimeo options]
  local label=$1 pattern=$2; shift 2
  local err code
  err=$("$MIMEO" run "$dir/issue.yaml" "$@" 2>&1 >/dev/null); code=$?
  [ "$code" -eq 1 ] || fail "$label: exit $code, wanted 1 ($err)"
  grep -qE -- "$pattern" <<<"$err" || fail "$label: stderr lacks /$pattern/: $err"
  [ "$(snapshot)" = "$before" ] || fail "$label: earlier outputs changed"
  [ "$(listing)" = "$before_listing" ] || fail "$label: files were added or left behind in out/"
}

# Invalid UTF-8 in the body of article 3.
printf 'A bad byte: \xff here.\n' >> "$dir/articles/03-table-and-figure.md"
broken_run "bad UTF-8" "03-table-and-figure.md:[0-9]+:[0-9]+: error\[encoding\]: article 3 \(.*03-table-and-figure.md\), step import"
broken_run "bad UTF-8, one job" "article 3 .*step import" --jobs 1

# Front matter that is never closed.
printf -- '---\ntitle: Rent\nno closing line\n' > "$dir/articles/03-table-and-figure.md"
broken_run "broken front matter" "03-table-and-figure.md:1:1: error\[front-matter\]: article 3 .*step import"

# The break reported even when every other article comes from the cache; and a failure
# in a later step (set-metadata with a slug every article would share) is caught too.
cp "$dir/good.md" "$dir/articles/03-table-and-figure.md"
sed -i 's/transforms: \[smart-typography, number-sections\]/transforms: [smart-typography, {set-metadata: {slug: same}}]/' "$dir/issue.yaml"
broken_run "shared slug" "error\[duplicate-slug\]: article 2 .*step assemble"

# An output that cannot be written (its folder is a file) stops the run before anything
# is replaced, even outputs staged before it.
sed -i 's/, {set-metadata: {slug: same}}\]/]/' "$dir/issue.yaml"
mv "$dir/out/articles" "$dir/articles-was"
printf 'in the way\n' > "$dir/out/articles"
before=$(snapshot); before_listing=$(listing)
broken_run "unwritable output" "error\[write\]: output 3 \(html out/articles/\\$\{article.slug\}.html\), step export"

exit $((failures > 0))
