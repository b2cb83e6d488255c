#!/usr/bin/env bash
# Image paths that point outside the article's folder (../, absolute, a symlink out) are
# refused by every exporter that copies images (epub, jats) with image-outside naming the
# article and the image, and nothing is written; outside-images=true lets them through;
# images inside the folder (also in subfolders) still work.
set -uo pipefail
. "$(dirname "$0")/support/test_folder.sh"
ROOT=${MIMEO_ROOT:-$(pwd)}
work=$dir

mkdir -p "$work/outside" "$work/site/articles/images"
png=$ROOT/fixtures/articles/images/rent-share.png
cp "$png" "$work/outside/secret.png"
cp "$png" "$work/site/articles/images/ok.png"
ln -s "$work/outside/secret.png" "$work/site/articles/images/link.png"

article() {  # name, image path
  printf -- '---\ntitle: Pictures %s\nslug: %s\nlang: en\ndate: 2025-04-01\n---\n\nText.\n\n![a picture](%s)\n' "$1" "$1" "$2" \
    >"$work/site/articles/$1.md"
}
article inside images/ok.png
article dotdot ../../outside/secret.png
article absolute "$work/outside/secret.png"
article symlink images/link.png
article encoded %2E%2E/%2E%2E/outside/secret.png

for fmt in epub jats; do
  out=$work/out-$fmt
  if [ $fmt = epub ]; then target=$out/book.epub; else target=$out/jats; fi
  "$MIMEO" convert "$work/site/articles/inside.md" --to $fmt -o "$target" >/dev/null 2>"$work/err" \
    || fail "$fmt: an image inside the folder failed: $(cat "$work/err")"
  rm -rf "$out"
  for name in dotdot absolute symlink encoded; do
    "$MIMEO" convert "$work/site/articles/$name.md" --to $fmt -o "$target" >/dev/null 2>"$work/err"
    rc=$?
    [ $rc -eq 1 ] || fail "$fmt $name: exit $rc, expected 1"
    grep -q "image-outside" "$work/err" && grep -q "article '$name'" "$work/err" \
      || fail "$fmt $name: the error does not name image-outside and the article: $(cat "$work/err")"
    [ ! -e "$target" ] || fail "$fmt $name: output written despite the error"
    if grep -q . < <(find "$out" -type f 2>/dev/null); then fail "$fmt $name: files left in the output folder"; fi
    rm -rf "$out"
  done
  # Explicitly allowed: the picture is copied.
  "$MIMEO" convert "$work/site/articles/dotdot.md" --to $fmt -O outside-images=true -o "$target" >/dev/null 2>"$work/err" \
    || fail "$fmt: outside-images=true still refused: $(cat "$work/err")"
  if [ $fmt = epub ]; then
    grep -q '\.png' < <(unzip -l "$target" 2>/dev/null) || fail "epub: the allowed outside image is not in the book"
  else
    cmp -s "$target/secret.png" "$png" || fail "jats: the allowed outside image was not copied"
  fi
  rm -rf "$out"
done

finish "images outside the article's folder are refused by epub and jats unless allowed"
