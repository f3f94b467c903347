// The scroll area a widget sits in: each dock's panel is in one (MainWindow), and code that brings a row
// of a panel into sight, or hands a wheel turn over a plot to its dock, scrolls that area.
//
//   if (QScrollArea* area = dlui::scrollAreaAround(mStatus)) area->ensureWidgetVisible(mStatus);
#pragma once

class QScrollArea;
class QWidget;

namespace dlui {

/// The nearest QScrollArea among the widget's ancestors, or null.
QScrollArea* scrollAreaAround(const QWidget* widget);

}  // namespace dlui
