#!/usr/bin/env bash
# The pandoc bridge's failures: pandoc absent, too old or too new, failing, hanging.
# Each must be a clear error naming pandoc, exit code 1, no output, no media folder,
# and no process left running.
set -uo pipefail
. "$(dirname "$0")/support/test_folder.sh"
work=$dir
passed=0
pass() { passed=$((passed + 1)); }

pandoc -f markdown -t odt -o "$work/in.odt" <<<'Some *text*.'
cp "$MIMEO_ROOT/fixtures/articles/02-notes-and-links.md" "$work/article.md"
"$MIMEO" import "$work/article.md" -o "$work/canonical.xml"

# expect NAME EXIT_CODE PATTERN COMMAND...: the exit code, a stderr matching PATTERN, no output written.
expect() {
  local name=$1 code=$2 pattern=$3
  shift 3
  rm -f "$work/out.xml" "$work/out.odt"
  "$@" >"$work/stdout" 2>"$work/stderr"
  local got=$?
  if [ "$got" -ne "$code" ]; then fail "$name: exit $got, not $code: $(cat "$work/stderr")"; return; fi
  if ! grep -Eq "$pattern" "$work/stderr"; then fail "$name: stderr does not match '$pattern': $(cat "$work/stderr")"; return; fi
  if [ -e "$work/out.xml" ] || [ -e "$work/out.odt" ]; then fail "$name: an output was written"; return; fi
  if compgen -G "$work/in-media" >/dev/null || compgen -G "$work/.in-media.mimeo-*" >/dev/null; then
    fail "$name: a media folder was left: $(ls -a "$work")"; return
  fi
  pass
}

mkdir "$work/empty"
expect "pandoc absent from PATH" 1 "error\[pandoc-missing\]: pandoc \('pandoc'\) could not be started: No such file" \
  env PATH="$work/empty" "$MIMEO" import "$work/in.odt" -o "$work/out.xml"
expect "MIMEO_PANDOC naming nothing" 1 "pandoc-missing.*/nonexistent/pandoc.*MIMEO_PANDOC" \
  env MIMEO_PANDOC=/nonexistent/pandoc "$MIMEO" import "$work/in.odt" -o "$work/out.xml"
expect "the option pandoc= naming nothing" 1 "pandoc-missing" \
  "$MIMEO" import "$work/in.odt" -I pandoc=/nonexistent/pandoc -o "$work/out.xml"

fake() {  # fake NAME BODY: a pandoc stand-in
  printf '#!/bin/sh\n%s\n' "$2" >"$work/$1"
  chmod +x "$work/$1"
}
fake old 'echo "{\"pandoc-api-version\":[1,20],\"meta\":{},\"blocks\":[]}"'
expect "a pandoc too old" 1 "pandoc-version.*API 1\.20.*install pandoc 2\.11 or later" \
  env MIMEO_PANDOC="$work/old" "$MIMEO" import "$work/in.odt" -o "$work/out.xml"
fake new 'echo "{\"pandoc-api-version\":[1,24,0],\"meta\":{},\"blocks\":[]}"'
expect "a pandoc too new" 1 "pandoc-version.*1\.24\.0.*newer" \
  env MIMEO_PANDOC="$work/new" "$MIMEO" import "$work/in.odt" -o "$work/out.xml"
expect "a pandoc too old, exporting" 1 "pandoc-version" \
  env MIMEO_PANDOC="$work/old" "$MIMEO" convert "$work/article.md" --to pandoc:odt -o "$work/out.odt"

# A pandoc that extracts an image, then fails: its message, its status, and nothing left behind.
fake failing 'for a in "$@"; do case "$a" in --extract-media=*) d=${a#--extract-media=}; mkdir -p "$d/media"; echo x > "$d/media/image1.png";; esac; done
echo "partial output"; echo "pandoc: could not parse the document: unexpected end of input" >&2; exit 64'
expect "a failing pandoc" 1 "pandoc-failed.*exited with status 64: pandoc: could not parse the document: unexpected end of input" \
  env MIMEO_PANDOC="$work/failing" "$MIMEO" import "$work/in.odt" -o "$work/out.xml"
expect "a failing pandoc, exporting" 1 "pandoc-failed.*exited with status 64" \
  env MIMEO_PANDOC="$work/failing" "$MIMEO" convert "$work/article.md" --to pandoc:odt -o "$work/out.odt"
fake garbage 'echo "this is not JSON"'
expect "a pandoc writing garbage" 1 "pandoc-json" \
  env MIMEO_PANDOC="$work/garbage" "$MIMEO" import "$work/in.odt" -o "$work/out.xml"

# A hanging pandoc, with a child of its own: both ended at the deadline.
marker=$((RANDOM + 40000))
fake hanging "sleep $marker & sleep $((marker + 1))"
start=$(date +%s)
expect "a hanging pandoc" 1 "pandoc-timeout.*did not finish within 1 s and was stopped.*timeout=SECONDS" \
  env MIMEO_PANDOC="$work/hanging" "$MIMEO" import "$work/in.odt" -I timeout=1 -o "$work/out.xml"
elapsed=$(($(date +%s) - start))
[ "$elapsed" -le 10 ] && pass || fail "the timeout took ${elapsed}s"
sleep 0.3
if ps -eo stat=,args= | grep -v '^Z' | grep -E "sleep ($marker|$((marker + 1)))\$" | grep -vq grep; then
  fail "a process was left running: $(ps -eo pid,stat,args | grep "sleep $marker")"
else
  pass
fi
expect "a hanging pandoc, exporting" 1 "pandoc-timeout" \
  env MIMEO_PANDOC="$work/hanging" "$MIMEO" convert "$work/article.md" --to pandoc:odt -O timeout=1 -o "$work/out.odt"

# Usage errors: exit code 2.
expect "an unknown engine" 2 "unknown engine 'pandoc2'" "$MIMEO" import "$work/article.md" --engine pandoc2
expect "--engine pandoc on canonical XML" 2 "pandoc reads no format with the extension '.xml'" \
  "$MIMEO" import "$work/canonical.xml" --engine pandoc
expect "a negative timeout" 2 "timeout" "$MIMEO" import "$work/in.odt" -I timeout=-1 -o "$work/out.xml"

# And the real one works, with its image folder only on success.
if "$MIMEO" import "$work/in.odt" -o "$work/out.xml" 2>"$work/stderr" && grep -q '<em>text</em>' "$work/out.xml"; then
  pass
else
  fail "the real pandoc: $(cat "$work/stderr")"
fi

finish "pandoc failures ($passed passed)"
