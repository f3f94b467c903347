// Font sizes as presenter mode scales them, shared by the window's widgets (PresenterMode) and its message
// boxes (PresenterDialogs): a size in points, or in pixels for a font set in pixels, and a widget's font as
// it was, to give back.
//
//   const dlui::SavedFont before = dlui::SavedFont::of(label);
//   label->setFont(dlui::scaled(label->font(), 2.0 * dlui::fontSize(label->font())));
//   before.restore();
#pragma once

#include <QFont>
#include <QPointer>
#include <QWidget>

namespace dlui {

/// A font's size in points, or in pixels when it was set in pixels (pointSizeF() is then −1).
inline qreal fontSize(const QFont& font) {
    return font.pointSizeF() > 0 ? font.pointSizeF() : font.pixelSize();
}

/// The font at `size`, in the unit it was set in.
inline QFont scaled(QFont font, qreal size) {
    if (font.pointSizeF() > 0)
        font.setPointSizeF(size);
    else
        font.setPixelSize(qRound(size));
    return font;
}

/// A widget's font before a change: restore() sets it again, or goes back to inheriting when the widget
/// had no font of its own.
struct SavedFont {
    QPointer<QWidget> widget;
    QFont font;
    bool explicitlySet = false;

    static SavedFont of(QWidget* widget) {
        return {widget, widget->font(), widget->testAttribute(Qt::WA_SetFont)};
    }
    void restore() const {
        if (widget) widget->setFont(explicitlySet ? font : QFont());
    }
};

}  // namespace dlui
