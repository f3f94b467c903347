#include "ui/widgets/scrollareaaround.h"

#include <QApplication>
#include <QScrollArea>

namespace dlui {

QScrollArea* scrollAreaAround(const QWidget* widget) {
    for (QWidget* w = widget ? widget->parentWidget() : nullptr; w; w = w->parentWidget())
        if (auto* area = qobject_cast<QScrollArea*>(w)) return area;
    return nullptr;
}

QScrollArea* makePanelScrollArea(QWidget* panel) {
    auto* area = new QScrollArea;
    area->setWidget(panel);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setFocusPolicy(Qt::NoFocus);
    // A control that takes the keyboard focus comes into sight. QScrollArea does that only for Tab
    // pressed inside it; a Tab from another dock focused the Schedule dock's Kind box scrolled out of
    // sight, and ↑ then changed the kind unseen. Not on a click: what is clicked is in sight already.
    QObject::connect(qApp, &QApplication::focusChanged, area, [area](QWidget*, QWidget* now) {
        if (now && QGuiApplication::mouseButtons() == Qt::NoButton && area->widget() &&
            area->widget()->isAncestorOf(now))
            area->ensureWidgetVisible(now);
    });
    return area;
}

}  // namespace dlui
