#include "ui/export/exportinput.h"

#include <utility>

#include "core/model/modelpredictor.h"
#include "core/sampling/oracledenoiser.h"
#include "core/training/trainer.h"

namespace dlui {

ExportInput makeExportInput(const LabDocument& document, dl::EpsilonPredictor denoiser) {
    ExportInput in;
    if (const auto data = document.dataSet()) in.data = *data;
    in.schedule = document.schedule();
    if (const auto noise = document.forwardNoise()) in.forwardNoise = *noise;
    if (const auto trajectory = document.trajectory(); trajectory && !trajectory->empty()) {
        in.reverse = *trajectory;
        // The schedule the chain was sampled with, whatever the editor shows now.
        in.reverseSchedule = document.reverseSchedule();
    }
    in.denoiser = std::move(denoiser);
    return in;
}

dl::EpsilonPredictor makeExportArrowDenoiser(const LabDocument& document, bool learned) {
    const auto data = document.dataSet();
    if (!data || data->isImage() || data->dim() != 2) return {};
    const dl::Schedule& schedule = document.schedule();
    const std::optional<dl::Schedule>& modelSchedule = document.modelSchedule();
    const bool sameSchedule = modelSchedule && modelSchedule->params() == schedule.params();
    const auto trajectory = document.trajectory();
    if (modelSchedule && !sameSchedule && trajectory && !trajectory->empty()) return {};
    if (!learned) return dl::makeOracleDenoiser(data->points, schedule);
    const auto model = document.model();
    if (!model || !sameSchedule || model->config.dataDim != 2) return {};
    // The snapshot's weights (the EMA the window samples with), copied into the predictor's own network.
    return dl::makeModelPredictor(model->config, model->parameters, schedule);
}

}  // namespace dlui
