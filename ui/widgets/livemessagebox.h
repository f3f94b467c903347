// A question whose text follows what it warns of while it waits for an answer (a run reaching the end of
// its budget while "Training is running" is on screen), without moving its buttons: a box that changed
// size under a pointer on its way to Cancel moved Quit or Discard there.
//
//   QMessageBox box(QMessageBox::Question, title, warnings(), QMessageBox::Cancel, window);
//   dlui::keepMessageTextCurrent(box, [&] { return warnings(); });
//   box.exec();
#pragma once

#include <functional>

class QMessageBox;
class QString;

namespace dlui {

/// Polls `text` while `box` is open and shows it when it changes. The box only grows, keeping its bottom
/// right corner, so its buttons stay where they were on the screen.
void keepMessageTextCurrent(QMessageBox& box, std::function<QString()> text);

}  // namespace dlui
