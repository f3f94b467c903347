#include "ui/overlays/fieldoverlayrequest.h"

#include <QCoreApplication>
#include <algorithm>

#include "core/model/modelpredictor.h"
#include "core/training/trainer.h"
#include "ui/document/labdocument.h"

namespace dlui {

namespace {

// The presenter's translation context, where these strings have always lived.
// A named translation context, so lupdate files these strings where tr() looks them up.
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(dlui::FieldOverlayPresenter)
};

}  // namespace

FieldOverlayPlan planFieldOverlay(const LabDocument& document, const FieldOverlaySettings& settings, int t,
                                  bool reverse, const QRectF& bounds) {
    FieldOverlayPlan plan;
    const auto data = document.dataSet();
    if (!settings.any() || !data || data->isImage() || data->dim() != 2) return plan;
    const auto model = document.model();
    const std::optional<dl::Schedule>& modelSchedule = document.modelSchedule();
    // The schedule of what the view shows: the editor's going forward; in reverse the samples' (the model's
    // when a model exists and the samples came from it — the reverse chain never mixes schedules).
    dl::Schedule schedule = document.schedule();
    const auto trajectory = document.trajectory();
    if (reverse && trajectory && document.samplesSchedule())
        schedule = *document.samplesSchedule();
    else if (reverse && modelSchedule && trajectory && !trajectory->timesteps.empty() &&
             trajectory->timesteps.front() == modelSchedule->T())
        schedule = *modelSchedule;

    if (settings.learnedArrows) {
        if (!model)
            plan.note = Texts::tr("No model yet: train one to see the learned field.");
        else if (!(dl::Schedule(model->schedule).params() == schedule.params()))
            plan.note = Texts::tr(
                "Learned field hidden: the view uses another schedule than the model was trained with.");
        else if (model->config.dataDim != 2)
            plan.note = Texts::tr("Learned field hidden: the model was trained on other data.");
        else
            plan.learned = true;
    }
    // The overlay job draws nothing at t = 0 (fieldoverlay.cpp), so this reason comes before the others:
    // without a word, a view with every overlay ticked and none drawn looks broken.
    if (std::clamp(t, 0, schedule.T()) == 0)
        plan.note =
            Texts::tr("At t = 0 there is no noise yet, so there is no field to draw: move t to 1 or more.");
    if (!bounds.isValid()) return plan;

    FieldOverlayRequest request;
    request.t = std::clamp(t, 0, schedule.T());
    request.schedule = schedule;
    request.bounds = bounds;
    request.settings = settings;
    request.settings.learnedArrows = plan.learned;
    request.data = data;
    if (plan.learned) {
        plan.modelGeneration = document.modelGeneration();
        plan.modelStep = model->step;
        // The snapshot is immutable and shared: the job builds its network from this copy of the weights.
        request.makeLearned = [model, schedule] {
            return dl::makeModelPredictor(model->config, model->parameters, schedule);
        };
        request.learnedGeneration = plan.modelGeneration;
    }
    plan.request = std::move(request);
    return plan;
}

}  // namespace dlui
