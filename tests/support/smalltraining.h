// Training settings for tests that run the trainer through the window or its controller: a network small
// enough (16 input and time features, one 32-wide block, batch 64, one thread) that a few hundred steps take
// well under a second. Each test sets what it needs beyond that (quality checks, seed).
//
//   dlui::TrainingSettings s = dltest::smallTraining(200);
//   s.qualitySamples = 200;
#pragma once

#include "ui/training/trainingcontroller.h"

namespace dltest {

inline dlui::TrainingSettings smallTraining(int steps) {
    dlui::TrainingSettings s = dlui::TrainingSettings::defaults();
    s.model.inputFeatures = 16;
    s.model.timeEmbedding = 16;
    s.model.hidden = 32;
    s.model.layers = 1;
    s.trainer.steps = steps;
    s.trainer.batchSize = 64;
    s.trainer.warmupSteps = 10;
    s.trainer.threads = 1;
    return s;
}

}  // namespace dltest
