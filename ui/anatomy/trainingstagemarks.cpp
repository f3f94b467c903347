#include "ui/anatomy/trainingstagemarks.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>

namespace dlui {

namespace {

// A named translation context, so lupdate files these strings where tr() looks them up.
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(dlui::TrainingNarrator)
};

const QColor kBatch(200, 40, 160);
const QColor kNoise(225, 95, 20);
const QColor kMove(110, 110, 110);
const QColor kTarget(120, 120, 120);
const QColor kPrediction(210, 30, 30);

QString targetName(dl::PredictionTarget target) {
    switch (target) {
        case dl::PredictionTarget::Epsilon:
            return QStringLiteral("\u03B5");
        case dl::PredictionTarget::X0:
            return QStringLiteral("x\u2080");
        case dl::PredictionTarget::V:
            return QStringLiteral("v");
    }
    return {};
}

QPointF point(const dl::Batch& data, Eigen::Index r) {
    return {data(r, 0), data(r, 1)};
}

/// Why the update's learning rate is not the one in the panel: the first steps warm up to it, the rest
/// decay from it (core/training/optimizer.h).
QString learningRateNote(const dl::TrainingStageView& v, const dl::TrainerConfig* optimiser) {
    if (!optimiser || !(v.learningRate < optimiser->learningRate * 0.999f)) return {};
    if (v.step <= optimiser->warmupSteps)
        return Texts::tr(", warming up to %1 over the first %2 steps")
            .arg(double(optimiser->learningRate), 0, 'g', 3)
            .arg(optimiser->warmupSteps);
    return Texts::tr(", decaying from %1").arg(double(optimiser->learningRate), 0, 'g', 3);
}

/// The first four stages for images, which have no rings or arrows to point at.
QString imageStageNarration(const dl::TrainingStageView& v, int T, const QString& name) {
    const QString step = QLocale().toString(v.step);
    switch (v.stage) {
        case dl::TrainingStage::DrawBatch:
            return Texts::tr(
                       "Step %1, stage 1 of 5 · Draw a batch: %2 images x₀ from the data and a timestep "
                       "t ~ U{1, …, %3} for each (the first: t = %4).")
                .arg(step)
                .arg(v.x0.rows())
                .arg(T)
                .arg(v.t.empty() ? 0 : v.t.front());
        case dl::TrainingStage::DrawNoise:
            return Texts::tr(
                       "Step %1, stage 2 of 5 · Draw the noise ε ~ N(0, I) for every image, one "
                       "value per pixel.")
                .arg(step);
        case dl::TrainingStage::FormXt:
            return Texts::tr(
                       "Step %1, stage 3 of 5 · Form x_t = √ᾱ_t x₀ + √(1 − "
                       "ᾱ_t) ε: each image moves toward noise by its own t.")
                .arg(step);
        case dl::TrainingStage::Predict:
            return Texts::tr(
                       "Step %1, stage 4 of 5 · Predict: the network sees x_t and t and answers %2̂ "
                       "for every pixel.")
                .arg(step, name);
        case dl::TrainingStage::Update:
            break;
    }
    return {};
}

}  // namespace

TrainingStageImages trainingStageImages(const dl::TrainingStageView& v, dl::PredictionTarget target) {
    const QString step = QLocale().toString(v.step);
    switch (v.stage) {
        case dl::TrainingStage::DrawBatch:
            return {&v.x0, Texts::tr("Step %1 · x₀: images of the batch").arg(step)};
        case dl::TrainingStage::DrawNoise:
            return {&v.eps, Texts::tr("Step %1 · ε: the noise of each image").arg(step)};
        case dl::TrainingStage::FormXt:
            return {&v.xt, Texts::tr("Step %1 · x_t: each image noised to its own t").arg(step)};
        case dl::TrainingStage::Predict:
        case dl::TrainingStage::Update:
            return {
                &v.prediction,
                Texts::tr("Step %1 · %2̂: the network's answer for each image").arg(step, targetName(target))};
    }
    return {};
}

QString trainingStageNarration(const dl::TrainingStageView& v, int T, dl::PredictionTarget target,
                               const dl::TrainerConfig* optimiser) {
    const QString name = targetName(target);
    const QString step = QLocale().toString(v.step);
    // Images (more than two values per sample): the texts for points refer to rings and arrows.
    if (v.x0.cols() > 2 && v.stage != dl::TrainingStage::Update) return imageStageNarration(v, T, name);
    switch (v.stage) {
        case dl::TrainingStage::DrawBatch:
            return Texts::tr(
                       "Step %1, stage 1 of 5 · Draw a batch: %2 points x\u2080 from the data (ringed) and a "
                       "timestep "
                       "t ~ U{1, …, %3} for each (the first: t = %4).")
                .arg(step)
                .arg(v.x0.rows())
                .arg(T)
                .arg(v.t.empty() ? 0 : v.t.front());
        case dl::TrainingStage::DrawNoise:
            return Texts::tr(
                       "Step %1, stage 2 of 5 · Draw the noise \u03B5 ~ N(0, I) for every point (the arrows "
                       "from x\u2080).")
                .arg(step);
        case dl::TrainingStage::FormXt:
            return Texts::
                tr("Step %1, stage 3 of 5 · Form x_t = \u221A\u1FB1_t x\u2080 + \u221A(1 \u2212 \u1FB1_t) "
                   "\u03B5: each "
                   "point moves toward noise by its own t.")
                    .arg(step);
        case dl::TrainingStage::Predict:
            return Texts::tr(
                       "Step %1, stage 4 of 5 · Predict: the network sees x_t and t and answers %2\u0302 "
                       "(red) next to the "
                       "true %2 (grey).")
                .arg(step)
                .arg(name);
        case dl::TrainingStage::Update:
            return Texts::tr(
                       "Step %1, stage 5 of 5 · Loss = mean \u2016%2 \u2212 %2\u0302\u2016\u00B2 = %3; one "
                       "AdamW step "
                       "(learning rate %4%5) updates the weights. Space: another step; Back to the live run: "
                       "training goes on.")
                .arg(step)
                .arg(name)
                .arg(double(v.loss), 0, 'g', 4)
                .arg(double(v.learningRate), 0, 'g', 3)
                .arg(learningRateNote(v, optimiser));
    }
    return {};
}

SceneAnnotations trainingStageMarks(const dl::TrainingStageView& v, const dl::Normalisation& norm, int T,
                                    dl::PredictionTarget target, const dl::TrainerConfig* optimiser) {
    SceneAnnotations marks;
    marks.narration = trainingStageNarration(v, T, target, optimiser);
    if (v.x0.cols() != 2 || v.x0.rows() == 0) return marks;
    const Eigen::Index n = std::min<Eigen::Index>(v.x0.rows(), kMaxMarkedRows);
    const dl::Batch x0 = norm.toData(v.x0.topRows(n));
    marks.ringColor = kBatch;
    const int stage = static_cast<int>(v.stage);
    if (stage <= static_cast<int>(dl::TrainingStage::DrawNoise)) {
        for (Eigen::Index r = 0; r < n; ++r) marks.rings.push_back(point(x0, r));
    }
    if (v.stage == dl::TrainingStage::DrawNoise) {
        const dl::Batch tip = norm.toData(v.x0.topRows(n) + v.eps.topRows(n));
        for (Eigen::Index r = 0; r < n; ++r) marks.arrows.push_back({point(x0, r), point(tip, r), kNoise});
        marks.legend.push_back({kNoise, Texts::tr("x\u2080 \u2192 x\u2080 + \u03B5: the noise drawn")});
        return marks;
    }
    if (stage < static_cast<int>(dl::TrainingStage::FormXt) || v.xt.rows() < n) return marks;
    const dl::Batch xt = norm.toData(v.xt.topRows(n));
    for (Eigen::Index r = 0; r < n; ++r) marks.rings.push_back(point(xt, r));
    if (v.stage == dl::TrainingStage::FormXt) {
        for (Eigen::Index r = 0; r < n; ++r)
            marks.arrows.push_back({point(x0, r), point(xt, r), kMove, true});
        marks.legend.push_back({kMove, Texts::tr("x\u2080 \u2192 x_t")});
        return marks;
    }
    if (v.prediction.rows() < n || v.target.rows() < n) return marks;
    // The target and the prediction drawn as vectors from x_t, in the same units.
    const dl::Batch truth = norm.toData(v.xt.topRows(n) + v.target.topRows(n));
    const dl::Batch guess = norm.toData(v.xt.topRows(n) + v.prediction.topRows(n));
    for (Eigen::Index r = 0; r < n; ++r) {
        marks.arrows.push_back({point(xt, r), point(truth, r), kTarget});
        marks.arrows.push_back({point(xt, r), point(guess, r), kPrediction});
    }
    const QString name = targetName(target);
    marks.legend.push_back({kTarget, Texts::tr("the true %1").arg(name)});
    // In words, not with a combining hat (ε̂), which the scene's text drew a line above its letter.
    marks.legend.push_back({kPrediction, Texts::tr("the network's estimate of %1").arg(name)});
    return marks;
}

}  // namespace dlui
