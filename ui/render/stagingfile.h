// A hidden name beside an output file for writers that write to a path themselves (ffmpeg, QCustomPlot's
// savePng) and so cannot use QSaveFile: they write there, and the caller renames it into place.
//
//   const QString staging = dlui::reserveStagingFile(path);   // ".out.mp4.a1B2c3.part"
//   if (staging.isEmpty()) return tr("cannot write to the folder …");
#pragma once

#include <QString>

namespace dlui {

/// Creates an empty file with a unique name ".NAME.XXXXXX.part" in the folder of `path`, so the final
/// rename stays on one file system, and returns its name (empty when the folder refuses). It has the
/// permissions of a new file (rw-r--r--), as QSaveFile gives the other exports: QTemporaryFile makes it
/// owner-only, and the finished video kept that, unlike the GIF beside it.
QString reserveStagingFile(const QString& path);

}  // namespace dlui
