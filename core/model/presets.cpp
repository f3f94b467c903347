#include "core/model/presets.h"

namespace dl {

MlpConfig defaultMlpConfig() {
    MlpConfig c;
    return c;
}

TrainerConfig defaultTrainerConfig() {
    TrainerConfig c;
    return c;
}

ScheduleParams defaultTrainingSchedule() {
    ScheduleParams p;
    p.kind = ScheduleKind::Linear;
    p.T = 100;
    p.betaStart = 1e-3;
    p.betaEnd = 0.2;
    return p;
}

MlpConfig tinyDiffusionMlpConfig() {
    MlpConfig c;
    c.dataDim = 2;
    c.inputFeatures = 128;
    c.featureScale = 25.0f;
    c.timeEmbedding = 128;
    c.hidden = 128;
    c.layers = 3;
    c.residual = true;
    c.activation = Activation::Gelu;
    return c;
}

MlpConfig imageBenchMlpConfig() {
    MlpConfig c = tinyDiffusionMlpConfig();
    c.dataDim = 256;
    c.inputFeatures = 0;
    c.hidden = 512;
    return c;
}

}  // namespace dl
