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

double boxPad(const QFont& font) {
    return 0.5 * font.pixelSize();
}

double legendLine(const QFontMetricsF& metrics) {
    return metrics.height() * 1.15;
}

double legendSwatch(const QFont& font) {
    return 2.2 * font.pixelSize();
}

// The legend's and narration's box colour: nearly opaque, unlike the caption's box. The arrows run under
// these words, and through the caption's translucency they showed at a quarter of their strength and
// seemed to cross the text.
QColor wordsBoxColor(const QColor& box) {
    QColor c = box;
    c.setAlpha(std::max(box.alpha(), 240));
    return c;
}

}  // namespace

QRectF annotationLegendBox(const QRectF& area, const SceneAnnotations& annotations, const QFont& font) {
    if (annotations.legend.empty()) return {};
    const QFontMetricsF metrics(font);
    const double pad = boxPad(font);
    double width = 0;
    for (const LegendEntry& e : annotations.legend)
        width = std::max(width, metrics.horizontalAdvance(e.text));
    const double boxWidth = legendSwatch(font) + 3 * pad + width;
    return QRectF(area.right() - 2 * pad - boxWidth, area.top() + 2 * pad, boxWidth,
                  legendLine(metrics) * double(annotations.legend.size()) + pad);
}

QRectF annotationNarrationBox(const QRectF& area, const SceneAnnotations& annotations, const QFont& font) {
    if (annotations.narration.isEmpty()) return {};
    const QFontMetricsF metrics(font);
    const double pad = boxPad(font);
    const QRectF avail = area.adjusted(2 * pad, 2 * pad, -2 * pad, -2 * pad);
    QRectF textRect = metrics.boundingRect(avail, Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap,
                                           annotations.narration);
    textRect.moveBottom(avail.bottom());
    return textRect.adjusted(-pad, -pad * 0.6, pad, pad * 0.6);
}

void paintAnnotations(QPainter& painter, const QRectF& target, const QRectF& textArea,
                      const QRectF& dataBounds, const SceneAnnotations& annotations, double scale,
                      const QFont& font, const QColor& text, const QColor& box) {
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
    const double pad = boxPad(font);
    const QColor wordsBox = wordsBoxColor(box);
    if (const QRectF frame = annotationLegendBox(textArea, annotations, font); !frame.isEmpty()) {
        // A swatch and its meaning per line.
        const double swatch = legendSwatch(font), line = legendLine(metrics);
        const double width = frame.width() - swatch - 3 * pad;
        painter.setPen(Qt::NoPen);
        painter.setBrush(wordsBox);
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
    painter.restore();
    paintNarration(painter, textArea, annotations, font, text, box);
}

void paintNarration(QPainter& painter, const QRectF& textArea, const SceneAnnotations& annotations,
                    const QFont& font, const QColor& text, const QColor& box) {
    const QRectF frame = annotationNarrationBox(textArea, annotations, font);
    if (frame.isEmpty()) return;
    const double pad = boxPad(font);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setFont(font);
    painter.setPen(Qt::NoPen);
    painter.setBrush(wordsBoxColor(box));
    painter.drawRoundedRect(frame, pad * 0.6, pad * 0.6);
    painter.setPen(text);
    painter.drawText(frame.adjusted(pad, pad * 0.6, -pad, -pad * 0.6),
                     Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap, annotations.narration);
    painter.restore();
}

}  // namespace dlui
