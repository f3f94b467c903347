#include "ui/window/labwindow.h"

#include "ui/window/trainingandsampling.h"

namespace dlui {

LabWindow::LabWindow(const Options& options, QWidget* parent)
    : MainWindow(options, parent), mLive(std::make_unique<TrainingAndSampling>(this)) {
    restoreLastSession();
}

LabWindow::~LabWindow() = default;

}  // namespace dlui
