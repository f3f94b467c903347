#include "ui/widgets/elidingstatusbar.h"

#include <QHelpEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOption>
#include <QToolTip>
#include <algorithm>

#include "ui/widgets/elidedlabel.h"

namespace dlui {

ElidingStatusBar::ElidingStatusBar(QWidget* parent) : QStatusBar(parent) {
    connect(this, &QStatusBar::messageChanged, this, &ElidingStatusBar::shareRoomWithMessage);
}

void ElidingStatusBar::shareRoomWithMessage() {
    const QString message = currentMessage();
    QList<ElidedLabel*> labels;
    int labelsWidth = 0;
    for (ElidedLabel* label : findChildren<ElidedLabel*>(QString(), Qt::FindDirectChildrenOnly)) {
        label->setMaximumWidth(QWIDGETSIZE_MAX);
        // While a message shows, QStatusBar hides its normal widgets: the visible ones are permanent.
        if (message.isEmpty() || !label->isVisible()) continue;
        labels << label;
        labelsWidth += label->sizeHint().width();
    }
    if (labels.isEmpty()) return;
    // The message's own width and the margins messageRect leaves around it.
    const int needed = fontMetrics().horizontalAdvance(message) + 40;
    const int budget = std::max(width() / 3, width() - needed);
    if (labelsWidth <= budget) return;
    // Each label gives way in proportion to its width, and keeps room for a few letters and the "…".
    for (ElidedLabel* label : labels)
        label->setMaximumWidth(
            std::max(label->minimumSizeHint().width(), label->sizeHint().width() * budget / labelsWidth));
}

void ElidingStatusBar::resizeEvent(QResizeEvent* event) {
    QStatusBar::resizeEvent(event);
    if (!currentMessage().isEmpty()) shareRoomWithMessage();
}

QRect ElidingStatusBar::messageRect() const {
    // As QStatusBar lays out its message: while one shows, only the permanent widgets (and the size grip)
    // stay visible, so the message ends 2 px before the first visible child.
    int left = 6, right = width() - 12;
    const bool rtl = layoutDirection() == Qt::RightToLeft;
    for (const QWidget* child : findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly)) {
        if (!child->isVisible()) continue;
        if (rtl)
            left = std::max(left, child->geometry().right() + 3);
        else
            right = std::min(right, child->x() - 2);
    }
    return QRect(left, 0, std::max(0, right - left), height());
}

QString ElidingStatusBar::shownMessage() const {
    const QString message = currentMessage();
    return message.isEmpty() ? message
                             : fontMetrics().elidedText(message, Qt::ElideRight, messageRect().width());
}

void ElidingStatusBar::paintEvent(QPaintEvent* event) {
    if (currentMessage().isEmpty()) {
        QStatusBar::paintEvent(event);
        return;
    }
    // QStatusBar's own painting, with the message elided: the panel, each visible item's frame, the text.
    QPainter painter(this);
    QStyleOption panel;
    panel.initFrom(this);
    style()->drawPrimitive(QStyle::PE_PanelStatusBar, &panel, &painter, this);
    for (QWidget* child : findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly)) {
        if (!child->isVisible()) continue;
        QStyleOption frame(0);
        frame.rect = child->geometry().adjusted(-2, -1, 2, 1);
        frame.palette = palette();
        frame.state = QStyle::State_None;
        style()->drawPrimitive(QStyle::PE_FrameStatusBarItem, &frame, &painter, child);
    }
    painter.setPen(palette().windowText().color());
    painter.drawText(messageRect(), Qt::AlignLeading | Qt::AlignVCenter | Qt::TextSingleLine, shownMessage());
}

bool ElidingStatusBar::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString message = currentMessage();
        if (!message.isEmpty() && shownMessage() != message && messageRect().contains(help->pos())) {
            QToolTip::showText(help->globalPos(), message, this);
            return true;
        }
    }
    return QStatusBar::event(event);
}

}  // namespace dlui
