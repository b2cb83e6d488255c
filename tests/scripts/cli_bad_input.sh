#!/usr/bin/env bash
# Bad input gets a clear message naming file:line, the right exit code and no output file.
set -uo pipefail
. "$(dirname "$0")/support/test_folder.sh"

# expect CODE PATTERN OUTPUT -- ARGS...: exit code, a stderr pattern, and no file left at OUTPUT.
expect() {
  local code=$1 pattern=$2 output=$3; shift 4
  local err actual
  err=$("$MIMEO" "$@" 2>&1 >/dev/null); actual=$?
  if [ "$actual" -ne "$code" ]; then fail "mimeo $*: exit $actual, wanted $code ($err)"; fi
  if ! grep -qE -- "$pattern" <<<"$err"; then fail "mimeo $*: stderr '$err' lacks /$pattern/"; fi
  if [ -n "$output" ] && [ -e "$output" ]; then fail "mimeo $*: left $output behind"; fi
  if grep -q . < <(ls -A "$dir/out" 2>/dev/null); then fail "mimeo $*: left files in out/"; fi
}
mkdir -p "$dir/out"

printf -- '---\ntitle: Fine\n---\n\nline one\nbad \xff byte\n' > "$dir/utf8.md"
expect 1 "utf8.md:6:5: error\[encoding\]" "$dir/out/utf8.html" -- convert "$dir/utf8.md" --to html -o "$dir/out/utf8.html"

printf -- '---\ntitle: [unclosed\nlang: en\n---\n\nBody.\n' > "$dir/yaml.md"
expect 1 "yaml.md:[0-9]+:[0-9]+: error\[yaml\]" "$dir/out/yaml.html" -- convert "$dir/yaml.md" --to html -o "$dir/out/yaml.html"

printf -- '---\ntitle: Fine\ntags:\n  nested: map\n---\n\nBody.\n' > "$dir/type.md"
# convert reports as mimeo run does: the article and the step it failed in come first.
expect 1 "type.md:4:3: error\[yaml-type\]: article 1 \(.*type.md\), step import: 'tags' must be a value or a list" "$dir/out/type.html" -- convert "$dir/type.md" --to html -o "$dir/out/type.html"

printf -- '---\ntitle: Fine\ndate: April 14\n---\n\nBody.\n' > "$dir/date.md"
expect 1 "date.md:3:7: error\[yaml-type\]: article 1 \(.*date.md\), step import: 'date' must be a date" "$dir/out/date.html" -- convert "$dir/date.md" --to html -o "$dir/out/date.html"

printf -- '---\ntitle: Fine\n---\nnever closed\n' > "$dir/unclosed.md"
printf -- '---\ntitle: Fine\nbody text with no closing line\n' > "$dir/unclosed.md"
expect 1 "unclosed.md:1:1: error\[front-matter\]" "$dir/out/unclosed.html" -- convert "$dir/unclosed.md" --to html -o "$dir/out/unclosed.html"

expect 1 "missing.md: error\[read\]: no such file" "$dir/out/missing.html" -- convert "$dir/missing.md" --to html -o "$dir/out/missing.html"

expect 1 "nodir/x.html: error\[write\]: output 1 \(html /proc/nodir/x.html\), step export: cannot write" "" -- convert "$MIMEO_ROOT/fixtures/articles/02-notes-and-links.md" --to html -o /proc/nodir/x.html

expect 2 "unknown output format 'nope'" "" -- convert "$MIMEO_ROOT/fixtures/articles/02-notes-and-links.md" --to nope -o "$dir/out/x"
echo "text" > "$dir/file.unknownext"
expect 2 "cannot tell the input format" "" -- import "$dir/file.unknownext"
expect 2 "unknown command" "" -- frobnicate
# -I options go to each importer that has them; one that none has is a usage error.
expect 2 "-I colour: no importer has this option" "$dir/out/x.html" -- convert "$MIMEO_ROOT/fixtures/articles/02-notes-and-links.md" --to html -o "$dir/out/x.html" -I colour=blue
expect 2 "docx option 'comments' must be one of" "$dir/out/x.html" -- convert "$MIMEO_ROOT/fixtures/docx/word-features.docx" --to html -o "$dir/out/x.html" -I comments=maybe
err=$("$MIMEO" convert "$MIMEO_ROOT/fixtures/articles/02-notes-and-links.md" "$MIMEO_ROOT/fixtures/docx/word-features.docx" \
      --to xml -o "$dir/mixed" -I comments=notes --no-smart 2>&1); code=$?
if [ $code -ne 0 ] || ! grep -q 'id="comment1"' < <(cat "$dir"/mixed/*.xml); then
  fail "-I comments=notes --no-smart over Markdown and DOCX (exit $code: $err)"
fi

# An unknown front-matter key is a warning, and the output is written.
printf -- '---\ntitle: Fine\ncolour: blue\n---\n\nBody.\n' > "$dir/unknown.md"
err=$("$MIMEO" convert "$dir/unknown.md" --to html -o "$dir/unknown.html" 2>&1); code=$?
if [ $code -ne 0 ] || ! grep -q "unknown.md:3:1: warning\[unknown-key\]: unknown key 'colour'" <<<"$err" || [ ! -s "$dir/unknown.html" ]; then
  fail "unknown key should warn and still write (exit $code: $err)"
fi

# An earlier output survives a failed conversion to the same path.
"$MIMEO" convert "$MIMEO_ROOT/fixtures/articles/02-notes-and-links.md" --to html -o "$dir/keep.html"
before=$(sha256sum < "$dir/keep.html")
"$MIMEO" convert "$dir/utf8.md" --to html -o "$dir/keep.html" 2>/dev/null && { fail "bad input succeeded"; }
[ "$before" = "$(sha256sum < "$dir/keep.html")" ] || { fail "earlier output was replaced"; }
grep -q '\.tmp$' < <(ls -A "$dir") && { fail "temporary file left behind"; }

finish "bad input"
