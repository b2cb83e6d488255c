#!/usr/bin/env bash
# One way to say "one file per article": per-article: true (EPUB, email) is the same as a
# ${article.slug} path. The two give the same files; a shard writes them and a merge does not;
# two articles with one slug are refused for every format alike; a per-article output whose
# path names a file is refused.
set -uo pipefail
. "$(dirname "$0")/support/test_folder.sh"
articles=("$MIMEO_ROOT"/fixtures/articles/0[12]-*.md)

"$MIMEO" convert "${articles[@]}" --to epub -O per-article=true -o "$dir/option" || fail "per-article=true"
"$MIMEO" convert "${articles[@]}" --to epub -o "$dir/path/\${article.slug}.epub" || fail "\${article.slug}.epub"
for book in "$dir"/option/*.epub; do
  cmp -s "$book" "$dir/path/$(basename "$book")" || fail "per-article=true and \${article.slug} differ for $(basename "$book")"
done
[ "$(ls "$dir/option" | wc -l)" -eq 2 ] || fail "per-article=true wrote $(ls "$dir/option" | wc -l) books, wanted 2"

# The same slug twice: refused, for EPUB books and email messages alike, and nothing written.
mkdir -p "$dir/same/a" "$dir/same/b"
printf -- '---\ntitle: One\nslug: same\n---\n\nA.\n' > "$dir/same/a/x.md"
printf -- '---\ntitle: Two\nslug: same\n---\n\nB.\n' > "$dir/same/b/x.md"
for format in epub email; do
  sender=(); [ $format = email ] && sender=(-O 'from=E <e@example.org>')
  err=$("$MIMEO" convert "$dir/same/a/x.md" "$dir/same/b/x.md" --to $format -O per-article=true "${sender[@]}" \
        -o "$dir/dup-$format" 2>&1); code=$?
  [ "$code" -eq 1 ] || fail "$format: two articles with one slug: exit $code"
  grep -q "error\[duplicate-slug\]" <<<"$err" || fail "$format: no duplicate-slug error: $err"
  [ -n "$(ls -A "$dir/dup-$format" 2>/dev/null)" ] && fail "$format: wrote output despite the duplicate slug"
done

err=$("$MIMEO" convert "${articles[0]}" --to email -O per-article=true -O 'from=E <e@example.org>' -o "$dir/x.eml" 2>&1); code=$?
[ "$code" -eq 1 ] && grep -q "error\[per-article-target\]" <<<"$err" || fail "per-article to x.eml: exit $code: $err"

# A shard writes per-article books; the merge writes only the issue-wide ones.
cp "${articles[@]}" "$dir/"
cat > "$dir/p.yaml" <<'YAML'
inputs: ["0*.md"]
outputs:
  - {format: epub, path: books, per-article: true}
  - {format: epub, path: issue.epub}
YAML
"$MIMEO" run "$dir/p.yaml" --shard 0/1 -q || fail "--shard 0/1"
[ "$(ls "$dir/books" 2>/dev/null | wc -l)" -eq 2 ] || fail "the shard wrote $(ls "$dir/books" 2>/dev/null | wc -l) books, wanted 2"
[ -e "$dir/issue.epub" ] && fail "the shard wrote the issue-wide EPUB"
"$MIMEO" run "$dir/p.yaml" --merge -q || fail "--merge"
[ -e "$dir/issue.epub" ] || fail "the merge did not write the issue-wide EPUB"

finish per_article
