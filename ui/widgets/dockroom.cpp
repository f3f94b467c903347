#include "ui/widgets/dockroom.h"

#include <QDockWidget>
#include <QMainWindow>
#include <algorithm>

namespace dlui {

int widestDockBesideTheView(const QMainWindow* window, const QDockWidget* dock) {
    const int share = window->width() * 45 / 100;
    const QWidget* central = window->centralWidget();
    if (!central) return share;
    const int floor = std::max(central->minimumWidth(), central->minimumSizeHint().width());
    return std::min(share, dock->width() + std::max(0, central->width() - floor));
}

}  // namespace dlui
