#!/usr/bin/env bash
# mimeo run's options: --only, --out, --dry-run, --quiet, --jobs, and what it prints on
# a terminal (a progress bar) and in a log (a line per output), then the summary.
set -uo pipefail
. "$(dirname "$0")/support/test_folder.sh"
copy_fixture_articles
# An article with raw HTML, for strip-raw's warnings.
printf -- '---\ntitle: Raw\nslug: raw\n---\n\nText.\n\n<div class="ad">Buy!</div>\n\nMore <b>bold</b> text.\n' > "$dir/articles/06-raw.md"
cat > "$dir/issue.yaml" <<'YAML'
issue: {number: 7}
inputs: [articles/*.md]
transforms: [strip-raw]
outputs:
  - {format: html, path: 'out/issue-${issue.number}.html'}
  - {format: xml, path: 'out/xml/${article.slug}', check: true}
YAML

# --dry-run: lists every target, writes nothing (no output, no cache).
dry=$("$MIMEO" run "$dir/issue.yaml" --dry-run 2>/dev/null) || fail "--dry-run failed: $dry"
grep -q "out/xml/raw" <<<"$dry" || fail "--dry-run does not list the per-article targets: $dry"
grep -q "dry run: would write 2 outputs" <<<"$dry" || fail "--dry-run summary: $dry"
[ -e "$dir/out" ] && fail "--dry-run wrote outputs"
[ -e "$dir/.mimeo-cache" ] && fail "--dry-run wrote the cache"

# In a log: one line per output on stderr; the summary on stdout with sizes, checks, warnings.
"$MIMEO" run "$dir/issue.yaml" --jobs 3 >"$dir/stdout" 2>"$dir/stderr" || fail "run failed: $(cat "$dir/stderr")"
[ "$(grep -c '^mimeo run: ' "$dir/stderr")" -eq 2 ] || fail "wanted one line per output: $(cat "$dir/stderr")"
# The <div> block, and the <b> and </b> inlines.
[ "$(grep -c 'warning\[strip-raw\]' "$dir/stderr")" -eq 3 ] || fail "wanted a strip-raw warning per raw element: $(cat "$dir/stderr")"
grep -qE "^  html +.*/out/issue-7.html +[0-9.]+ kB +not checked +0 warnings" "$dir/stdout" || fail "summary html line: $(cat "$dir/stdout")"
grep -qE "^  xml +.*/out/xml/\\$\{article.slug\} \(12 files\) .* check passed" "$dir/stdout" || fail "summary xml line: $(cat "$dir/stdout")"
grep -q "^wrote 2 outputs (13 files), 3 warnings" "$dir/stdout" || fail "summary totals: $(cat "$dir/stdout")"
grep -q "Buy!" "$dir/out/issue-7.html" && fail "strip-raw left the raw block in"

# On a terminal: a progress bar instead of the lines.
if command -v script >/dev/null; then
  tty_out=$(script -qec "'$MIMEO' run '$dir/issue.yaml' --out '$dir/tty'" /dev/null 2>&1)
  grep -q "articles, .* outputs" <<<"$tty_out" || fail "no progress bar on a terminal: $tty_out"
  grep -q "mimeo run: html" <<<"$tty_out" && fail "log lines on a terminal: $tty_out"
  grep -q "warning\[strip-raw\]" <<<"$tty_out" || fail "warnings lost on a terminal: $tty_out"
else
  echo "skipped: the terminal check needs script(1)"
fi

# --quiet: nothing but errors.
quiet=$("$MIMEO" run "$dir/issue.yaml" --quiet 2>&1) || fail "--quiet run failed"
[ -z "$quiet" ] || fail "--quiet printed: $quiet"

# --only: just the formats named; --out: relative paths under another folder.
"$MIMEO" run "$dir/issue.yaml" --only xml --out "$dir/elsewhere" >/dev/null 2>&1 || fail "--only xml failed"
[ -f "$dir/elsewhere/out/xml/raw/raw.xml" ] || fail "--out did not move the xml output"
[ -e "$dir/elsewhere/out/issue-7.html" ] && fail "--only xml wrote html"

# --jobs 1 and many jobs give the same bytes.
"$MIMEO" run "$dir/issue.yaml" --no-cache --jobs 1 --out "$dir/j1" -q || fail "--jobs 1 failed"
"$MIMEO" run "$dir/issue.yaml" --no-cache --jobs 8 --out "$dir/j8" -q || fail "--jobs 8 failed"
diff -r "$dir/j1" "$dir/j8" >/dev/null || fail "--jobs 1 and --jobs 8 differ"

# Path options are read against the pipeline's folder, wherever mimeo runs from.
printf 'body { color: #123456; }\n' > "$dir/house.css"
cat > "$dir/styled.yaml" <<'YAML'
inputs: [articles/01-*.md]
outputs:
  - {format: html, path: out/styled.html, stylesheet: house.css}
YAML
(cd / && "$MIMEO" run "$dir/styled.yaml" -q --no-cache) 2>"$dir/err" || fail "a relative stylesheet from another folder: $(cat "$dir/err")"
grep -q "#123456" "$dir/out/styled.html" 2>/dev/null || fail "the stylesheet beside the pipeline was not used"

exit $((failures > 0))
