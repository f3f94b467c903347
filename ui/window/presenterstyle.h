// The application's style with larger check box and radio button indicators and slider handles, for
// presenter mode: fonts scale with a widget's font, but the style draws these at a fixed pixel size, so
// next to doubled text they stayed small enough to miss from the back of a room, or with a pointer on a
// projector.
//
//   auto* style = new dlui::PresenterStyle(2.0, parent);
//   checkBox->setStyle(style);   // …and setStyle(nullptr) to give it the application's style back
#pragma once

#include <QProxyStyle>

namespace dlui {

class PresenterStyle : public QProxyStyle {
    Q_OBJECT
public:
    /// Follows the application's style; parent owns it (a QProxyStyle has no parent of its own).
    PresenterStyle(qreal scale, QObject* parent);

    int pixelMetric(PixelMetric metric, const QStyleOption* option = nullptr,
                    const QWidget* widget = nullptr) const override;

private:
    qreal mScale;
};

}  // namespace dlui
