#include "ui/window/presenterstyle.h"

#include <QtMath>

namespace dlui {

PresenterStyle::PresenterStyle(qreal scale, QObject* parent) : QProxyStyle(), mScale(scale) {
    // Without a base style, QProxyStyle uses the application's and does not own it.
    setParent(parent);
}

int PresenterStyle::pixelMetric(PixelMetric metric, const QStyleOption* option, const QWidget* widget) const {
    const int base = QProxyStyle::pixelMetric(metric, option, widget);
    switch (metric) {
        case PM_IndicatorWidth:
        case PM_IndicatorHeight:
        case PM_ExclusiveIndicatorWidth:
        case PM_ExclusiveIndicatorHeight:
        case PM_CheckBoxLabelSpacing:
        case PM_RadioButtonLabelSpacing:
        case PM_SliderThickness:
        case PM_SliderLength:
        case PM_SliderControlThickness:
            return qRound(base * mScale);
        default:
            return base;
    }
}

}  // namespace dlui
