// The main-window options every window test uses: no remembered session or layout, no settings written,
// and no question boxes (a modal dialog would block an offscreen test).
#pragma once

#include "ui/window/mainwindow.h"

namespace dltest {

inline dlui::MainWindow::Options windowTestOptions() {
    dlui::MainWindow::Options o;
    o.restoreLastSession = false;
    o.askBeforeDiscard = false;
    o.useSettings = false;
    return o;
}

}  // namespace dltest
