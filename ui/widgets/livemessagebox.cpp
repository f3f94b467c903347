#include "ui/widgets/livemessagebox.h"

#include <QMessageBox>
#include <QTimer>

namespace dlui {

void keepMessageTextCurrent(QMessageBox& box, std::function<QString()> text) {
    // Polled, because the warnings come from several panels, each of which would otherwise need a signal
    // for this one box.
    auto* timer = new QTimer(&box);
    timer->setInterval(250);
    QObject::connect(timer, &QTimer::timeout, &box, [&box, text = std::move(text)] {
        const QString now = text();
        if (now == box.text()) return;
        const QRect before = box.geometry();
        box.setText(now);  // QMessageBox fixes its size to the new text at once when shown
        if (!box.isVisible()) return;
        const QSize size = box.size().expandedTo(before.size());
        box.setFixedSize(size);
        box.move(box.pos() + before.bottomRight() - box.geometry().bottomRight());
    });
    timer->start();
}

}  // namespace dlui
