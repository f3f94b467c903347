#include "core/training/presets.h"

namespace dl {

MlpConfig defaultMlpConfig() {
    // The tiny-diffusion network: measured against smaller ones, its 128 Fourier features per
    // coordinate are what lets thin shapes (moons, spiral arms) come out sharp.
    return tinyDiffusionMlpConfig();
}

MlpConfig defaultImageMlpConfig(int dataDim) {
    MlpConfig c = tinyDiffusionMlpConfig();
    c.dataDim = dataDim;
    c.inputFeatures = 0;
    c.hidden = 512;
    return c;
}

TrainerConfig defaultTrainerConfig() {
    // 5000 steps of batch 128 (640k samples): SWD within 0.8–1.7× of the floor on all six built-in
    // shapes in the measurements of docs/performance.md, in about 4.5 s of one core. Batch 128 keeps
    // the matrix products efficient and splits well across 2 threads; the EMA (0.999, with warm-up)
    // matters more than anything else for sample quality (raw weights score 1.3–2× worse).
    TrainerConfig c;
    c.batchSize = 128;
    c.steps = 5000;
    c.learningRate = 2e-3f;
    c.warmupSteps = 100;
    c.minLearningRate = 0.1f;
    c.weightDecay = 0.0f;
    c.gradClip = 1.0f;
    c.emaDecay = 0.999f;
    return c;
}

ScheduleParams defaultTrainingSchedule() {
    // Linear β from 0.001 to 0.133 over T = 150: Σβ ≈ 10, so ᾱ_T ≈ 4e-5 and x_T is pure noise, where
    // sampling starts. Against T = 100 (β up to 0.2) the finer steps halve the samples that land
    // between the arms of a spiral or swiss roll (docs/performance.md); the whole reverse chain for
    // 2000 points still takes well under a second.
    ScheduleParams p;
    p.kind = ScheduleKind::Linear;
    p.T = 150;
    p.betaStart = 1e-3;
    p.betaEnd = 0.133;
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

MlpConfig imageBenchMlpConfig() { return defaultImageMlpConfig(256); }

}  // namespace dl
