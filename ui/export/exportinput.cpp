#include "ui/export/exportinput.h"

#include <utility>

namespace dlui {

ExportInput makeExportInput(const LabDocument& document, dl::EpsilonPredictor denoiser) {
    ExportInput in;
    if (const auto data = document.dataSet()) in.data = *data;
    in.schedule = document.schedule();
    if (const auto noise = document.forwardNoise()) in.forwardNoise = *noise;
    if (const auto trajectory = document.trajectory(); trajectory && !trajectory->empty()) {
        in.reverse = *trajectory;
        // The reverse chain was sampled with the model's schedule, whatever the editor shows now.
        if (document.modelSchedule()) in.reverseSchedule = *document.modelSchedule();
    }
    in.denoiser = std::move(denoiser);
    return in;
}

}  // namespace dlui
