// How wide a dock may grow beside the main view when its content asks for room (the Explain dock's
// equations, the Schedule dock's rows during a lesson): up to 45 % of the window, so the picture stays
// the larger part, and only from the view's room above its own floor. Taking more squeezed the docks on
// the other side instead: the Data dock's fields were cut behind a horizontal scroll bar.
//
//   const int wanted = std::min(textWidth, dlui::widestDockBesideTheView(window, dock));
//   if (dock->width() < wanted) window->resizeDocks({dock}, {wanted}, Qt::Horizontal);
#pragma once

class QDockWidget;
class QMainWindow;

namespace dlui {

/// The widest `dock` may become: its width plus the central widget's width above its minimum, at most 45 %
/// of the window.
int widestDockBesideTheView(const QMainWindow* window, const QDockWidget* dock);

}  // namespace dlui
