#include "ui/window/presenterdialogs.h"

#include <QApplication>
#include <QEvent>
#include <QMessageBox>
#include <QWidget>
#include <algorithm>

namespace dlui {

PresenterDialogs::PresenterDialogs(QWidget* window, QObject* parent) : QObject(parent), mWindow(window) {}

void PresenterDialogs::start(qreal scale) {
    mScale = scale;
    if (!std::exchange(mOn, true)) qApp->installEventFilter(this);
}

void PresenterDialogs::stop() {
    if (!std::exchange(mOn, false)) return;
    qApp->removeEventFilter(this);
    for (const Scaled& s : mScaled)
        if (s.dialog) {
            s.dialog->setFont(s.explicitlySet ? s.font : QFont());
            s.dialog->adjustSize();
        }
    mScaled.clear();
}

bool PresenterDialogs::eventFilter(QObject* watched, QEvent* event) {
    // Show reaches the filter before the dialog's own showEvent, where a message box works out its size.
    if (event->type() != QEvent::Show) return false;
    auto* dialog = qobject_cast<QMessageBox*>(watched);
    if (!dialog || !dialog->parentWidget() || dialog->parentWidget()->window() != mWindow) return false;
    if (std::any_of(mScaled.begin(), mScaled.end(), [dialog](const Scaled& s) { return s.dialog == dialog; }))
        return false;
    mScaled.push_back({dialog, dialog->font(), dialog->testAttribute(Qt::WA_SetFont)});
    QFont font = dialog->font();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * mScale);
    else
        font.setPixelSize(qRound(font.pixelSize() * mScale));
    dialog->setFont(font);
    dialog->adjustSize();
    return false;
}

}  // namespace dlui
