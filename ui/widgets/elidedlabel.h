// A one-line label that, when it gets less room than its text needs, shows the text cut with "…" and
// the whole text as its tooltip. QLabel asks for its full width as its minimum, so in a narrow status
// bar labels overrun each other or are clipped mid-word ("β 0.001..0.0"); this one yields the room.
// text(), setText() and style sheets work as on QLabel.
//
//   auto* label = new dlui::ElidedLabel(statusBar());
//   label->setText(tr("Model: linear T=150, β 0.001..0.133"));
#pragma once

#include <QLabel>

namespace dlui {

class ElidedLabel : public QLabel {
    Q_OBJECT
public:
    using QLabel::QLabel;

    /// Room for a few characters and the ellipsis: below its size hint the label elides.
    QSize minimumSizeHint() const override;
    /// The text as drawn in the label's current width ("…" at the end when it does not fit).
    QString shownText() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    /// Where the text is drawn: the contents rectangle less the label's margin.
    QRect textRoom() const;
};

}  // namespace dlui
