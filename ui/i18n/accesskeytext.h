// An action's text without its access key, for where no key can be pressed (a tool bar's buttons).
// Qt drops the "&" itself, which is all English needs ("&Open…" → "Open…"); Chinese and Japanese write the
// key after the words in brackets ("打开(&O)…"), and a tool bar then showed "打开(O)…".
//
//   action->setIconText(dlui::withoutAccessKey(action->text()));
#pragma once

#include <QString>

namespace dlui {

/// text with a bracketed access key ("(&O)", "（&O）") removed, every other single "&" dropped, and "&&" kept
/// as one "&".
QString withoutAccessKey(const QString& text);

/// The other way: a text whose "&" is a character ("Model & Train", a lesson's title) for a menu entry,
/// button or tab, which would read it as the mark of an access key: each "&" doubled.
QString withLiteralAmpersands(QString text);

}  // namespace dlui
