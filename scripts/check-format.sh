#!/usr/bin/env bash
# Fails, listing the files, when clang-format would change any C++ file tracked by git.
# Fix with: git ls-files '*.cpp' '*.h' | xargs clang-format -i
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
unformatted=()
while IFS= read -r file; do
  if ! clang-format --dry-run --Werror "$file" >/dev/null 2>&1; then
    unformatted+=("$file")
  fi
done < <(git ls-files '*.cpp' '*.h')
if [ ${#unformatted[@]} -ne 0 ]; then
  echo "check-format: clang-format would change ${#unformatted[@]} file(s):" >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  echo "check-format: run  git ls-files '*.cpp' '*.h' | xargs clang-format -i" >&2
  exit 1
fi
