#!/usr/bin/env bash
# A write that fails in the middle of `mimeo run` after a good run, two ways: the
# file-size limit RLIMIT_FSIZE (ulimit -f) reached by the one large output, and a
# read-only output folder reached after other outputs were staged. Each time: exit code
# 1, an error naming the output, every earlier output byte for byte as it was, no staged
# temporary file anywhere; and once the fault is gone, the next run works.
set -uo pipefail
MIMEO=${MIMEO:-build/mimeo}
. "$(dirname "$0")/support/test_folder.sh"
copy_fixture_articles
cat > "$dir/issue.yaml" <<'YAML'
publication: {title: The Lamplighter, url: https://lamplighter.example.org/}
issue: {number: 418, date: 2025-04-14}
inputs: [articles/*.md]
outputs:
  - {format: html, path: 'out/articles/${article.slug}.html'}
  - {format: xml, path: out/xml}
  - {format: epub, path: out/issue.epub}
  - {format: html, path: out/issue.html}
YAML

snapshot() { (cd "$dir/out" && find . -type f -exec sha256sum {} + | sort); }

"$MIMEO" run "$dir/issue.yaml" --quiet >/dev/null 2>&1 || fail "the good run failed"
before=$(snapshot)
[ "$(wc -l <<<"$before")" -ge 10 ] || fail "the good run wrote too few files: $before"
big=$(stat -c %s "$dir/out/issue.epub")
small=$(find "$dir/out/articles" -type f -printf '%s\n' | sort -n | tail -1)
[ "$big" -gt $((small + 4096)) ] || fail "the test needs one output larger than the others ($big vs $small)"

# Every output changes, so that a run that replaced anything would show.
for f in "$dir"/articles/*.md; do printf '\nA revised closing line.\n' >> "$f"; done

# The limit in 1 KiB blocks: above every article page, below the EPUB.
limit=$(( (small + 2048) / 1024 + 1 ))
err=$( (ulimit -f "$limit"; "$MIMEO" run "$dir/issue.yaml" --quiet --no-cache) 2>&1 >/dev/null); code=$?
[ "$code" -eq 1 ] || fail "write failure: exit $code, wanted 1 ($err)"
grep -q "error\[write\]" <<<"$err" || fail "write failure: no write error reported: $err"
[ "$(snapshot)" = "$before" ] || fail "write failure: earlier outputs changed"
leftover=$(find "$dir" -name '*.tmp')
[ -z "$leftover" ] || fail "write failure: staged files left behind: $leftover"

# A read-only folder: the per-article pages are staged first, then the xml output's
# folder refuses. Root writes anywhere, so as root the run gets no CAP_DAC_OVERRIDE.
as_writer=()
[ "$(id -u)" -eq 0 ] && as_writer=(setpriv --bounding-set=-dac_override,-dac_read_search
                                   --inh-caps=-dac_override,-dac_read_search)
chmod a-w "$dir/out/xml"
err=$("${as_writer[@]}" "$MIMEO" run "$dir/issue.yaml" --quiet --no-cache 2>&1 >/dev/null); code=$?
chmod u+w "$dir/out/xml"
[ "$code" -eq 1 ] || fail "read-only folder: exit $code, wanted 1 ($err)"
grep -q "error\[write\].*out/xml" <<<"$err" || fail "read-only folder: no write error naming out/xml: $err"
[ "$(snapshot)" = "$before" ] || fail "read-only folder: earlier outputs changed"
leftover=$(find "$dir" -name '*.tmp')
[ -z "$leftover" ] || fail "read-only folder: staged files left behind: $leftover"

# Without the fault the same run works and replaces everything.
"$MIMEO" run "$dir/issue.yaml" --quiet >/dev/null 2>"$dir/err" || fail "the run after the failure failed: $(cat "$dir/err")"
[ "$(snapshot)" != "$before" ] || fail "the run after the failure wrote nothing new"

[ $failures -eq 0 ] && echo "ok: a failed write (file-size limit, read-only folder) leaves the earlier outputs, exit 1, no staged files"
exit $((failures > 0))
