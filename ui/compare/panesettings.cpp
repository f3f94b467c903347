#include "ui/compare/panesettings.h"

#include <QCoreApplication>

#include "core/sampling/oracledenoiser.h"
#include "ui/document/labdocument.h"
#include "ui/i18n/coremessages.h"
#include "ui/sampling/samplingrequest.h"

namespace dlui {
namespace {

// A named translation context, so lupdate files these strings where tr() looks them up.
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(dlui::Comparison)
};

dl::SamplerParams ddpm() {
    dl::SamplerParams p;
    p.kind = dl::SamplerKind::DdpmPosterior;
    return p;
}

}  // namespace

QList<ComparisonPreset> comparisonPresets() {
    return {ComparisonPreset::LinearVsCosine, ComparisonPreset::FewVsManySteps, ComparisonPreset::DdpmVsDdim,
            ComparisonPreset::LearnedVsExact};
}

QString presetName(ComparisonPreset preset) {
    switch (preset) {
        case ComparisonPreset::LinearVsCosine:
            return Texts::tr("Linear vs cosine");
        case ComparisonPreset::FewVsManySteps:
            return Texts::tr("T = 50 vs T = 1000");
        case ComparisonPreset::DdpmVsDdim:
            return Texts::tr("DDPM vs DDIM at K = 10");
        case ComparisonPreset::LearnedVsExact:
            return Texts::tr("Learned vs exact denoiser");
    }
    return {};
}

std::vector<PaneSettings> presetPanes(ComparisonPreset preset, const dl::ScheduleParams& editor,
                                      const std::optional<dl::ScheduleParams>& model) {
    // The editor's T and β range, as a plain (non-custom) schedule.
    dl::ScheduleParams base = editor;
    base.customBetas.clear();
    base.customControlPoints.clear();
    if (base.kind == dl::ScheduleKind::Custom) base.kind = dl::ScheduleKind::Linear;
    PaneSettings a, b;
    a.sampler = b.sampler = ddpm();
    switch (preset) {
        case ComparisonPreset::LinearVsCosine:
            a.schedule = b.schedule = base;
            a.schedule.kind = dl::ScheduleKind::Linear;
            b.schedule.kind = dl::ScheduleKind::Cosine;
            break;
        case ComparisonPreset::FewVsManySteps:
            // The DDPM paper's β range (Ho et al. 2020, §4) over two lengths.
            a.schedule = b.schedule = dl::ScheduleParams{};
            a.schedule.T = 50;
            b.schedule.T = 1000;
            break;
        case ComparisonPreset::DdpmVsDdim:
            a.schedule = b.schedule = model ? *model : base;
            a.learned = b.learned = model.has_value();
            b.sampler.kind = dl::SamplerKind::Ddim;
            b.sampler.eta = 0.0;
            b.sampler.steps = 10;
            break;
        case ComparisonPreset::LearnedVsExact:
            a.schedule = b.schedule = model ? *model : base;
            a.learned = true;
            b.learned = false;
            break;
    }
    return {a, b};
}

QString describePane(const PaneSettings& pane, const std::optional<dl::ScheduleParams>& model) {
    const dl::ScheduleParams& reverse = pane.learned && model ? *model : pane.schedule;
    const QString sampler = samplerLabel(pane.sampler, reverse.T);
    if (!pane.learned)
        return Texts::tr("%1 · %2 · exact denoiser").arg(describeSchedule(pane.schedule), sampler);
    if (!model)
        return Texts::tr("%1 · %2 · learned (no model yet)").arg(describeSchedule(pane.schedule), sampler);
    return Texts::tr("%1 · %2 · learned (its schedule)").arg(describeSchedule(*model), sampler);
}

std::optional<SamplingRequest> makePaneRequest(const LabDocument& document, const PaneSettings& pane,
                                               int count, std::uint64_t seed, QString* error) {
    if (const auto problem = dl::Schedule::validate(pane.schedule)) {
        if (error) *error = coreMessage(*problem);
        return std::nullopt;
    }
    SamplingChoices choices;
    choices.learned = pane.learned;
    choices.params = pane.sampler;
    choices.params.trajectoryStride = 1;  // the pane animates its whole chain
    choices.count = count;
    choices.seed = seed;
    std::optional<SamplingRequest> request;
    if (pane.learned) {
        // The model's own schedule, from its snapshot (makeSamplingRequest never mixes schedules).
        request = makeSamplingRequest(document, choices, error);
    } else {
        // The exact denoiser with the pane's schedule, not the editor's: build the request around it.
        const auto data = document.dataSet();
        if (!data || data->size() == 0) {
            if (error) *error = Texts::tr("There are no data.");
            return std::nullopt;
        }
        request.emplace();
        request->params = choices.params;
        request->count = count;
        request->seed = seed;
        request->dim = data->dim();
        request->schedule = dl::Schedule(pane.schedule);
        const dl::Schedule schedule = request->schedule;
        request->makeDenoiser = [data, schedule] { return dl::makeOracleDenoiser(data->points, schedule); };
        if (request->params.clipX0 && !data->isImage()) {
            const Eigen::VectorXf lo = data->points.colwise().minCoeff().transpose();
            const Eigen::VectorXf hi = data->points.colwise().maxCoeff().transpose();
            dl::clipX0ToDataRange(request->params, lo, hi);
        }
        if (auto problem = dl::validateSamplerParams(request->params, schedule, request->dim)) {
            if (error) *error = coreMessage(*problem);
            return std::nullopt;
        }
    }
    if (request) request->label = samplerLabel(request->params, request->schedule.T());
    return request;
}

}  // namespace dlui
