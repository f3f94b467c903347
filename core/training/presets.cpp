#include "core/training/presets.h"

namespace dl {

MlpConfig defaultMlpConfig() {
    // The tiny-diffusion network: measured against smaller ones, its 128 Fourier features per
    // coordinate are what lets thin shapes (moons, spiral arms) come out sharp.
    return tinyDiffusionMlpConfig();
}

namespace {
// Up to this many values (8×8 gray) an image counts as small.
constexpr int kSmallImage = 64;
}  // namespace

MlpConfig defaultImageMlpConfig(int dataDim) {
    MlpConfig c = tinyDiffusionMlpConfig();
    c.dataDim = dataDim;
    c.inputFeatures = 0;
    // A 512-wide network is more than 8×8 needs; at 16×16 the cost of a step is dominated by the
    // H×H blocks, so the width is what keeps 5000 steps within the time budget.
    c.hidden = dataDim <= kSmallImage ? 256 : 384;
    return c;
}

TrainerConfig defaultImageTrainerConfig(int dataDim) {
    TrainerConfig c = defaultTrainerConfig();
    c.batchSize = dataDim <= kSmallImage ? 128 : 64;
    c.learningRate = 1e-3f;
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

MlpConfig detailedShapeMlpConfig() {
    MlpConfig c = defaultMlpConfig();
    c.hidden = 256;
    return c;
}

TrainerConfig detailedShapeTrainerConfig() {
    TrainerConfig c = defaultTrainerConfig();
    c.steps = 20000;
    c.learningRate = 1e-3f;
    c.warmupSteps = 400;
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

MlpConfig imageBenchMlpConfig() {
    // The bench keeps the 512-wide 16×16 network, so its figures stay comparable across versions.
    MlpConfig c = defaultImageMlpConfig(256);
    c.hidden = 512;
    return c;
}

}  // namespace dl
