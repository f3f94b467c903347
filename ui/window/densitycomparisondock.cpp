#include "ui/window/densitycomparisondock.h"

#include <QAction>
#include <QDockWidget>

#include "ui/overlays/densitycomparison.h"
#include "ui/window/mainwindow.h"

namespace dlui {

QDockWidget* addDensityComparisonDock(MainWindow* window) {
    auto* dock = new QDockWidget(MainWindow::tr("Density: data vs model"), window);
    dock->setObjectName(QStringLiteral("densityDock"));
    dock->setWidget(new DensityComparison(window->document()));
    window->addPanelDock(dock, Qt::RightDockWidgetArea);
    if (auto* schedule = window->findChild<QDockWidget*>(QStringLiteral("scheduleDock")))
        window->tabifyDockWidget(schedule, dock);
    dock->toggleViewAction()->setObjectName(QStringLiteral("showDensityComparison"));
    dock->hide();
    // Shown from the View menu: bring its tab to the front.
    QObject::connect(dock->toggleViewAction(), &QAction::triggered, dock, [dock](bool on) {
        if (on) dock->raise();
    });
    return dock;
}

}  // namespace dlui
