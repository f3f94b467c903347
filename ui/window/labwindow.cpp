#include "ui/window/labwindow.h"

#include "ui/window/densitycomparisondock.h"
#include "ui/window/diffusersschedulefiles.h"
#include "ui/window/trainingandsampling.h"
#include "ui/window/windowexport.h"
#include "ui/window/windowinput.h"

namespace dlui {

LabWindow::LabWindow(const Options& options, QWidget* parent)
    : MainWindow(options, parent),
      mLive(std::make_unique<TrainingAndSampling>(this)),
      mExport(std::make_unique<WindowExport>(this)),
      mInput(std::make_unique<WindowInput>(this)),
      mDiffusers(std::make_unique<DiffusersScheduleFiles>(this)) {
    addDensityComparisonDock(this);
    restoreLastSession();
}

LabWindow::~LabWindow() = default;

}  // namespace dlui
