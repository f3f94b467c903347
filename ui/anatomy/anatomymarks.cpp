#include "ui/anatomy/anatomymarks.h"

#include <QCoreApplication>
#include <cmath>

namespace dlui {

namespace {

// A named translation context, so lupdate files these strings where tr() looks them up.
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(dlui::StepMode)
};

/// One normalised 2D row as a point in data coordinates.
QPointF toData(const dl::Normalisation& norm, float x, float y) {
    dl::Batch p(1, 2);
    p << x, y;
    const dl::Batch d = norm.toData(p);
    return {d(0, 0), d(0, 1)};
}

}  // namespace

void addForwardPointMarks(SceneAnnotations& marks, const dl::DataSet& data, const dl::Batch& noise,
                          const dl::Schedule& schedule, int row, int t) {
    if (data.isImage() || data.dim() != 2 || row < 0 || row >= data.size() || noise.rows() != data.size())
        return;
    const int T = schedule.T();
    // x_t = √ᾱ_t x_0 + √(1−ᾱ_t) ε for every t (Ho et al. 2020, Eq. 4): the straight-in-distribution path
    // the point takes with this noise draw.
    dl::Batch path(T + 1, 2);
    for (int s = 0; s <= T; ++s)
        path.row(s) = static_cast<float>(schedule.sqrtAlphaBar(s)) * data.points.row(row) +
                      static_cast<float>(schedule.sqrtOneMinusAlphaBar(s)) * noise.row(row);
    const dl::Batch pixels = data.norm.toData(path);
    AnnotationPath line{{}, StepArrowColors::picked()};
    for (Eigen::Index s = 0; s < pixels.rows(); ++s) line.points.append(QPointF(pixels(s, 0), pixels(s, 1)));
    marks.paths.push_back(line);
    const int shown = std::clamp(t, 0, T);
    marks.rings.push_back(QPointF(pixels(shown, 0), pixels(shown, 1)));
    marks.ringColor = StepArrowColors::picked();
}

void addReversePointMarks(SceneAnnotations& marks, const dl::Trajectory& trajectory, const dl::Batch& shown,
                          const dl::Normalisation& norm, int row) {
    if (row < 0 || row >= shown.rows() || shown.cols() != 2) return;
    marks.rings.push_back(toData(norm, shown(row, 0), shown(row, 1)));
    marks.ringColor = StepArrowColors::picked();
    const dl::Batch path = trajectory.stepRecords.path(trajectory.stepRecords.slotOf(row));
    if (path.rows() < 2) return;
    const dl::Batch data = norm.toData(path);
    AnnotationPath line{{}, StepArrowColors::picked()};
    for (Eigen::Index k = 0; k < data.rows(); ++k) line.points.append(QPointF(data(k, 0), data(k, 1)));
    marks.paths.push_back(line);
}

const dl::ReverseStepRecord* stepStartingAt(const dl::ReverseStepRecords& records, int t) {
    for (const dl::ReverseStepRecord& step : records.steps)
        if (step.t == t) return &step;
    return nullptr;
}

int addStepArrows(SceneAnnotations& marks, const dl::ReverseStepRecords& records,
                  const std::vector<int>& rows, int shownT, const dl::Normalisation& norm,
                  bool exactDenoiser) {
    const dl::ReverseStepRecord* step = stepStartingAt(records, shownT);
    if (!step || step->xt.cols() != 2) return 0;
    int drawn = 0;
    for (int row : rows) {
        const int slot = records.slotOf(row);
        if (slot < 0) continue;
        const QPointF xt = toData(norm, step->xt(slot, 0), step->xt(slot, 1));
        const QPointF x0 = toData(norm, step->x0(slot, 0), step->x0(slot, 1));
        const QPointF mean = toData(norm, step->mean(slot, 0), step->mean(slot, 1));
        const QPointF next = toData(norm, step->next(slot, 0), step->next(slot, 1));
        marks.arrows.push_back({xt, x0, StepArrowColors::x0(), true});
        marks.arrows.push_back({xt, mean, StepArrowColors::mean()});
        marks.arrows.push_back({mean, next, StepArrowColors::noise()});
        ++drawn;
    }
    if (drawn > 0) {
        const QString s = QString::number(step->s);
        // The exact denoiser has no model and no θ: its x̂_0 is E[x_0 | x_t] over the data, its mean μ*, as
        // the Explain dock writes them (the legend had said "the model's guess" and μ_θ for it too). No
        // combining hat in painted text: the scene's text drew it a line above, over "x_0".
        const QString mean = exactDenoiser ? QStringLiteral("\u03BC*") : QStringLiteral("\u03BC_\u03B8");
        marks.legend.push_back(
            {StepArrowColors::x0(),
             exactDenoiser ? Texts::tr("x_t \u2192 E[x_0 | x_t]: the exact denoiser's clean point")
                           : Texts::tr("x_t \u2192 x_0 estimate: the model's guess of the clean point")});
        marks.legend.push_back(
            {StepArrowColors::mean(), Texts::tr("x_t \u2192 %1: the mean of the step").arg(mean)});
        marks.legend.push_back(
            {StepArrowColors::noise(), Texts::tr("%1 \u2192 x_%2: the noise \u03C3_t z = %3 z")
                                           .arg(mean, s)
                                           .arg(step->sigma, 0, 'g', 3)});
    }
    return drawn;
}

}  // namespace dlui
