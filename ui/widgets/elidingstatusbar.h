// A status bar whose temporary messages (showMessage) end in "…" when they do not fit, with the whole
// message as the tooltip. QStatusBar cuts them at the first permanent widget, mid-word or mid-number: "K =
// 50" once read "K = 5". While a message shows, the permanent labels that can elide (ElidedLabel) give it
// room, down to a third of the bar between them: a long training line beside the model label left a
// message like "Could not load the data: …" a few words. Everything else is QStatusBar's.
//
//   window->setStatusBar(new dlui::ElidingStatusBar(window));
//   window->statusBar()->showMessage(tr("2,000 points in 0.67 s: DDPM, K = 50"), 6000);
#pragma once

#include <QStatusBar>

namespace dlui {

class ElidingStatusBar : public QStatusBar {
    Q_OBJECT
public:
    explicit ElidingStatusBar(QWidget* parent = nullptr);

    /// The temporary message as drawn (cut with "…" when it does not fit); empty without one.
    QString shownMessage() const;
    /// Where the temporary message is drawn: from the left edge to the first permanent widget.
    QRect messageRect() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool event(QEvent* event) override;

private:
    /// Caps the permanent labels' widths so the message fits (a third of the bar stays theirs), or
    /// lifts the caps when no message shows.
    void shareRoomWithMessage();
};

}  // namespace dlui
