#include "ui/widgets/scrollareaaround.h"

#include <QScrollArea>

namespace dlui {

QScrollArea* scrollAreaAround(const QWidget* widget) {
    for (QWidget* w = widget ? widget->parentWidget() : nullptr; w; w = w->parentWidget())
        if (auto* area = qobject_cast<QScrollArea*>(w)) return area;
    return nullptr;
}

}  // namespace dlui
