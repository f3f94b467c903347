// The point inspector: a left click on the main view (2D points, not drawing) picks the nearest point
// within a few pixels, and the Explain dock fills its equations in with that point's own vectors
// (normalised coordinates, the space the model works in): x_0, ε and x_t in the forward view; x_t, ε̂, x̂_0,
// μ, σ_t z and x_{t−1} of the step shown in the reverse view. A click away from every point clears the
// choice. Works through an event filter, so the view itself is unchanged.
//
//   auto* inspector = new dlui::PointInspector(window->mainView(), window->document(), window->timeline());
//   connect(inspector, &dlui::PointInspector::pointChanged, panel, &dlui::ExplainPanel::refresh);
#pragma once

#include <QObject>
#include <QPointF>

namespace dlui {

class LabDocument;
class MainView;
class Timeline;

class PointInspector : public QObject {
    Q_OBJECT
public:
    /// Pixels within which a click picks a point.
    static constexpr double kPickRadius = 8.0;

    PointInspector(MainView* view, LabDocument* document, Timeline* timeline, QObject* parent = nullptr);

    /// The row of the chosen point in the data set, or −1.
    int point() const { return mPoint; }
    void setPoint(int row);
    /// The row of the point drawn nearest to pos (widget pixels) within kPickRadius, or −1.
    int pointAt(const QPointF& pos) const;
    /// Where point `row` is drawn now (widget pixels).
    QPointF pointPosition(int row) const;

Q_SIGNALS:
    /// A point was picked or the choice cleared (−1).
    void pointChanged(int row);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    MainView* mView;
    LabDocument* mDocument;
    Timeline* mTimeline;
    int mPoint = -1;
};

}  // namespace dlui
