// View ▸ Density: data vs model — a dock with the DensityComparison (ui/overlays/densitycomparison.h),
// hidden until asked for, tabbed with the Schedule dock so it takes no room of its own.
//
//   QDockWidget* dock = dlui::addDensityComparisonDock(window);
#pragma once

class QDockWidget;

namespace dlui {

class MainWindow;

/// Creates the dock (objectName "densityDock"), adds its toggle to the View menu and hides it.
QDockWidget* addDensityComparisonDock(MainWindow* window);

}  // namespace dlui
