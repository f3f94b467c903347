#!/usr/bin/env bash
# Updates the translation catalogue from the sources: every new tr() string of ui/, app/gui and core/io
# becomes an unfinished message in resources/translations/diffusionlab_zh_CN.ts, every string gone from the sources
# is dropped. Then translate the unfinished ones (Qt Linguist: `linguist FILE.ts`, or any editor: fill in
# <translation> and remove type="unfinished") and build; docs/CONTRIBUTING-NOTES.md says more.
#
#   bash scripts/update-translations.sh              # update the catalogue in place
#   bash scripts/update-translations.sh OUT.ts       # write the updated catalogue to OUT.ts instead
#                                                    # (tests/ui/tst_translation compares the two)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ts="$here/resources/translations/diffusionlab_zh_CN.ts"
out="${1:-$ts}"
lupdate="${LUPDATE:-}"
if [ -z "$lupdate" ]; then
  for candidate in /usr/lib/qt6/bin/lupdate "$(command -v lupdate6 || true)" "$(command -v lupdate || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then lupdate="$candidate"; break; fi
  done
fi
if [ -z "$lupdate" ]; then
  echo "update-translations: lupdate not found (Debian: apt-get install qt6-l10n-tools)" >&2
  exit 1
fi
if [ "$out" != "$ts" ]; then cp "$ts" "$out"; fi
cd "$here"
# No source locations: line numbers would change the file on every edit elsewhere.
"$lupdate" -silent -no-obsolete -locations none -source-language en -target-language zh_CN \
  -I . ui app/gui core/io -ts "$out"
