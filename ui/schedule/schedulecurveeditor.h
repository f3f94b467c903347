// A hand-drawn β curve: control points (u ∈ [0, 1] along t = 1..T, β on a log axis) that a person drags
// with the mouse. Double-click adds a point, right-click removes one (at least two stay; the first and
// last stay at u = 0 and u = 1). The custom schedule kind interpolates them (ScheduleParams::
// customControlPoints). Emits pointsChanged while dragging, so the plots follow the mouse.
//
//   auto* editor = new dlui::ScheduleCurveEditor;
//   editor->setPoints({{0.0, 1e-3}, {0.5, 0.01}, {1.0, 0.2}});
//   connect(editor, &dlui::ScheduleCurveEditor::pointsChanged, panel, &SchedulePanel::applyCustomPoints);
#pragma once

#include <QWidget>
#include <vector>

#include "core/math/schedule.h"

namespace dlui {

class ScheduleCurveEditor : public QWidget {
    Q_OBJECT
public:
    /// β range of the vertical (log) axis.
    static constexpr double kMinBeta = 1e-5;
    static constexpr double kMaxBeta = 0.999;

    explicit ScheduleCurveEditor(QWidget* parent = nullptr);

    const std::vector<dl::BetaControlPoint>& points() const { return mPoints; }
    /// Replaces the points (no signal).
    void setPoints(std::vector<dl::BetaControlPoint> points);

    /// Widget position of a control point / the control point at a widget position (tests, mouse).
    QPointF toWidget(const dl::BetaControlPoint& point) const;
    dl::BetaControlPoint fromWidget(const QPointF& pos) const;

    QSize sizeHint() const override { return {240, 120}; }

Q_SIGNALS:
    /// The person moved, added or removed a point.
    void pointsChanged(const std::vector<dl::BetaControlPoint>& points);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    QRectF plotRect() const;
    /// Where a control point goes in the plot rectangle r: toWidget with r worked out once, for painting
    /// (plotRect measures the labels' font).
    static QPointF toPlot(const QRectF& r, const dl::BetaControlPoint& point);
    /// "10⁻³" for exponent −3 (the axis's labels).
    static QString decadeLabel(int exponent);
    int pointAt(const QPointF& pos) const;

    std::vector<dl::BetaControlPoint> mPoints;
    int mDragged = -1;
};

}  // namespace dlui
