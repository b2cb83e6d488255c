# Shared by the end-to-end shell tests (source it): a scratch folder $dir removed at exit,
# `fail` to count a failure and go on, `finish NAME` to report (exit 1 when anything failed).
# MIMEO and MIMEO_ROOT come from ctest, as for the Python tests (support/checks.py).
set -uo pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
finish() {
  if [ "$failures" -eq 0 ]; then echo "$1: ok"; else echo "$1: $failures failures"; exit 1; fi
}
