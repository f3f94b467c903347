#include "ui/schedule/schedulecurveeditor.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace dlui {

namespace {
constexpr double kHandleRadius = 5.0;
constexpr double kMinGap = 1e-3;  // neighbouring u stay strictly increasing
}  // namespace

ScheduleCurveEditor::ScheduleCurveEditor(QWidget* parent) : QWidget(parent) {
    setMinimumHeight(90);
    setMouseTracking(true);
    setToolTip(tr("Drag the points to shape β over t. Double-click adds a point, right-click removes one."));
    mPoints = {{0.0, 1e-3}, {0.5, 0.02}, {1.0, 0.2}};
}

void ScheduleCurveEditor::setPoints(std::vector<dl::BetaControlPoint> points) {
    if (points.size() >= 2) mPoints = std::move(points);
    update();
}

QRectF ScheduleCurveEditor::plotRect() const {
    // Room on the left for "10⁻⁵" and a gap, so the handle of a point at t = 1 does not cover its label.
    const double labels = QFontMetricsF(font()).horizontalAdvance(decadeLabel(-5)) + kHandleRadius + 6;
    return QRectF(rect()).adjusted(labels, 8, -10, -16);
}

QString ScheduleCurveEditor::decadeLabel(int exponent) {
    // Written as the β plot below writes its ticks (10⁻³), not as "1e-3".
    static const QString superscripts[] = {QStringLiteral("\u2070"), QStringLiteral("\u00B9"),
                                           QStringLiteral("\u00B2"), QStringLiteral("\u00B3"),
                                           QStringLiteral("\u2074"), QStringLiteral("\u2075"),
                                           QStringLiteral("\u2076"), QStringLiteral("\u2077"),
                                           QStringLiteral("\u2078"), QStringLiteral("\u2079")};
    QString text = QStringLiteral("10");
    if (exponent < 0) text += QStringLiteral("\u207B");
    for (const QChar digit : QString::number(std::abs(exponent))) text += superscripts[digit.digitValue()];
    return text;
}

QPointF ScheduleCurveEditor::toWidget(const dl::BetaControlPoint& p) const {
    return toPlot(plotRect(), p);
}

QPointF ScheduleCurveEditor::toPlot(const QRectF& r, const dl::BetaControlPoint& p) {
    const double lo = std::log10(kMinBeta), hi = std::log10(kMaxBeta);
    const double v = (std::log10(std::clamp(p.beta, kMinBeta, kMaxBeta)) - lo) / (hi - lo);
    return {r.left() + p.u * r.width(), r.bottom() - v * r.height()};
}

dl::BetaControlPoint ScheduleCurveEditor::fromWidget(const QPointF& pos) const {
    const QRectF r = plotRect();
    const double lo = std::log10(kMinBeta), hi = std::log10(kMaxBeta);
    const double u = std::clamp((pos.x() - r.left()) / r.width(), 0.0, 1.0);
    const double v = std::clamp((r.bottom() - pos.y()) / r.height(), 0.0, 1.0);
    return {u, std::pow(10.0, lo + v * (hi - lo))};
}

int ScheduleCurveEditor::pointAt(const QPointF& pos) const {
    for (int i = 0; i < static_cast<int>(mPoints.size()); ++i)
        if (QLineF(toWidget(mPoints[i]), pos).length() <= kHandleRadius + 3) return i;
    return -1;
}

void ScheduleCurveEditor::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.fillRect(rect(), palette().color(QPalette::Base));
    const QRectF r = plotRect();
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() - 1.5));
    p.setFont(small);
    // Decades of β as grid lines.
    for (int e = -5; e <= 0; ++e) {
        const double y = toPlot(r, {0.0, std::pow(10.0, e)}).y();
        p.setPen(QPen(palette().color(QPalette::Mid), 0.5, Qt::DotLine));
        p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y));
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRectF(0, y - 8, r.left() - kHandleRadius - 3, 16), Qt::AlignRight | Qt::AlignVCenter,
                   decadeLabel(e));
    }
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(r);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRectF(r.left(), r.bottom() + 1, r.width(), 14), Qt::AlignCenter,
               tr("t →   (β on a log axis)"));

    // The curve the schedule samples: linear in β between the points, so on this log axis a segment bends
    // (drawn straight it showed a log-linear β the schedule does not have). A vertex every two pixels.
    QPainterPath path;
    path.moveTo(toPlot(r, mPoints.front()));
    for (std::size_t i = 1; i < mPoints.size(); ++i) {
        const double u0 = mPoints[i - 1].u, u1 = mPoints[i].u;
        const int steps = std::max(1, static_cast<int>((u1 - u0) * r.width() / 2.0));
        for (int k = 1; k <= steps; ++k) {
            const double u = u0 + (u1 - u0) * k / steps;
            path.lineTo(toPlot(r, {u, dl::interpolateBetaControlPoints(mPoints, u)}));
        }
    }
    p.setPen(QPen(QColor(214, 96, 40), 2.0));
    p.drawPath(path);
    for (int i = 0; i < static_cast<int>(mPoints.size()); ++i) {
        p.setBrush(i == mDragged ? QColor(214, 96, 40) : QColor(Qt::white));
        p.setPen(QPen(QColor(214, 96, 40), 1.5));
        p.drawEllipse(toPlot(r, mPoints[i]), kHandleRadius, kHandleRadius);
    }
}

void ScheduleCurveEditor::mousePressEvent(QMouseEvent* event) {
    const int i = pointAt(event->position());
    if (event->button() == Qt::RightButton) {
        if (i > 0 && i < static_cast<int>(mPoints.size()) - 1) {
            mPoints.erase(mPoints.begin() + i);
            update();
            Q_EMIT pointsChanged(mPoints);
        }
        return;
    }
    mDragged = i;
    update();
}

void ScheduleCurveEditor::mouseMoveEvent(QMouseEvent* event) {
    if (mDragged < 0) {
        setCursor(pointAt(event->position()) >= 0 ? Qt::OpenHandCursor : Qt::ArrowCursor);
        return;
    }
    dl::BetaControlPoint p = fromWidget(event->position());
    const int last = static_cast<int>(mPoints.size()) - 1;
    if (mDragged == 0)
        p.u = 0.0;
    else if (mDragged == last)
        p.u = 1.0;
    else
        p.u = std::clamp(p.u, mPoints[mDragged - 1].u + kMinGap, mPoints[mDragged + 1].u - kMinGap);
    mPoints[mDragged] = p;
    update();
    Q_EMIT pointsChanged(mPoints);
}

void ScheduleCurveEditor::mouseReleaseEvent(QMouseEvent*) {
    mDragged = -1;
    update();
}

void ScheduleCurveEditor::mouseDoubleClickEvent(QMouseEvent* event) {
    const dl::BetaControlPoint p = fromWidget(event->position());
    const auto at = std::upper_bound(mPoints.begin(), mPoints.end(), p.u,
                                     [](double u, const dl::BetaControlPoint& q) { return u < q.u; });
    if (at == mPoints.begin() || at == mPoints.end()) return;
    if (p.u - std::prev(at)->u < kMinGap || at->u - p.u < kMinGap) return;
    mPoints.insert(at, p);
    update();
    Q_EMIT pointsChanged(mPoints);
}

}  // namespace dlui
