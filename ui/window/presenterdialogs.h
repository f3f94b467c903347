// In presenter mode the window's text is twice its size, but a dialog is a window of its own and keeps the
// desktop's: "Open the lesson?" read at a third of the size of the text around it, unreadable from the
// back of the room. While started, every message box of the window (its questions, warnings and notes)
// gets the same scale as it shows; stop() gives the ones still open their own size back. Dialogs with
// forms (Export, file dialogs) keep their size: at twice it they would not fit a 1280×720 projector.
//
//   auto* dialogs = new dlui::PresenterDialogs(window, this);
//   dialogs->start(2.0);   // entering presenter mode
//   dialogs->stop();       // leaving it
#pragma once

#include <QObject>
#include <vector>

#include "ui/window/presenterfonts.h"

class QWidget;

namespace dlui {

class PresenterDialogs : public QObject {
    Q_OBJECT
public:
    /// Message boxes whose parent is in `window` are scaled.
    PresenterDialogs(QWidget* window, QObject* parent = nullptr);

    void start(qreal scale);
    void stop();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* mWindow;
    qreal mScale = 1.0;
    bool mOn = false;
    std::vector<SavedFont> mScaled;  // the message boxes scaled, with their fonts from before
};

}  // namespace dlui
