// The live language switch: re-words every text of a widget tree that came from tr() — labels, buttons,
// group boxes, combo-box items, tab titles, tooltips, placeholders, spin-box suffixes, dock and window
// titles, menus and actions, the status bar message and QCustomPlot axis labels and legends.
//
// For each text it asks the RecordingTranslator which message it was shown from. A text with arguments
// filled in ("Samples loaded: 8,000.") is matched against the recorded templates ("Samples loaded: %1."),
// its arguments are re-worded in turn (a data source's name is itself a message) and put into the
// template of the new language. A text of several lines, each a message, is re-worded line by line.
// Texts no message produced (numbers, file names, typed input) stay. Widgets whose text is built from
// several messages in another way (rich text, painted text) re-word themselves on QEvent::LanguageChange.
//
//   dlui::retranslateWidgetTree(window, translator);
#pragma once

#include <QString>

class QWidget;

namespace dlui {

class RecordingTranslator;

/// Re-words the widget and all its children (and their actions) in the translator's current language.
void retranslateWidgetTree(QWidget* root, const RecordingTranslator& translator);

/// One text in the translator's current language; the text itself when no message produced it.
QString retranslateText(const QString& text, const RecordingTranslator& translator);

}  // namespace dlui
