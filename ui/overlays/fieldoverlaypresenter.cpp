#include "ui/overlays/fieldoverlaypresenter.h"

#include <algorithm>
#include <cmath>

#include "core/model/modelpredictor.h"
#include "core/training/trainer.h"
#include "ui/document/labdocument.h"

namespace dlui {

FieldOverlayPresenter::FieldOverlayPresenter(LabDocument* document, QObject* parent)
    : QObject(parent), mDocument(document) {
    connect(&mController, &FieldOverlayController::overlayReady, this, [this] {
        if (const auto& o = mController.latest()) Q_EMIT learnedErrorChanged(o->relativeError, o->t);
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

void FieldOverlayPresenter::decorate(Scene& scene, const MainView::Frame& frame) {
    if (!mSettings.any() || !frame.document) return;
    const auto data = mDocument->dataSet();
    if (!data || data->isImage() || data->dim() != 2) return;
    const bool reverse = frame.mode == Timeline::Mode::Reverse;
    const auto model = mDocument->model();
    const std::optional<dl::Schedule>& modelSchedule = mDocument->modelSchedule();
    // The schedule of what the view shows: the editor's going forward; in reverse the samples' (the model's
    // when a model exists and the samples came from it — the reverse chain never mixes schedules).
    dl::Schedule schedule = mDocument->schedule();
    if (reverse && modelSchedule && mDocument->trajectory() &&
        mDocument->trajectory()->timesteps.size() > 0 &&
        mDocument->trajectory()->timesteps.front() == modelSchedule->T())
        schedule = *modelSchedule;
    const int t = std::clamp(frame.t, 0, schedule.T());

    QString note;
    bool learned = false;
    if (mSettings.learnedArrows) {
        if (!model)
            note = tr("No model yet: train one to see the learned field.");
        else if (!(dl::Schedule(model->schedule).params() == schedule.params()))
            note =
                tr("Learned field hidden: the view uses another schedule than the model was trained with.");
        else if (model->config.dataDim != 2)
            note = tr("Learned field hidden: the model was trained on other data.");
        else
            learned = true;
    }
    if (note != mLearnedNote) {
        mLearnedNote = note;
        // Queued: this runs inside the view's rebuild, which should not re-enter widget updates.
        QMetaObject::invokeMethod(
            this, [this, note] { Q_EMIT learnedNoteChanged(note); }, Qt::QueuedConnection);
    }

    Key key;
    key.t = t;
    key.bounds = scene.viewBounds;
    key.data = mDataGeneration.of(data);
    key.model = learned ? mDocument->modelGeneration() : 0;
    key.modelStep = learned ? model->step : -1;
    key.schedule = schedule.params();
    key.settings = mSettings;
    key.learned = learned;
    if (!mRequested || !(*mRequested == key)) {
        // While training, the weights change all the time: refresh the learned field only when the frame
        // changes for another reason or at most every few hundred steps, not on every snapshot.
        const bool onlyWeightsMoved = mRequested && mRequested->learned && learned && mRequested->t == t &&
                                      mRequested->bounds == key.bounds && mRequested->data == key.data &&
                                      mRequested->settings == key.settings &&
                                      mRequested->schedule == key.schedule &&
                                      std::abs(mRequested->modelStep - key.modelStep) < 200;
        if (!onlyWeightsMoved && key.bounds.isValid()) {
            mRequested = key;
            FieldOverlayRequest request;
            request.t = t;
            request.schedule = schedule;
            request.bounds = scene.viewBounds;
            request.settings = mSettings;
            request.settings.learnedArrows = learned;
            request.data = data;
            if (learned) {
                const dl::Schedule s = schedule;
                request.makeLearned = [model, s] {
                    return dl::makeModelPredictor(model->config, model->parameters, s);
                };
                request.learnedGeneration = key.model;
            }
            mController.request(std::move(request));
        }
    }

    // Draw what is there; an overlay for another t stays up until the new one arrives (smooth scrubbing),
    // but never one computed for other bounds.
    const auto& overlay = mController.latest();
    if (!overlay || overlay->bounds != scene.viewBounds) return;
    if (mSettings.density && overlay->density.columns > 0) scene.density = overlay->density;
    if (mSettings.exactArrows && overlay->exact) scene.arrowFields.push_back(*overlay->exact);
    if (learned && overlay->learned) scene.arrowFields.push_back(*overlay->learned);
}

}  // namespace dlui
