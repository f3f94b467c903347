// diffusion-lab-cli train: trains the denoiser on a data set and writes a model file.
// Progress goes to stderr; the last lines on stdout are machine-readable key=value pairs, ending with
// train_steps_per_s=… and final_loss=….
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <numeric>

#include "commands.h"
#include "core/data/datalimits.h"
#include "core/data/heldout.h"
#include "core/math/error.h"
#include "core/math/format.h"
#include "core/model/modelfile.h"
#include "core/model/safetensors.h"
#include "core/training/modelquality.h"
#include "core/training/presets.h"
#include "core/training/trainer.h"
#include "core/training/workerpool.h"
#include "datasourceflags.h"
#include "outputpath.h"
#include "qualityoutput.h"
#include "scheduleflags.h"

namespace dlcli {

int runTrain(const CommandArgs& args) {
    const dl::MlpConfig mlpDefaults = dl::defaultMlpConfig();
    const dl::TrainerConfig trainDefaults = dl::defaultTrainerConfig();
    const dl::ScheduleParams scheduleDefaults = dl::defaultTrainingSchedule();
    OptionSpec spec(
        "train",
        "Train the denoising MLP on a data set and save the model. Defaults are the shared default preset:\n"
        "schedule " +
            std::string(dl::scheduleKindName(scheduleDefaults.kind)) + " T=" +
            std::to_string(scheduleDefaults.T) + ", beta " + dl::formatNumber(scheduleDefaults.betaStart) +
            ".." + dl::formatNumber(scheduleDefaults.betaEnd) + " (reaches pure noise), network " +
            dl::describeMlpConfig(mlpDefaults) + ",\n" + std::to_string(trainDefaults.steps) +
            " steps of batch " + std::to_string(trainDefaults.batchSize) + ", AdamW lr " +
            dl::formatNumber(trainDefaults.learningRate) + " with " +
            std::to_string(trainDefaults.warmupSteps) + " warm-up steps and cosine decay, EMA " +
            dl::formatNumber(trainDefaults.emaDecay) +
            ".\nImage data default to raw pixels in (--input-features 0), --hidden 256 up to 8x8 gray and "
            "384 above,\n"
            "batch 128 and 64 respectively, lr 0.001.\nProgress goes to stderr; stdout ends with "
            "train_steps_per_s=... and final_loss=... (mean loss of the\n"
            "last 100 steps).");
    addDataSourceOptions(spec);
    addScheduleOptions(spec);
    spec.value("points", "N", "number of points to generate (same as --n)")
        .value("steps", "N", "optimisation steps (default " + std::to_string(trainDefaults.steps) + ")")
        .value("batch", "B", "batch size (default " + std::to_string(trainDefaults.batchSize) + ")")
        .value("hidden", "H", "hidden width (default " + std::to_string(mlpDefaults.hidden) + ")")
        .value("layers", "L",
               "residual blocks after the input layer (default " + std::to_string(mlpDefaults.layers) + ")")
        .value("input-features", "F",
               "sinusoidal features per coordinate, even; 0 feeds raw coordinates (default " +
                   std::to_string(mlpDefaults.inputFeatures) + ")")
        .value("feature-scale", "S",
               "coordinate scale inside the sinusoids (default " +
                   dl::formatNumber(mlpDefaults.featureScale) + ")")
        .value("time-embedding", "E",
               "sinusoidal features of t, even (default " + std::to_string(mlpDefaults.timeEmbedding) + ")")
        .value("activation", "NAME", "gelu (tanh approximation), silu or relu (default gelu)")
        .flag("no-residual", "plain blocks act(W h + b) instead of h + act(W h + b)")
        .value("prediction", "TARGET", "what the network predicts: eps, x0 or v (default eps)")
        .value("lr", "LR",
               "peak learning rate (default " + dl::formatNumber(trainDefaults.learningRate) + ")")
        .value("warmup", "N",
               "linear warm-up steps (default " + std::to_string(trainDefaults.warmupSteps) + ")")
        .value("min-lr", "FRACTION",
               "cosine decay ends at this fraction of the peak (default " +
                   dl::formatNumber(trainDefaults.minLearningRate) + ")")
        .value("weight-decay", "W",
               "AdamW weight decay (default " + dl::formatNumber(trainDefaults.weightDecay) + ")")
        .value("grad-clip", "G",
               "maximum gradient norm, 0 = off (default " + dl::formatNumber(trainDefaults.gradClip) + ")")
        .value("ema", "DECAY",
               "EMA decay of the weights used for sampling, in [0, 1) (default " +
                   dl::formatNumber(trainDefaults.emaDecay) + ")")
        .value("threads", "K", "data-parallel threads per step (default: all cores)")
        .value(
            "quality-samples", "N",
            "after training, sample N points (at most 4000) and report sliced Wasserstein and MMD against\n"
            "data the model never saw, next to the floor of an independent draw of them: a fresh draw of\n"
            "a built-in data set, or rows of finite data (CSV, text, image) held out of training at\n"
            "random (20%, at most 6000). Default 2000 for 2D data, 0 = skip (and train on every row)")
        .value("export-safetensors", "FILE",
               "also write the EMA weights in the safetensors format (tensor names in docs/model-export.md)")
        .flag("weights-only",
              "write no optimizer state (half the file; training continues with a fresh optimizer)")
        .value("out", "MODEL", "model file to write");
    ParsedArgs parsed = spec.parse(args);
    if (parsed.has("points")) {
        if (parsed.has("n")) throw UsageError("--points: give either --points or --n, not both");
        parsed.set("n", *parsed.text("points"));
    }
    const std::string out = parsed.requiredText("out");
    checkOutputFile("out", out);
    const dl::Schedule schedule(scheduleFromArgs(parsed, scheduleDefaults));

    const dl::DataSet data = dataSetFromArgs(parsed);
    dl::MlpConfig net = data.isImage() ? dl::defaultImageMlpConfig(data.dim()) : mlpDefaults;
    net.hidden = parsed.intValue("hidden", net.hidden, 1, dl::kMaxHidden);
    net.layers = parsed.intValue("layers", net.layers, 0, dl::kMaxLayers);
    net.inputFeatures = parsed.intValue("input-features", net.inputFeatures, 0, dl::kMaxFeatures);
    if (net.inputFeatures % 2 != 0)
        throw UsageError("--input-features: must be even, got " + std::to_string(net.inputFeatures));
    net.featureScale = static_cast<float>(parsed.doubleValue("feature-scale", net.featureScale, 1e-6, 1e4));
    net.timeEmbedding = parsed.intValue("time-embedding", net.timeEmbedding, 2, dl::kMaxFeatures);
    if (net.timeEmbedding % 2 != 0)
        throw UsageError("--time-embedding: must be even, got " + std::to_string(net.timeEmbedding));
    if (auto name = parsed.text("activation")) {
        auto a = dl::activationFromName(*name);
        if (!a) throw UsageError("--activation: expected gelu, silu or relu, got '" + *name + "'");
        net.activation = *a;
    }
    if (parsed.has("no-residual")) net.residual = false;
    if (auto name = parsed.text("prediction")) {
        auto p = dl::predictionTargetFromName(*name);
        if (!p) throw UsageError("--prediction: expected eps, x0 or v, got '" + *name + "'");
        net.target = *p;
    }

    dl::TrainerConfig cfg = data.isImage() ? dl::defaultImageTrainerConfig(data.dim()) : trainDefaults;
    cfg.steps = parsed.intValue("steps", cfg.steps, 1, 100'000'000);
    cfg.batchSize = parsed.intValue("batch", cfg.batchSize, 1, 1 << 20);
    cfg.learningRate = static_cast<float>(parsed.doubleValue("lr", cfg.learningRate, 1e-8, 10.0));
    cfg.warmupSteps = parsed.intValue("warmup", cfg.warmupSteps, 0, 100'000'000);
    cfg.minLearningRate = static_cast<float>(parsed.doubleValue("min-lr", cfg.minLearningRate, 0.0, 1.0));
    cfg.weightDecay = static_cast<float>(parsed.doubleValue("weight-decay", cfg.weightDecay, 0.0, 0.999));
    cfg.gradClip = static_cast<float>(parsed.doubleValue("grad-clip", cfg.gradClip, 0.0, 1e9));
    cfg.emaDecay = static_cast<float>(parsed.doubleValue("ema", cfg.emaDecay, 0.0, 0.999999));
    cfg.threads = parsed.intValue("threads", dl::defaultThreadCount(), 1, 256);
    cfg.seed = parsed.seed();

    net.dataDim = data.dim();
    if (const std::string advice = dl::perAxisScalingAdvice(data); !advice.empty())
        std::cerr << "data: " << advice << " (--per-axis)\n";
    // Checked before training, so a value too large fails at once rather than after the work (the scoring
    // itself uses bounded subsets, modelquality.h; the bound keeps the reverse chain over N samples small).
    int qualityN =
        parsed.intValue("quality-samples", data.isImage() ? 0 : 2000, 0, dl::limits::kMaxPoints / 8);

    // Finite data cannot be drawn again: hold a random part out of training to judge the samples by.
    const bool drawAgain = dl::canDrawAgain(data);
    dl::HeldOutSplit split;
    if (qualityN > 0 && !drawAgain) {
        split = dl::splitHeldOut(data, cfg.seed);
        if (split.heldOut.rows() == 0) {
            std::cerr << "quality: skipped, " << data.size() << " rows are too few to hold "
                      << dl::kMinHeldOutRows << " out of training\n";
            qualityN = 0;
        }
    } else {
        split.training = data;
    }
    const dl::DataSet& training = split.training;

    std::cerr << "training " << dl::describeMlpConfig(net) << " on " << data.name << " (" << training.size()
              << " × " << data.dim();
    if (split.heldOut.rows() > 0) std::cerr << ", " << split.heldOut.rows() << " more rows held out";
    std::cerr << "), " << dl::scheduleKindName(schedule.params().kind) << " T=" << schedule.T() << ", "
              << cfg.steps << " steps of batch " << cfg.batchSize << ", " << cfg.threads << " thread(s)\n";
    dl::Trainer trainer(training, schedule, net, cfg);
    const auto start = std::chrono::steady_clock::now();
    auto lastReport = start;
    for (int i = 0; i < cfg.steps; ++i) {
        trainer.step();  // dl::TrainingDiverged propagates: main() prints it and exits with 1
        const auto now = std::chrono::steady_clock::now();
        if (now - lastReport > std::chrono::milliseconds(500) || i + 1 == cfg.steps) {
            lastReport = now;
            const auto& h = trainer.lossHistory();
            const std::size_t k = std::min<std::size_t>(100, h.size());
            const double recent =
                std::accumulate(h.end() - static_cast<long>(k), h.end(), 0.0) / static_cast<double>(k);
            const double seconds = std::chrono::duration<double>(now - start).count();
            std::fprintf(stderr, "step %d/%d  loss %.4f  lr %.2e  %.0f steps/s\n", i + 1, cfg.steps, recent,
                         trainer.learningRateAt(i), (i + 1) / seconds);
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    dl::Rng fileRng = dl::Rng(cfg.seed).split(10);
    dl::ModelFile file = dl::modelFileFromTrainer(trainer, fileRng);
    file.heldOutSample = split.heldOut;  // `sample` scores against these rows too
    // Models shipped with the lessons (scripts/make-lesson-models.sh) keep only what sampling needs.
    if (parsed.has("weights-only")) file.optimizer = {};
    dl::saveModelFile(out, file);
    std::cerr << "wrote " << out << " (" << trainer.parameters().size() << " parameters) after "
              << dl::formatNumber(seconds, 4) << " s of training\n";
    if (auto path = parsed.text("export-safetensors")) {
        dl::writeMlpSafetensors(*path, trainer.modelConfig(), trainer.emaParameters(),
                                {file.normalisation, file.schedule});
        std::cerr << "wrote " << *path << "\n";
    }

    if (qualityN > 0) {
        // A fresh draw (next seed) of a built-in shape, or the held-out rows: data the model never saw.
        const dl::QualityReference reference =
            drawAgain ? dl::freshDrawReference(data.name, data.norm, qualityN, cfg.seed + 1)
                      : dl::heldOutReference(split.heldOut, qualityN, cfg.seed);
        dl::Rng qualityRng = dl::Rng(cfg.seed).split(11);
        const dl::ModelQuality q = dl::measureModelQuality(
            net, trainer.emaParameters(), schedule, training.points, reference, qualityRng, cfg.threads);
        std::cout << "sample_seconds=" << dl::formatNumber(q.sampleSeconds, 4) << "\n";
        printQuality(reference, q.report);
    }
    const auto& h = trainer.lossHistory();
    const std::size_t k = std::min<std::size_t>(100, h.size());
    const double finalLoss =
        std::accumulate(h.end() - static_cast<long>(k), h.end(), 0.0) / static_cast<double>(k);
    std::cout << "train_seconds=" << dl::formatNumber(seconds, 4) << "\n"
              << "train_steps_per_s=" << dl::formatNumber(cfg.steps / seconds, 5) << "\n"
              << "final_loss=" << dl::formatNumber(finalLoss, 5) << std::endl;
    return 0;
}

}  // namespace dlcli
