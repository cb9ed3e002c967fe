#!/usr/bin/env bash
# Lint the articles changed since a base commit, whatever their names (accents, spaces,
# quotes): git lists them NUL-separated and unquoted, and they reach coquille as they are.
#   lint-changed.sh BASE [coquille options...]
# COQUILLE is the command to run (default: coquille on PATH). Exit code: coquille's, or 0
# when no article changed.
set -euo pipefail
base="${1:?usage: lint-changed.sh BASE [coquille options...]}"
shift
list="$(mktemp)"
trap 'rm -f "$list"' EXIT
git -c core.quotePath=false diff -z --name-only --diff-filter=ACMR "$base...HEAD" -- \
  '*.md' '*.markdown' '*.txt' '*.html' '*.htm' > "$list"
mapfile -d '' changed < "$list"
if [ "${#changed[@]}" -eq 0 ]; then
  echo "coquille: no article changed since $base"
  exit 0
fi
"${COQUILLE:-coquille}" --silently-ignore "$@" -- "${changed[@]}"
