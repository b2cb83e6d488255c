#!/usr/bin/env bash
# Names on the command line and in pipelines: `mimeo help COMMAND`, "did you mean" for a
# command, a format, an option, a pipeline key and a transform, format names read case aside
# and by their versions' names (EPUB3, rss2), and `-o -` writing one file to standard output.
set -uo pipefail
. "$(dirname "$0")/support/test_folder.sh"
article="$MIMEO_ROOT/fixtures/articles/02-notes-and-links.md"

# expect CODE PATTERN ARGS...: the exit code, and a pattern in stderr.
expect() {
  local code=$1 pattern=$2; shift 2
  local err actual
  err=$("$MIMEO" "$@" 2>&1 >/dev/null); actual=$?
  [ "$actual" -eq "$code" ] || fail "mimeo $*: exit $actual, wanted $code ($err)"
  grep -qF -- "$pattern" <<<"$err" || fail "mimeo $*: stderr '$err' lacks '$pattern'"
}

"$MIMEO" help convert | grep -q '^usage: mimeo convert' || fail "mimeo help convert does not describe convert"
[ "$("$MIMEO" help convert)" = "$("$MIMEO" convert --help)" ] || fail "mimeo help convert differs from convert --help"

expect 2 "unknown command 'convrt' (did you mean 'convert'?)" convrt
expect 2 "unknown output format 'epbu' (did you mean 'epub'?)" convert "$article" --to epbu -o "$dir/x.epub"
expect 2 "unknown input format 'markdwn' (did you mean 'markdown'?)" convert "$article" --from markdwn --to html -o "$dir/x.html"
expect 1 "has no option 'fragmnt' (did you mean 'fragment'?)" convert "$article" --to html -O fragmnt=true -o "$dir/x.html"
expect 2 "-o - writes one file to standard output; jats writes a folder" convert "$article" --to jats -o -
[ -e "$dir/x.html" ] && fail "a failed convert wrote x.html"

cp "$article" "$dir/a.md"
printf 'inputs: [a.md]\noutput:\n  - {format: html, path: x.html}\n' > "$dir/key.yaml"
expect 1 "key.yaml:2:1: error[unknown-key]: unknown key 'output' (did you mean 'outputs'?)" run "$dir/key.yaml"
printf 'inputs: [a.md]\ntransforms: [smart-typografy]\noutputs:\n  - {format: html, path: x.html}\n' > "$dir/transform.yaml"
expect 1 "(did you mean 'smart-typography'?)" run "$dir/transform.yaml"

# Format names case aside, and by their versions' names, in convert and in pipelines.
"$MIMEO" convert "$article" --to EPUB3 -o "$dir/a.epub" || fail "--to EPUB3"
[ -s "$dir/a.epub" ] || fail "--to EPUB3 wrote no EPUB"
printf 'publication: {title: T, url: "https://t.example/"}\ninputs: [a.md]\noutputs:\n  - {format: RSS2, path: feed.xml}\n' > "$dir/rss2.yaml"
"$MIMEO" run "$dir/rss2.yaml" -q || fail "format: RSS2"
grep -q '<rss version="2.0"' "$dir/feed.xml" || fail "format: RSS2 wrote no RSS 2.0 feed"
"$MIMEO" run "$dir/rss2.yaml" --only rss -q || fail "--only rss over a format: RSS2 output"

# Input format names too, on the command line and in a pipeline: an alias names the importer,
# not a format pandoc is asked for.
for name in md Markdown; do
  "$MIMEO" import "$article" --from $name -o "$dir/from-$name.xml" || fail "--from $name"
  grep -q '<article' "$dir/from-$name.xml" 2>/dev/null || fail "--from $name wrote no article"
done
printf 'inputs: [{path: a.md, from: MD}]\noutputs:\n  - {format: html, path: from-md.html}\n' > "$dir/from.yaml"
"$MIMEO" run "$dir/from.yaml" --no-cache -q || fail "from: MD in a pipeline"
[ -s "$dir/from-md.html" ] || fail "from: MD wrote no page"

# -o -: the page on standard output, and no file named '-'.
(cd "$dir" && "$MIMEO" convert "$article" --to html -o - > page.html) || fail "-o - failed"
grep -q '<html xmlns="http://www.w3.org/1999/xhtml"' "$dir/page.html" || fail "-o - wrote no page to standard output"
[ -e "$dir/-" ] && fail "-o - wrote a file named '-'"

finish cli_names
