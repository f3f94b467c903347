#include "ui/render/sceneannotations.h"

#include <QFont>
#include <QFontMetricsF>
#include <QLineF>
#include <QPainter>
#include <algorithm>

namespace dlui {

namespace {

/// Data → pixel, y up in data, down on screen (as the scene renderer maps).
struct Mapping {
    QRectF data, target;
    QPointF operator()(const QPointF& p) const {
        return {target.left() + (p.x() - data.left()) / data.width() * target.width(),
                target.bottom() - (p.y() - data.top()) / data.height() * target.height()};
    }
};

void paintArrow(QPainter& painter, const QPointF& a, const QPointF& b, const AnnotationArrow& arrow,
                double scale) {
    const QLineF shaft(a, b);
    const double length = shaft.length();
    if (!(length >= 0.75)) return;  // also drops NaN
    QPen pen(arrow.color, 2.0 * scale, arrow.dashed ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap,
             Qt::RoundJoin);
    painter.setPen(pen);
    painter.drawLine(shaft);
    const double head = std::min(0.4 * length, 9.0 * scale);
    const QPointF back = (a - b) / length * head;
    const QPointF side(-back.y() * 0.45, back.x() * 0.45);
    painter.setPen(Qt::NoPen);
    painter.setBrush(arrow.color);
    painter.drawPolygon(QPolygonF({b, b + back + side, b + back - side}));
}

}  // namespace

void paintAnnotations(QPainter& painter, const QRectF& target, const QRectF& dataBounds,
                      const SceneAnnotations& annotations, double scale, const QFont& font,
                      const QColor& text, const QColor& box) {
    if (annotations.empty() || dataBounds.width() <= 0 || dataBounds.height() <= 0) return;
    const Mapping map{dataBounds, target};
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const AnnotationPath& path : annotations.paths) {
        QPolygonF pixels;
        for (const QPointF& p : path.points) pixels.append(map(p));
        painter.setPen(QPen(path.color, 1.8 * scale, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        painter.drawPolyline(pixels);
    }
    for (const AnnotationArrow& arrow : annotations.arrows)
        paintArrow(painter, map(arrow.from), map(arrow.to), arrow, scale);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(annotations.ringColor, 2.0 * scale));
    for (const QPointF& p : annotations.rings) painter.drawEllipse(map(p), 7.0 * scale, 7.0 * scale);

    painter.setFont(font);
    const QFontMetricsF metrics(font);
    const double pad = 0.5 * font.pixelSize();
    if (!annotations.legend.empty()) {
        // Top right: a swatch and its meaning per line.
        double width = 0;
        for (const LegendEntry& e : annotations.legend)
            width = std::max(width, metrics.horizontalAdvance(e.text));
        const double swatch = 2.2 * font.pixelSize(), line = metrics.height() * 1.15;
        const QRectF frame(target.right() - 2 * pad - swatch - pad - width - pad, target.top() + 2 * pad,
                           swatch + 3 * pad + width, line * double(annotations.legend.size()) + pad);
        painter.setPen(Qt::NoPen);
        painter.setBrush(box);
        painter.drawRoundedRect(frame, pad * 0.6, pad * 0.6);
        double y = frame.top() + 0.5 * pad;
        for (const LegendEntry& e : annotations.legend) {
            const double mid = y + line / 2;
            AnnotationArrow sample{{}, {}, e.color};
            paintArrow(painter, QPointF(frame.left() + pad, mid), QPointF(frame.left() + pad + swatch, mid),
                       sample, scale);
            painter.setPen(text);
            painter.drawText(QRectF(frame.left() + 2 * pad + swatch, y, width + pad, line),
                             Qt::AlignLeft | Qt::AlignVCenter, e.text);
            y += line;
        }
    }
    if (!annotations.narration.isEmpty()) {
        const QRectF avail = target.adjusted(2 * pad, 2 * pad, -2 * pad, -2 * pad);
        QRectF textRect = metrics.boundingRect(avail, Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap,
                                               annotations.narration);
        textRect.moveBottom(avail.bottom());
        painter.setPen(Qt::NoPen);
        painter.setBrush(box);
        painter.drawRoundedRect(textRect.adjusted(-pad, -pad * 0.6, pad, pad * 0.6), pad * 0.6, pad * 0.6);
        painter.setPen(text);
        painter.drawText(textRect, Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap,
                         annotations.narration);
    }
    painter.restore();
}

}  // namespace dlui
