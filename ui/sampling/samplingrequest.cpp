#include "ui/sampling/samplingrequest.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>
#include <memory>

#include "core/model/modelpredictor.h"
#include "core/sampling/oracledenoiser.h"
#include "core/sampling/steprecord.h"
#include "core/training/trainer.h"
#include "core/training/workerpool.h"
#include "ui/document/labdocument.h"
#include "ui/i18n/coremessages.h"

namespace dlui {

namespace {

// The Sampling panel's translation context, where these strings have always lived.
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(dlui::SamplingPanel)
};

}  // namespace

QString samplerLabel(const dl::SamplerParams& p, int T) {
    const int K = p.steps > 0 ? p.steps : T;
    switch (p.kind) {
        case dl::SamplerKind::DdpmPosterior:
            return Texts::tr("DDPM (σ² = β̃), K = %1").arg(K);
        case dl::SamplerKind::DdpmBeta:
            return Texts::tr("DDPM (σ² = β), K = %1").arg(K);
        case dl::SamplerKind::Ddim:
            return Texts::tr("DDIM η = %1, K = %2").arg(p.eta, 0, 'g', 3).arg(K);
        case dl::SamplerKind::Langevin:
            return Texts::tr("Langevin δ = %1, %2 levels").arg(p.langevinStepSize, 0, 'g', 3).arg(K);
    }
    return {};
}

std::optional<SamplingRequest> makeSamplingRequest(const LabDocument& document,
                                                   const SamplingChoices& choices, QString* error) {
    const auto fail = [error](const QString& message) -> std::optional<SamplingRequest> {
        if (error) *error = message;
        return std::nullopt;
    };
    const auto data = document.dataSet();
    if (!data || data->size() == 0) return fail(Texts::tr("There are no data."));
    SamplingRequest r;
    r.params = choices.params;
    r.count = choices.count;
    r.seed = choices.seed;
    r.dim = data->dim();
    if (choices.ddimTrailRows > 0 && !data->isImage() && data->dim() == 2)
        r.ddimTrailRows = std::min(r.count, choices.ddimTrailRows);
    if (choices.learned) {
        const std::shared_ptr<const dl::TrainingSnapshot> model = document.model();
        if (!model)
            return fail(
                Texts::tr("There is no model yet: train one (or load one), or choose the exact denoiser."));
        if (model->config.dataDim != data->dim())
            return fail(
                Texts::tr("The model works on data of dimension %1, the current data have dimension %2.")
                    .arg(model->config.dataDim)
                    .arg(data->dim()));
        // Its samples are drawn in the data's coordinates: a model of far-off data (moons loaded over points
        // near (500, −300)) had its moons drawn there, cut flat by the data's range.
        if (!document.modelSharesDataCoordinates())
            return fail(
                Texts::tr("The model was trained on other data (%1), in other coordinates: load those "
                          "data to sample from it, or choose the exact denoiser.")
                    .arg(document.describeModelData()));
        // The model's own schedule, from the snapshot: never the editor's.
        r.schedule = dl::Schedule(model->schedule);
        const dl::Schedule schedule = r.schedule;
        // The snapshot is immutable and shared: the worker builds its network from this copy of the weights
        // while training goes on.
        const dl::ProductPrecision precision = choices.precision;
        r.precision = precision;
        if (choices.denoiserCache) {
            r.makeDenoiser = [model, precision, cache = choices.denoiserCache] {
                return cache->get(model, precision);
            };
        } else {
            r.makeDenoiser = [model, schedule, precision] {
                return dl::makeModelDenoiser(model->config, model->parameters, schedule,
                                             dl::defaultThreadCount(), precision);
            };
        }
        r.label = Texts::tr("%1 · learned, step %2")
                      .arg(samplerLabel(r.params, schedule.T()), QLocale().toString(model->step));
    } else {
        r.schedule = document.schedule();
        const dl::Schedule schedule = r.schedule;
        r.makeDenoiser = [data, schedule] { return dl::makeOracleDenoiser(data->points, schedule); };
        r.label = Texts::tr("%1 · exact denoiser").arg(samplerLabel(r.params, schedule.T()));
        r.exactDenoiser = true;
    }
    if (r.params.clipX0 && !data->isImage()) {
        // The data's own range, as the CLI clips (2D data span about ±4 after normalisation: the fixed
        // [−1, 1] clamp would distort them). Images use the default [−1, 1].
        const Eigen::VectorXf lo = data->points.colwise().minCoeff().transpose();
        const Eigen::VectorXf hi = data->points.colwise().maxCoeff().transpose();
        dl::clipX0ToDataRange(r.params, lo, hi);
    }
    if (auto problem = dl::validateSamplerParams(r.params, r.schedule, r.dim))
        return fail(coreMessage(*problem));
    // The point inspector and the step mode show each step of a point: record every step of as many points
    // as fit in dl::kStepRecordBytes (steprecord.h).
    if (!data->isImage() && r.dim == 2) {
        r.params.stepRecordRows =
            dl::leadingRowsWithin(r.count, samplingStepCount(r), r.dim, dl::kStepRecordBytes);
    }
    return r;
}

}  // namespace dlui
