// The map from data coordinates onto a target rectangle that every layer of a scene is drawn with.
//
//   const dlui::DataToPixel map(QRectF(-2, -2, 4, 4), QRectF(0, 0, 800, 800));
//   QPointF pixel = map(0.5, 1.0);   // y grows upwards in data, downwards on screen
#pragma once

#include <QPointF>
#include <QRectF>

namespace dlui {

/// Maps data coordinates onto a target rectangle (y up in data, down on screen).
struct DataToPixel {
    QRectF data;
    QRectF target;
    double sx = 1, sy = 1;

    DataToPixel(const QRectF& dataRect, const QRectF& targetRect) : data(dataRect), target(targetRect) {
        sx = target.width() / data.width();
        sy = target.height() / data.height();
    }
    double x(double v) const { return target.left() + (v - data.left()) * sx; }
    double y(double v) const { return target.bottom() - (v - data.top()) * sy; }
    QPointF operator()(double vx, double vy) const { return {x(vx), y(vy)}; }
};

}  // namespace dlui
