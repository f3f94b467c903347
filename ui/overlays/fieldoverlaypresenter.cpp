#include "ui/overlays/fieldoverlaypresenter.h"

#include <algorithm>
#include <cmath>

#include "core/training/trainer.h"
#include "ui/document/labdocument.h"
#include "ui/overlays/fieldoverlayrequest.h"

namespace dlui {

FieldOverlayPresenter::FieldOverlayPresenter(LabDocument* document, QObject* parent)
    : QObject(parent), mDocument(document) {
    connect(&mController, &FieldOverlayController::overlayReady, this, [this] {
        // A late result for another t must not replace the note of the frame now shown (t = 0's).
        if (const auto& o = mController.latest(); o && mNote.isEmpty())
            Q_EMIT learnedErrorChanged(o->relativeError, o->t);
        Q_EMIT overlayChanged();
    });
    connect(mDocument, &LabDocument::dataSetChanged, this, [this] {
        mController.clear();
        mRequested.reset();
    });
}

FieldOverlayPresenter::~FieldOverlayPresenter() {
    if (mView && mDecoratorId) mView->removeSceneDecorator(mDecoratorId);
}

void FieldOverlayPresenter::attach(MainView* view) {
    if (mView) return;
    mView = view;
    mDecoratorId = view->addSceneDecorator(
        [this](Scene& scene, const MainView::Frame& frame) { decorate(scene, frame); });
    connect(this, &FieldOverlayPresenter::overlayChanged, view, &MainView::requestRedraw);
    // The field covers the data rectangle on screen, which grows with the view's width (decorate).
    connect(view, &MainView::resized, this, [this] {
        if (mSettings.any()) Q_EMIT overlayChanged();
    });
    connect(view, &QObject::destroyed, this, [this] {
        mView = nullptr;
        mDecoratorId = 0;
    });
}

void FieldOverlayPresenter::setSettings(const FieldOverlaySettings& settings) {
    if (settings == mSettings) return;
    mSettings = settings;
    if (!settings.any()) mController.clear();
    mRequested.reset();
    Q_EMIT overlayChanged();
}

void FieldOverlayPresenter::setNote(const QString& note) {
    if (note == mNote) return;
    mNote = note;
    // Queued: this runs inside the view's rebuild, which should not re-enter widget updates.
    QMetaObject::invokeMethod(
        this, [this, note] { Q_EMIT fieldNoteChanged(note); }, Qt::QueuedConnection);
}

void FieldOverlayPresenter::decorate(Scene& scene, const MainView::Frame& frame) {
    if (!mSettings.any() || !frame.document) {
        setNote({});
        return;
    }
    // Over the whole view: in a wide view (presenter mode) the view bounds' square left the sides bare.
    const QRectF bounds = frame.viewSize.isEmpty()
                              ? scene.viewBounds
                              : sceneDataBounds(scene, QRectF(QPointF(0, 0), frame.viewSize));
    const FieldOverlayPlan plan =
        planFieldOverlay(*mDocument, mSettings, frame.t, frame.mode == Timeline::Mode::Reverse, bounds);
    setNote(plan.note);
    if (!plan.request) return;
    const bool learned = plan.learned;

    Key key;
    key.t = plan.request->t;
    key.bounds = bounds;
    key.data = mDataGeneration.of(plan.request->data);
    key.model = plan.modelGeneration;
    key.modelStep = plan.modelStep;
    key.schedule = plan.request->schedule.params();
    key.settings = mSettings;
    key.learned = learned;
    if (!mRequested || !(*mRequested == key)) {
        // While training, the weights change all the time: refresh the learned field only when the frame
        // changes for another reason or at most every few hundred steps, not on every snapshot.
        const bool onlyWeightsMoved = mRequested && mRequested->learned && learned &&
                                      mRequested->t == key.t && mRequested->bounds == key.bounds &&
                                      mRequested->data == key.data && mRequested->settings == key.settings &&
                                      mRequested->schedule == key.schedule &&
                                      std::abs(mRequested->modelStep - key.modelStep) < 200;
        if (!onlyWeightsMoved) {
            mRequested = key;
            mController.request(*plan.request);
        }
    }

    // Draw what is there; an overlay for another t stays up until the new one arrives (smooth scrubbing),
    // but never one computed for other bounds.
    const auto& overlay = mController.latest();
    if (!overlay || overlay->bounds != bounds) return;
    if (mSettings.density && overlay->density.columns > 0) scene.density = overlay->density;
    if (mSettings.exactArrows && overlay->exact) scene.arrowFields.push_back(*overlay->exact);
    if (learned && overlay->learned) scene.arrowFields.push_back(*overlay->learned);
}

}  // namespace dlui
