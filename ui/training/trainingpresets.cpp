#include "ui/training/trainingpresets.h"

#include <QCoreApplication>

#include "core/training/presets.h"

namespace dlui {

namespace {

// A named translation context, so lupdate files these strings where tr() looks them up.
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(dlui::TrainingPreset)
};

}  // namespace

QString TrainingPreset::label() const {
    return Texts::tr("%1 (≈ %2 s)").arg(name).arg(expectedSeconds);
}

TrainingSettings TrainingPreset::appliedTo(TrainingSettings s) const {
    s.model.hidden = model.hidden;
    s.model.layers = model.layers;
    s.model.inputFeatures = model.inputFeatures;
    s.model.featureScale = model.featureScale;
    s.model.timeEmbedding = model.timeEmbedding;
    s.trainer.steps = trainer.steps;
    s.trainer.batchSize = trainer.batchSize;
    s.trainer.learningRate = trainer.learningRate;
    s.trainer.warmupSteps = trainer.warmupSteps;
    return s;
}

std::vector<TrainingPreset> pointTrainingPresets() {
    return {
        {Texts::tr("Default"), Texts::tr("Fast; enough for the built-in shapes"), dl::kDefaultPresetSeconds,
         dl::defaultMlpConfig(), dl::defaultTrainerConfig()},
        {Texts::tr("Detailed shape"),
         Texts::tr(
             "For photos and images as 2D shapes: a wider network (256) and 20,000 steps keep sharp edges "
             "that the default blurs"),
         dl::kDetailedShapeSeconds, dl::detailedShapeMlpConfig(), dl::detailedShapeTrainerConfig()},
    };
}

}  // namespace dlui
