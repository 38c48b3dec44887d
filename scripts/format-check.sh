#!/usr/bin/env bash
# Checks that the C++ sources follow .clang-format, with Debian 12's
# clang-format 14: `clang-format --dry-run --Werror` on every tracked .cc/.h
# file. The whole tree was formatted once when the check started covering
# every file; format a file before committing it (clang-format -i FILE).
# Usage: scripts/format-check.sh [FILE...]   (default: every tracked source)
# Exit status: 0 when all checked files are formatted, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
if (($# == 0)); then
  mapfile -t files < <(git ls-files '*.cc' '*.h')
else
  files=("$@")
fi
bad=0
for f in "${files[@]}"; do
  if ! clang-format --dry-run --Werror "$f" 2>/dev/null; then
    echo "format-check: $f is not formatted (clang-format -i $f)" >&2
    bad=$((bad + 1))
  fi
done
echo "format-check: ${#files[@]} files checked, $bad not formatted"
((bad == 0))
