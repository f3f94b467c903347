// A file name typed into a save dialog without a suffix gets the one of the format being written: saved as
// "anim", a GIF was a file nothing opens as one, and a session or model was hidden by the dialogs' filters.
//
//   path = dlui::withDefaultSuffix(path, QStringLiteral(".json"));  // "s2" → "s2.json"; "s2.txt" stays
#pragma once

#include <QString>

namespace dlui {

/// `path` with `suffix` (dot included) added when its file name has no suffix; an empty path stays empty.
QString withDefaultSuffix(const QString& path, const QString& suffix);

}  // namespace dlui
