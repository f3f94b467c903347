#include "ui/render/viewbounds.h"

#include <algorithm>
#include <cmath>

namespace dlui {

QRectF pointBounds(const dl::Batch& points, double padding) {
    if (points.rows() == 0 || points.cols() < 2) return {};
    double minX = INFINITY, minY = INFINITY, maxX = -INFINITY, maxY = -INFINITY;
    for (Eigen::Index i = 0; i < points.rows(); ++i) {
        const double x = points(i, 0), y = points(i, 1);
        if (!std::isfinite(x) || !std::isfinite(y)) continue;
        minX = std::min(minX, x);
        maxX = std::max(maxX, x);
        minY = std::min(minY, y);
        maxY = std::max(maxY, y);
    }
    if (!(minX <= maxX)) return {};
    double side = std::max(maxX - minX, maxY - minY);
    if (side <= 0) side = 1.0;
    const double pad = padding * side;
    QRectF r(minX - pad, minY - pad, (maxX - minX) + 2 * pad, (maxY - minY) + 2 * pad);
    if (r.width() <= 0) r.adjust(-0.5 * side, 0, 0.5 * side, 0);
    if (r.height() <= 0) r.adjust(0, -0.5 * side, 0, 0.5 * side);
    return r;
}

QRectF diffusionViewBounds(const dl::DataSet& data, double sigmas) {
    if (data.dim() < 2 || data.size() == 0) return {};
    const QRectF clean = pointBounds(data.norm.toData(data.points), 0.05);
    // N(0, I) in normalised units is centred on 0; normalised = (raw − offset) / scale (per axis, when set).
    const double halfX = sigmas * data.norm.scaleOf(0), halfY = sigmas * data.norm.scaleOf(1);
    const QRectF noise(data.norm.offset(0) - halfX, data.norm.offset(1) - halfY, 2 * halfX, 2 * halfY);
    return clean.isValid() ? clean.united(noise) : noise;
}

QRectF equalAspectBounds(const QRectF& bounds, const QSizeF& target) {
    if (bounds.isEmpty() || target.isEmpty()) return bounds;
    const double unitsPerPixel = std::max(bounds.width() / target.width(), bounds.height() / target.height());
    const double w = unitsPerPixel * target.width(), h = unitsPerPixel * target.height();
    const QPointF c = bounds.center();
    return QRectF(c.x() - w / 2, c.y() - h / 2, w, h);
}

}  // namespace dlui
