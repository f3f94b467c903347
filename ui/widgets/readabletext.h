// Message colours that read on every theme. A label's red error or amber warning was chosen on the light
// theme's white; on the dark theme's grey it sat at 1.8:1 and was hard to read from the back of a room.
// This keeps the colour's hue and moves its lightness until the text stands 4.5:1 (WCAG's bar for body
// text) from the label's own background, again whenever the palette changes.
//
//   dlui::setReadableTextColor(errorLabel, dlui::kErrorTextColor);
//   dlui::setReadableTextColor(statusLabel, QColor());  // back to the palette's own text colour
#pragma once

#include <QColor>

class QWidget;

namespace dlui {

/// The light theme's colours for error and caution text.
inline const QColor kErrorTextColor{0xb0, 0x00, 0x20};
inline const QColor kCautionTextColor{0x8a, 0x5a, 0x00};

/// Draws `widget`'s text in `color`, made readable on its background for the current and every later
/// palette. An invalid colour goes back to the palette's text colour. Replaces the widget's style sheet.
void setReadableTextColor(QWidget* widget, const QColor& color);

}  // namespace dlui
