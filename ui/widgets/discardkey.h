// The Discard button of an unsaved-work question, with an access key. Qt's own text for it is plain
// "Discard" on most desktops, so it was the one answer of Save (Return), Cancel (Escape) and Discard that
// the keyboard could not reach without Tab; Alt+D now answers it ("丢弃(&D)" in Chinese).
//
//   QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Save | QMessageBox::Discard |
//                   QMessageBox::Cancel, parent);
//   dlui::giveDiscardItsAccessKey(box);
#pragma once

class QMessageBox;

namespace dlui {

/// Does nothing when `box` has no Discard button.
void giveDiscardItsAccessKey(QMessageBox& box);

}  // namespace dlui
