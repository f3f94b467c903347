// A status bar whose temporary messages (showMessage) end in "…" when they do not fit, with the whole
// message as the tooltip. QStatusBar cuts them at the first permanent widget, mid-word or mid-number: "K =
// 50" once read "K = 5". Everything else is QStatusBar's.
//
//   window->setStatusBar(new dlui::ElidingStatusBar(window));
//   window->statusBar()->showMessage(tr("2,000 points in 0.67 s: DDPM, K = 50"), 6000);
#pragma once

#include <QStatusBar>

namespace dlui {

class ElidingStatusBar : public QStatusBar {
    Q_OBJECT
public:
    using QStatusBar::QStatusBar;

    /// The temporary message as drawn (cut with "…" when it does not fit); empty without one.
    QString shownMessage() const;
    /// Where the temporary message is drawn: from the left edge to the first permanent widget.
    QRect messageRect() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
};

}  // namespace dlui
