# Sourced by the end-to-end shell tests: a private folder $dir, removed on exit; fail
# prints a failure and counts it in $failures; finish NAME reports them (exit 1 when there
# were any); copy_fixture_articles puts the fixture articles and their images in $dir/articles.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
finish() {
  if [ "$failures" -eq 0 ]; then echo "$1: ok"; else echo "$1: $failures failures"; exit 1; fi
}

copy_fixture_articles() {
  mkdir -p "$dir/articles"
  cp "${MIMEO_ROOT:-$(pwd)}"/fixtures/articles/*.md "$dir/articles/"
  cp -r "${MIMEO_ROOT:-$(pwd)}"/fixtures/articles/images "$dir/articles/"
}
