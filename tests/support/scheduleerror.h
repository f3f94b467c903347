// The Schedule dock's "Not applied" message as a person brings it up (β_start typed above β_end), and how
// far its text stands from its background: the theme tests check it reads (4.5:1) on every theme.
//
//   QTRY_VERIFY(dltest::showScheduleError(window) >= 4.5);  // the message shows; its contrast
#pragma once

#include <QLabel>
#include <QPalette>

#include "ui/render/palette.h"
#include "ui/schedule/schedulepanel.h"
#include "ui/widgets/logslider.h"
#include "ui/window/mainwindow.h"

namespace dltest {

/// Shows the message (β_start 0.5, above the default β_end) and returns its contrast ratio; 0 when it does
/// not show.
inline double showScheduleError(dlui::MainWindow& window) {
    dlui::SchedulePanel* schedule = window.schedulePanel();
    schedule->betaStartSlider()->spinBox()->setValue(0.5);
    const auto* error = schedule->findChild<QLabel*>(QStringLiteral("scheduleError"));
    if (!error || !error->isVisible()) return 0.0;
    return dlui::contrastRatio(error->palette().color(error->foregroundRole()),
                               error->palette().color(QPalette::Window));
}

}  // namespace dltest
