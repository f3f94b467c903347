#include "ui/widgets/flowlayout.h"

#include <QStyle>
#include <QWidget>
#include <algorithm>

namespace dlui {

namespace {

bool expands(const QLayoutItem* item) {
    return item->expandingDirections() & Qt::Horizontal;
}

/// The width an item needs on a line: its minimum when it expands into the line's room, else its
/// preferred width.
int neededWidth(const QLayoutItem* item) {
    return expands(item) ? item->minimumSize().width()
                         : std::max(item->sizeHint().width(), item->minimumSize().width());
}

int preferredWidth(const QLayoutItem* item) {
    return std::max(item->sizeHint().width(), item->minimumSize().width());
}

}  // namespace

FlowLayout::FlowLayout(QWidget* parent) : QLayout(parent) {}

FlowLayout::~FlowLayout() {
    while (QLayoutItem* item = takeAt(0)) delete item;
}

void FlowLayout::addItem(QLayoutItem* item) {
    mItems.append(item);
    invalidate();
}

int FlowLayout::count() const {
    return static_cast<int>(mItems.size());
}

QLayoutItem* FlowLayout::itemAt(int index) const {
    return index >= 0 && index < mItems.size() ? mItems.at(index) : nullptr;
}

QLayoutItem* FlowLayout::takeAt(int index) {
    if (index < 0 || index >= mItems.size()) return nullptr;
    invalidate();
    return mItems.takeAt(index);
}

Qt::Orientations FlowLayout::expandingDirections() const {
    for (const QLayoutItem* item : mItems)
        if (!item->isEmpty() && expands(item)) return Qt::Horizontal;
    return {};
}

bool FlowLayout::hasHeightForWidth() const {
    return true;
}

int FlowLayout::heightForWidth(int width) const {
    return arrange(QRect(0, 0, width, 0), false);
}

int FlowLayout::gap() const {
    // The spacing set on the layout, else the style's between two controls side by side.
    if (spacing() >= 0) return spacing();
    const QWidget* parent = parentWidget();
    return parent ? parent->style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing, nullptr, parent) : 6;
}

QSize FlowLayout::sizeHint() const {
    int width = 0, height = 0, shown = 0;
    for (const QLayoutItem* item : mItems) {
        if (item->isEmpty()) continue;
        width += preferredWidth(item);
        height = std::max(height, item->sizeHint().height());
        ++shown;
    }
    if (shown > 1) width += (shown - 1) * gap();
    const QMargins m = contentsMargins();
    return QSize(width + m.left() + m.right(), height + m.top() + m.bottom());
}

QSize FlowLayout::minimumSize() const {
    int width = 0, height = 0;
    for (const QLayoutItem* item : mItems) {
        if (item->isEmpty()) continue;
        width = std::max(width, neededWidth(item));
        height = std::max(height, item->sizeHint().height());
    }
    const QMargins m = contentsMargins();
    return QSize(width + m.left() + m.right(), height + m.top() + m.bottom());
}

void FlowLayout::setGeometry(const QRect& rect) {
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::arrange(const QRect& rect, bool place) const {
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int spacing = gap();
    QList<QLayoutItem*> line;
    int lineWidth = 0, y = area.y();
    const auto finishLine = [&] {
        int lineHeight = 0, expanding = 0;
        for (const QLayoutItem* item : line) {
            lineHeight = std::max(lineHeight, item->sizeHint().height());
            if (expands(item)) ++expanding;
        }
        if (place) {
            // The line's room beyond what its items need goes to those that expand, in equal parts.
            const int room = std::max(0, area.width() - lineWidth);
            int x = area.x();
            for (QLayoutItem* item : line) {
                int width = neededWidth(item);
                if (expanding > 0 && expands(item)) width += room / expanding;
                width = std::min(width, area.width());
                const int height = item->sizeHint().height();
                item->setGeometry(QRect(x, y + (lineHeight - height) / 2, width, height));
                x += width + spacing;
            }
        }
        y += lineHeight;
        line.clear();
        lineWidth = 0;
    };
    for (QLayoutItem* item : mItems) {
        if (item->isEmpty()) continue;
        const int width = neededWidth(item);
        if (!line.isEmpty() && lineWidth + spacing + width > area.width()) {
            finishLine();
            y += spacing / 2;  // lines closer than items: they read as one block of controls
        }
        lineWidth += (line.isEmpty() ? 0 : spacing) + width;
        line.append(item);
    }
    if (!line.isEmpty()) finishLine();
    return y - rect.y() + contentsMargins().bottom();
}

}  // namespace dlui
