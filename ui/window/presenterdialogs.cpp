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
    for (const SavedFont& saved : mScaled)
        if (saved.widget) {
            saved.restore();
            saved.widget->adjustSize();
        }
    mScaled.clear();
}

bool PresenterDialogs::eventFilter(QObject* watched, QEvent* event) {
    // Show reaches the filter before the dialog's own showEvent, where a message box works out its size.
    if (event->type() != QEvent::Show) return false;
    auto* dialog = qobject_cast<QMessageBox*>(watched);
    if (!dialog || !dialog->parentWidget() || dialog->parentWidget()->window() != mWindow) return false;
    if (std::any_of(mScaled.begin(), mScaled.end(),
                    [dialog](const SavedFont& saved) { return saved.widget == dialog; }))
        return false;
    mScaled.push_back(SavedFont::of(dialog));
    dialog->setFont(scaled(dialog->font(), mScale * fontSize(dialog->font())));
    dialog->adjustSize();
    return false;
}

}  // namespace dlui
