#include "ui/explain/pointinspector.h"

#include <QMouseEvent>
#include <cmath>
#include <limits>

#include "ui/document/labdocument.h"
#include "ui/render/scene.h"
#include "ui/view/mainview.h"

namespace dlui {

PointInspector::PointInspector(MainView* view, LabDocument* document, Timeline* timeline, QObject* parent)
    : QObject(parent), mView(view), mDocument(document), mTimeline(timeline) {
    setObjectName(QStringLiteral("pointInspector"));
    view->installEventFilter(this);
    // Another data set: the row may no longer exist or mean the same point.
    connect(document, &LabDocument::dataSetChanged, this, [this] { setPoint(-1); });
}

void PointInspector::setPoint(int row) {
    if (row == mPoint) return;
    mPoint = row;
    Q_EMIT pointChanged(row);
}

QPointF PointInspector::pointPosition(int row) const {
    const Scene& scene = mView->scene();
    const QRectF b = sceneDataBounds(scene, QRectF(mView->rect()));
    if (row < 0 || row >= scene.points.rows() || b.width() <= 0 || b.height() <= 0) return {};
    // The inverse of MainView's own mouse mapping: y grows upwards in data coordinates.
    return {(scene.points(row, 0) - b.left()) / b.width() * mView->width(),
            (b.bottom() - scene.points(row, 1)) / b.height() * mView->height()};
}

int PointInspector::pointAt(const QPointF& pos) const {
    const Scene& scene = mView->scene();
    if (scene.points.cols() != 2) return -1;
    int best = -1;
    double bestDistance = kPickRadius * kPickRadius;
    for (int i = 0; i < scene.points.rows(); ++i) {
        const QPointF d = pointPosition(i) - pos;
        const double squared = d.x() * d.x() + d.y() * d.y();
        if (squared <= bestDistance) {
            bestDistance = squared;
            best = i;
        }
    }
    return best;
}

bool PointInspector::eventFilter(QObject* watched, QEvent* event) {
    // Only a press on the view asks the timeline anything: while the window is torn down the view still
    // sends events here after the timeline is gone.
    if (watched != mView || event->type() != QEvent::MouseButtonPress)
        return QObject::eventFilter(watched, event);
    // Forward view: the fixed noise draw (not the Markov chain); reverse view: the sampled points.
    const bool reverse = mTimeline->mode() == Timeline::Mode::Reverse;
    if (!mView->isDrawingEnabled() && (reverse || !mTimeline->markovChain())) {
        auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() == Qt::LeftButton) {
            mView->rebuildNow();  // pick among the points as they are at this t
            setPoint(pointAt(mouse->position()));
        }
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace dlui
