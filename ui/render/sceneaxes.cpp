#include "ui/render/sceneaxes.h"

#include <QFontMetricsF>
#include <QPen>
#include <algorithm>
#include <cmath>

namespace dlui {
namespace {

/// A tick's length, the gap between it and its label, and the least gap between two labels side by
/// side, in units of the font's pixel size.
constexpr double kTickLength = 0.6, kTickLabelPad = 0.35, kLabelGap = 1.0;

/// A "nice" tick step (1, 2 or 5 × 10^k) giving about `wanted` ticks over `span`.
double niceStep(double span, int wanted) {
    const double raw = span / std::max(1, wanted);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / magnitude;
    const double nice = f < 1.5 ? 1.0 : f < 3.5 ? 2.0 : f < 7.5 ? 5.0 : 10.0;
    return nice * magnitude;
}

/// Multiples of step in [lo, hi], counted by an integer index: adding step to a large value (x = 1e17,
/// step 0.5) would not move it, and a non-finite range has no ticks at all. At most 100 ticks.
std::vector<double> tickValues(double lo, double hi, double step) {
    std::vector<double> values;
    if (!std::isfinite(lo) || !std::isfinite(hi) || !std::isfinite(step) || step <= 0.0) return values;
    const double first = std::ceil(lo / step), last = std::floor(hi / step + 1e-9);
    if (!std::isfinite(first) || !std::isfinite(last) || last - first > 100.0) return values;
    // Counted by an int: past 2^53, k + 1 == k and a loop over k itself would never end.
    const int count = static_cast<int>(last - first) + 1;
    for (int i = 0; i < count; ++i) values.push_back((first + i) * step);
    return values;
}

QString tickLabel(double value, double step) {
    if (std::abs(value) < step * 1e-6) value = 0.0;  // no "-0" or "1e-17"
    const int decimals = std::max(0, -static_cast<int>(std::floor(std::log10(step) + 1e-9)));
    return QString::number(value, 'f', decimals);
}

double xTickStep(const DataToPixel& map) {
    return niceStep(map.data.width(), std::max(2, static_cast<int>(map.target.width() / 110)));
}

double yTickStep(const DataToPixel& map) {
    return niceStep(map.data.height(), std::max(2, static_cast<int>(map.target.height() / 110)));
}

/// The widest of the y tick labels of this map.
double widestYLabel(const DataToPixel& map, const QFontMetricsF& metrics) {
    const double step = yTickStep(map);
    double widest = 0;
    for (const double v : tickValues(map.data.top(), map.data.bottom(), step))
        widest = std::max(widest, metrics.horizontalAdvance(tickLabel(v, step)));
    return widest;
}

/// A tick label on a plate of the caption box's colour: the axes are drawn over the data, and points and
/// arrows ran through the digits (in presenter mode the arrows crossed every x label).
void drawTickLabel(QPainter& painter, const AxisLabel& label, const QFontMetricsF& metrics,
                   const SceneColors& colors) {
    const double pad = 0.15 * metrics.height();
    painter.fillRect(label.box.adjusted(-pad, 0, pad, 0), colors.captionBox);
    painter.setPen(colors.text);
    painter.drawText(QPointF(label.box.left(), label.box.top() + metrics.ascent()), label.text);
}

}  // namespace

AxisLayout layoutAxes(const DataToPixel& map, const QFont& font) {
    const QFontMetricsF metrics(font);
    const double em = font.pixelSize();
    const double pad = kTickLabelPad * em, gap = kLabelGap * em;
    AxisLayout out;
    out.frame = map.target.adjusted(0.5, 0.5, -0.5, -0.5);
    out.tickLength = kTickLength * em;
    const QRectF& frame = out.frame;

    // The x labels leave the bottom-left corner to the y labels: the lowest of them sits beside the
    // x labels' band, and "−2" over "−2" read as one label "−2 −2" when the corner was narrower.
    const double cornerRight = frame.left() + out.tickLength + pad + widestYLabel(map, metrics) + gap;
    const double xStep = xTickStep(map);
    for (const double v : tickValues(map.data.left(), map.data.right(), xStep)) {
        const double x = std::round(map.x(v)) + 0.5;
        out.xTicks.push_back(x);
        const QString text = tickLabel(v, xStep);
        const double w = metrics.horizontalAdvance(text);
        if (x - w / 2 < cornerRight || x + w / 2 > frame.right() - pad) continue;
        const double baseline = frame.bottom() - out.tickLength - pad - metrics.descent();
        out.xLabels.push_back({text, QRectF(x - w / 2, baseline - metrics.ascent(), w, metrics.height())});
    }
    const double yStep = yTickStep(map);
    for (const double v : tickValues(map.data.top(), map.data.bottom(), yStep)) {
        const double y = std::round(map.y(v)) + 0.5;
        out.yTicks.push_back(y);
        const QString text = tickLabel(v, yStep);
        // A label low in the frame is kept when it clears the x labels, which leave the corner to it: the
        // lowest y tick of the default view (−2) used to go unlabelled for sitting in their band.
        const QRectF box(frame.left() + out.tickLength + pad, y - metrics.height() / 2,
                         metrics.horizontalAdvance(text), metrics.height());
        const bool nearXLabel = std::any_of(out.xLabels.begin(), out.xLabels.end(), [&](const AxisLabel& x) {
            return x.box.adjusted(-gap, -pad, gap, pad).intersects(box);
        });
        if (box.top() < frame.top() + pad || box.bottom() > frame.bottom() - pad || nearXLabel) continue;
        out.yLabels.push_back({text, box});
    }
    return out;
}

void paintAxes(QPainter& painter, const AxisLayout& axes, const SceneColors& colors, const QFont& font,
               double scale) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QPen axisPen(colors.axis, std::max(1.0, std::round(scale * colors.lineWidth)));
    painter.setPen(axisPen);
    painter.setBrush(Qt::NoBrush);
    const QRectF& frame = axes.frame;
    painter.drawRect(frame);
    for (const double x : axes.xTicks)
        painter.drawLine(QPointF(x, frame.bottom()), QPointF(x, frame.bottom() - axes.tickLength));
    for (const double y : axes.yTicks)
        painter.drawLine(QPointF(frame.left(), y), QPointF(frame.left() + axes.tickLength, y));
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    for (const AxisLabel& label : axes.xLabels) drawTickLabel(painter, label, metrics, colors);
    for (const AxisLabel& label : axes.yLabels) drawTickLabel(painter, label, metrics, colors);
    painter.restore();
}

QRectF axisLabelBand(const QRectF& target, const QFont& font) {
    const double band = (kTickLength + kTickLabelPad) * font.pixelSize() + QFontMetricsF(font).height();
    return QRectF(target.left(), target.bottom() - band, target.width(), band);
}

QRectF yAxisLabelBand(const QRectF& target, const QRectF& dataBounds, const QFont& font) {
    const DataToPixel map(dataBounds, target);
    const double width =
        (kTickLength + 2 * kTickLabelPad) * font.pixelSize() + widestYLabel(map, QFontMetricsF(font));
    return QRectF(target.left(), target.top(), width, target.height());
}

}  // namespace dlui
