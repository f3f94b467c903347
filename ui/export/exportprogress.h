// The text of the export's progress dialog: how far it is and, once the pace is known, about how long
// is left (a GIF or video of a long reverse chain at a large size can take minutes).
//
//   progress->setLabelText(dlui::exportProgressText(done, total, clock.elapsed() / 1000.0));
#pragma once

#include <QString>

namespace dlui {

/// "Rendering frames…" until 3 frames are done (earlier estimates also carry the writer's start), then the
/// frame count and the time left at the pace so far; "Writing the file…" once every frame is rendered
/// (the encoder may still be finishing).
QString exportProgressText(int done, int total, double elapsedSeconds);

}  // namespace dlui
