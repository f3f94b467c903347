#include "ui/training/trainingpresets.h"

#include <QCoreApplication>

#include "core/training/presets.h"

namespace dlui {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("dlui::TrainingPreset", text);
}

}  // namespace

QString TrainingPreset::label() const {
    return tr("%1 (≈ %2 s)").arg(name).arg(expectedSeconds);
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
        {tr("Default"), tr("Fast; enough for the built-in shapes"), dl::kDefaultPresetSeconds,
         dl::defaultMlpConfig(), dl::defaultTrainerConfig()},
        {tr("Detailed shape"),
         tr("For photos and images as 2D shapes: a wider network (256) and 20,000 steps keep sharp edges "
            "that the default blurs"),
         dl::kDetailedShapeSeconds, dl::detailedShapeMlpConfig(), dl::detailedShapeTrainerConfig()},
    };
}

}  // namespace dlui
