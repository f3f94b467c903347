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

/// A frameless scroll area that resizes `panel` to its width, for a dock. It takes no keyboard focus: Tab
/// stopped on it with nothing shown as focused, and the arrow keys then scrolled the dock. A control
/// inside it that gets the keyboard focus, from wherever, is scrolled into sight.
QScrollArea* makePanelScrollArea(QWidget* panel);

}  // namespace dlui
