#!/usr/bin/env bash
# JATS export end to end: one valid JATS 1.3 Archiving file per fixture, checked by
# xmllint against the official DTD through the @jats4r/dtds catalog, by `mimeo check`,
# with images copied, the zip option, and the missing-metadata warnings and errors.
set -euo pipefail
: "${MIMEO:?}" "${MIMEO_ROOT:?}"
. "$(dirname "$0")/support/test_folder.sh"
out=$dir
catalog="$MIMEO_ROOT/node_modules/@jats4r/dtds/schema/catalog.xml"
test -f "$catalog" || { echo "missing $catalog: run scripts/setup"; exit 1; }

"$MIMEO" convert --issue "$MIMEO_ROOT/fixtures/issue.yaml" "$MIMEO_ROOT"/fixtures/articles/*.md --to jats -o "$out/jats" 2>"$out/warnings"
count=$(ls "$out/jats"/*.xml | wc -l)
[ "$count" -eq 5 ] || fail "expected 5 JATS files, got $count"
for slug in hidden-workforce reading-the-port-authority-s-annual-report rents-against-wages-2015-2025 \
            what-the-assembly-decided yokohama-dockers; do
  test -f "$out/jats/$slug.xml" || fail "no $slug.xml"
done
cmp "$out/jats/images/rent-share.png" "$MIMEO_ROOT/fixtures/articles/images/rent-share.png" || fail "image not copied"
grep -q 'xlink:href="images/rent-share.png"' "$out/jats/rents-against-wages-2015-2025.xml" || fail "graphic href"
grep -q '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD with MathML3 v1.3 20210610//EN"' \
  "$out/jats/hidden-workforce.xml" || fail "doctype"
grep -q 'dtd-version="1.3"' "$out/jats/hidden-workforce.xml" || fail "dtd-version"
grep -q 'article-type="news"' "$out/jats/hidden-workforce.xml" || fail "article-type from front matter"
grep -q 'article-type="other"' "$out/jats/yokohama-dockers.xml" || fail "default article-type"
grep -q 'id="source" related-article-type="alt-language"' "$out/jats/hidden-workforce.xml" || fail "provenance (alt-language, with an id, as PMC lists it)"
if grep -q 'jats-missing-metadata' "$out/warnings"; then fail "fixtures with an issue lack nothing"; fi

# The official DTD, outside mimeo: zero errors.
XML_CATALOG_FILES="$catalog" xmllint --valid --nonet --noout "$out/jats"/*.xml
# mimeo check runs the same validation.
"$MIMEO" check "$out/jats"/*.xml | tee "$out/check"
[ "$(grep -c 'jats check passed' "$out/check")" -eq 5 ] || fail "mimeo check"

# A file made invalid is caught by both.
sed 's|<title>Speed-up and secrecy</title>|<title>Speed-up</title><bogus/>|' "$out/jats/hidden-workforce.xml" >"$out/broken.xml"
if XML_CATALOG_FILES="$catalog" xmllint --valid --nonet --noout "$out/broken.xml" 2>/dev/null; then fail "xmllint accepted"; fi
if "$MIMEO" check "$out/broken.xml" >"$out/check-broken" 2>&1; then fail "mimeo check accepted a broken file"; fi
grep -q 'broken.xml:[0-9]*: error\[jats-invalid\]' "$out/check-broken" || fail "no located error: $(cat "$out/check-broken")"

# zip: each article and its images in <slug>.zip.
"$MIMEO" convert --issue "$MIMEO_ROOT/fixtures/issue.yaml" "$MIMEO_ROOT"/fixtures/articles/*.md --to jats -O zip=true -o "$out/zips" 2>/dev/null
[ "$(ls "$out/zips"/*.zip | wc -l)" -eq 5 ] || fail "expected 5 zips"
unzip -Z1 "$out/zips/rents-against-wages-2015-2025.zip" | sort >"$out/entries"
printf 'images/rent-share.png\nrents-against-wages-2015-2025.xml\n' | cmp - "$out/entries" || fail "zip entries: $(cat "$out/entries")"
mkdir "$out/unzipped" && (cd "$out/unzipped" && unzip -q "$out/zips/rents-against-wages-2015-2025.zip")
XML_CATALOG_FILES="$catalog" xmllint --valid --nonet --noout "$out/unzipped/rents-against-wages-2015-2025.xml"

# Without an issue: warnings naming each missing field; strict makes them errors.
"$MIMEO" convert "$MIMEO_ROOT/fixtures/articles/03-table-and-figure.md" --to jats -o "$out/plain" 2>"$out/plain-warnings"
grep -q 'warning\[jats-missing-metadata\]: no journal title' "$out/plain-warnings" || fail "journal title warning"
printf -- '---\ntitle: Untitled day\n---\nText.\n' >"$out/bare.md"
"$MIMEO" convert "$out/bare.md" --to jats -o "$out/bare" 2>"$out/bare-warnings"
for field in "journal title" "publication date" "language"; do
  grep -q "warning\[jats-missing-metadata\]: no $field" "$out/bare-warnings" || fail "no warning for $field"
done
status=0
"$MIMEO" convert "$out/bare.md" --to jats -O strict=true -o "$out/strict" 2>"$out/strict-errors" || status=$?
[ "$status" -eq 1 ] || fail "strict should exit 1, got $status"
grep -q 'error\[jats-missing-metadata\]' "$out/strict-errors" || fail "strict error"
test ! -e "$out/strict" || [ -z "$(ls -A "$out/strict")" ] || fail "strict left partial output"
finish "jats export"
