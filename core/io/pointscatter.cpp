#include "core/io/pointscatter.h"

#include <QPainter>
#include <algorithm>
#include <string>

#include "core/math/error.h"

namespace dl {

QImage pointScatterImage(const Batch& points, int size, const ProgressCallback& progress) {
    if (size < 64 || size > 8192)
        throw Error("scatter image size must be from 64 to 8192, got " + std::to_string(size));
    if (points.cols() != 2 || points.rows() < 1) throw Error("a scatter image needs N×2 points with N ≥ 1");
    if (!points.allFinite()) throw Error("a scatter image needs finite coordinates");
    const Eigen::Vector2f lo = points.colwise().minCoeff().transpose();
    const Eigen::Vector2f hi = points.colwise().maxCoeff().transpose();
    const Eigen::Vector2f centre = 0.5f * (lo + hi);
    const float span = std::max({hi.x() - lo.x(), hi.y() - lo.y(), 1e-6f});
    const double pixelsPerUnit = 0.9 * size / span;

    QImage image(size, size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    // Fainter dots for more points, so dense regions read as darker rather than as one blot.
    const int alpha = std::clamp(static_cast<int>(4000000.0 / (points.rows() + 1.0)), 24, 200);
    painter.setBrush(QColor(20, 40, 110, alpha));
    const double radius = std::max(1.0, size / 400.0);
    for (Eigen::Index i = 0; i < points.rows(); ++i) {
        const double x = size / 2.0 + (points(i, 0) - centre.x()) * pixelsPerUnit;
        const double y = size / 2.0 - (points(i, 1) - centre.y()) * pixelsPerUnit;
        painter.drawEllipse(QPointF(x, y), radius, radius);
        if (progress && (i + 1) % 65536 == 0)
            progress(static_cast<double>(i + 1) / static_cast<double>(points.rows()));
    }
    if (progress) progress(1.0);
    return image;
}

}  // namespace dl
