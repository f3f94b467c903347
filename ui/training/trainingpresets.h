// The presets of the Model & Train panel for 2D point data, each with the time it is expected to take:
// the default (fast, good for the built-in shapes) and "detailed shape" (photos and images as 2D shapes,
// whose sharp edges need a wider network and more steps; core/training/presets.h).
//
//   for (const dlui::TrainingPreset& p : dlui::pointTrainingPresets()) combo->addItem(p.label());
//   settings = dlui::pointTrainingPresets()[1].appliedTo(settings);
#pragma once

#include <QString>
#include <vector>

#include "ui/training/trainingcontroller.h"

namespace dlui {

struct TrainingPreset {
    QString name;         ///< "Detailed shape"
    QString description;  ///< what it is for (tooltip)
    int expectedSeconds;  ///< wall time on two free cores
    dl::MlpConfig model;
    dl::TrainerConfig trainer;

    /// "Detailed shape (≈ 30 s)"
    QString label() const;
    /// `settings` with this preset's network and optimiser values (threads, seed and quality kept).
    TrainingSettings appliedTo(TrainingSettings settings) const;
};

std::vector<TrainingPreset> pointTrainingPresets();

}  // namespace dlui
