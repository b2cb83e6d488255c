#!/usr/bin/env bash
# A bad pipeline file is refused before anything runs: each mistake reported at
# file:line:col with the key's path and a stable code, exit code 1, nothing written
# (no output, no cache).
set -uo pipefail
. "$(dirname "$0")/support/test_folder.sh"

mkdir -p "$dir/articles"
cp "$MIMEO_ROOT"/fixtures/articles/0[12]*.md "$dir/articles/"

# expect NAME CODE PATTERN: writes stdin to NAME.yaml, runs it, checks exit code, stderr, no output.
expect() {
  local name=$1 code=$2 pattern=$3 err actual
  cat > "$dir/$name.yaml"
  err=$("$MIMEO" run "$dir/$name.yaml" 2>&1 >/dev/null); actual=$?
  [ "$actual" -eq "$code" ] || fail "$name: exit $actual, wanted $code ($err)"
  grep -qE -- "$pattern" <<<"$err" || fail "$name: stderr '$err' lacks /$pattern/"
  [ -e "$dir/out" ] && fail "$name: wrote out/"
  [ -e "$dir/.mimeo-cache" ] && fail "$name: wrote a cache"
  rm -rf "$dir/out" "$dir/.mimeo-cache"
}

expect unknown-key 1 "unknown-key.yaml:3:1: error\[unknown-key\]: unknown key 'output'" <<'YAML'
inputs: [articles/*.md]
outputs: [{format: html, path: out/x.html}]
output: []
YAML

expect nested-unknown-key 1 "nested-unknown-key.yaml:1:25: error\[unknown-key\]: unknown key 'publication.subtitle'" <<'YAML'
publication: {title: T, subtitle: S}
inputs: [articles/*.md]
outputs: [{format: html, path: out/x.html}]
YAML

expect wrong-type 1 "wrong-type.yaml:2:10: error\[yaml-type\]: 'outputs' must be a list" <<'YAML'
inputs: [articles/*.md]
outputs: {format: html, path: out/x.html}
YAML

expect wrong-type-option 1 "wrong-type-option.yaml:4:5: error\[option-type\]: option 'fragment' must be true or false \(in 'outputs\[0\]'\)" <<'YAML'
inputs: [articles/*.md]
outputs:
  - format: html
    fragment: perhaps
    path: out/x.html
YAML

# Allowed values and ranges are checked when the file is loaded, before any output is begun
# (an EPUB's or an email's included), for transforms' settings too.
expect option-range 1 "option-range.yaml:4:21: error\[option-value\]: email option 'width' must be from 40 to 76 \(got '100'\) \(in 'outputs\[1\]'\)" <<'YAML'
inputs: [articles/*.md]
outputs:
  - {format: html, path: out/x.html}
  - {format: email, width: 100, from: a@b.org, path: out/x.eml}
YAML

expect option-word 1 "option-word.yaml:3:38: error\[option-value\]: epub option 'missing-images' must be one of: error, warn \(got 'maybe'\)" <<'YAML'
inputs: [articles/*.md]
outputs:
  - {format: epub, path: out/x.epub, missing-images: maybe}
YAML

expect transform-range 1 "transform-range.yaml:2:40: error\[yaml-type\]: 'transforms\[0\].number-sections.depth' must be at least 1" <<'YAML'
inputs: [articles/*.md]
transforms: [{number-sections: {depth: 0}}]
outputs: [{format: html, path: out/x.html}]
YAML

expect missing-key 1 "missing-key.yaml:1:1: error\[missing-key\]: 'outputs' is missing" <<'YAML'
inputs: [articles/*.md]
YAML

expect missing-path 1 "missing-path.yaml:3:5: error\[missing-key\]: 'outputs\[0\].path' is missing" <<'YAML'
inputs: [articles/*.md]
outputs:
  - format: html
YAML

expect glob-nothing 1 "glob-nothing.yaml:3:5: error\[no-match\]: 'inputs\[1\]': the glob 'drafts/\*.md' matches no file" <<'YAML'
inputs:
  - articles/*.md
  - drafts/*.md
outputs: [{format: html, path: out/x.html}]
YAML

expect unknown-format 1 "unknown-format.yaml:3:14: error\[unknown-format\]: 'outputs\[0\].format': unknown output format 'docx' \(available: .*html" <<'YAML'
inputs: [articles/*.md]
outputs:
  - {format: docx, path: out/x.docx}
YAML

expect unknown-transform 1 "unknown-transform.yaml:2:32: error\[unknown-transform\]: 'transforms\[1\]' names the unknown transform 'smartypants' \(available: smart-typography" <<'YAML'
inputs: [articles/*.md]
transforms: [smart-typography, smartypants]
outputs: [{format: html, path: out/x.html}]
YAML

expect bad-yaml 1 "bad-yaml.yaml:2:[0-9]+: error\[yaml\]" <<'YAML'
inputs: [articles/*.md
outputs: [{format: html, path: out/x.html}]
YAML


# Usage mistakes are exit code 2.
printf 'inputs: [articles/*.md]\noutputs: [{format: html, path: out/x.html}]\n' > "$dir/good.yaml"
err=$("$MIMEO" run "$dir/good.yaml" --only xml 2>&1); code=$?
[ "$code" -eq 2 ] || fail "--only a format the pipeline lacks: exit $code ($err)"
grep -q "the pipeline has no xml output" <<<"$err" || fail "--only: unclear message: $err"
err=$("$MIMEO" run 2>&1); code=$?
[ "$code" -eq 2 ] || fail "no pipeline named: exit $code ($err)"
# Every mistake of a file in one run, each at its place, in the file's order.
cat > "$dir/many.yaml" <<'YAML'
inputs: [nosuch/*.md, articles/*.md]
transforms: [smart-typografy]
outputs:
  - {format: epbu, path: out/x.epub}
  - {format: html, path: out/x.html, colour: red}
quiet-codes: [nope]
YAML
err=$("$MIMEO" run "$dir/many.yaml" 2>&1 >/dev/null); code=$?
[ "$code" -eq 1 ] || fail "many mistakes: exit $code"
wanted="many.yaml:1:10: error[no-match] many.yaml:2:14: error[unknown-transform] many.yaml:4:14: error[unknown-format] many.yaml:5:38: error[unknown-option] many.yaml:6:15: error[unknown-code]"
got=$(grep -o 'many.yaml:[0-9]*:[0-9]*: error\[[a-z-]*\]' <<<"$err" | tr '\n' ' ' | sed 's/ $//')
[ "$got" = "$wanted" ] || fail "many mistakes: reported '$got', wanted '$wanted'"
[ -e "$dir/out" ] && fail "many mistakes: wrote out/"

err=$("$MIMEO" run "$dir/nope.yaml" 2>&1); code=$?
[ "$code" -eq 1 ] && grep -q "nope.yaml: error\[read\]" <<<"$err" || fail "a missing pipeline file: exit $code ($err)"
[ -e "$dir/out" ] && fail "usage errors wrote out/"

exit $((failures > 0))
