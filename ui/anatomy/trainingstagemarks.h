// What a narrated training step draws for each of its five stages (core/training/trainer.h,
// TrainingStage), and its one line of narration, built without widgets from the trainer's stage view:
//   1 draw a batch x_0 and t       the batch ringed
//   2 draw ε                       arrows x_0 → x_0 + ε
//   3 form x_t                     arrows x_0 → x_t, x_t ringed
//   4 predict                      at x_t: the target (ε) and the network's prediction as arrows
//   5 loss and update              the same, with the loss and the learning rate in the narration
// Images show the batch's images at each stage instead (trainingStageImages).
// At most kMaxMarkedRows rows of the batch are drawn, so a large batch stays readable.
//
//   dlui::SceneAnnotations marks = dlui::trainingStageMarks(view, data->norm, schedule.T(), target);
#pragma once

#include <QString>

#include "core/data/dataset.h"
#include "core/model/prediction.h"
#include "core/training/trainer.h"
#include "ui/render/sceneannotations.h"

namespace dlui {

constexpr int kMaxMarkedRows = 64;

/// The marks and narration of the stage the view was taken after. With the run's optimiser settings, the
/// update's narration says where its learning rate stands (warming up to the peak, or decaying from it).
SceneAnnotations trainingStageMarks(const dl::TrainingStageView& view, const dl::Normalisation& norm, int T,
                                    dl::PredictionTarget target,
                                    const dl::TrainerConfig* optimiser = nullptr);

/// The narration line alone.
QString trainingStageNarration(const dl::TrainingStageView& view, int T, dl::PredictionTarget target,
                               const dl::TrainerConfig* optimiser = nullptr);

/// Images have no rings or arrows: the view shows the batch itself instead of the data, as the stage
/// leaves it (x₀, then ε, then x_t, then the network's prediction), with a caption that names it.
struct TrainingStageImages {
    const dl::Batch* images = nullptr;  ///< into the view; null before the first stage
    QString caption;
};
TrainingStageImages trainingStageImages(const dl::TrainingStageView& view, dl::PredictionTarget target);

}  // namespace dlui
