// A duration as the window writes it, in the reader's language: "42 s", "3 min 5 s", "2 h 10 min"
// (the training ETA, the export's time left).
//
//   label->setText(tr("ETA %1").arg(dlui::durationText(seconds)));
#pragma once

#include <QString>

namespace dlui {

/// "–" for a negative or non-finite duration (nothing known yet).
QString durationText(double seconds);

}  // namespace dlui
