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

}  // namespace dlui
