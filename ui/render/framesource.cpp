#include "ui/render/framesource.h"

#include <algorithm>
#include <cmath>

#include "core/math/error.h"
#include "core/math/forwardprocess.h"
#include "ui/render/alphabartext.h"
#include "ui/render/comparisonframes.h"
#include "ui/render/palette.h"
#include "ui/render/viewbounds.h"

namespace dlui {
namespace {

/// Rows spread evenly over the batch (deterministic, keeps order).
std::vector<Eigen::Index> evenRows(Eigen::Index total, int wanted) {
    std::vector<Eigen::Index> rows;
    if (total <= 0 || wanted <= 0) return rows;
    const Eigen::Index n = std::min<Eigen::Index>(total, wanted);
    for (Eigen::Index i = 0; i < n; ++i) rows.push_back(i * total / n);
    return rows;
}

}  // namespace

QString animationKindName(AnimationKind kind) {
    switch (kind) {
        case AnimationKind::Forward:
            return QStringLiteral("forward");
        case AnimationKind::Reverse:
            return QStringLiteral("reverse");
        case AnimationKind::Both:
            return QStringLiteral("both");
        case AnimationKind::Comparison:
            return QStringLiteral("comparison");
    }
    return {};
}

std::optional<AnimationKind> animationKindFromName(const QString& name) {
    for (AnimationKind k :
         {AnimationKind::Forward, AnimationKind::Reverse, AnimationKind::Both, AnimationKind::Comparison})
        if (animationKindName(k) == name) return k;
    return std::nullopt;
}

std::vector<FrameInfo> FrameSource::selectFrames(const ExportInput& input, const FrameSelection& sel) {
    std::vector<FrameInfo> frames;
    if (sel.animation == AnimationKind::Comparison) {
        // One frame per shared step; t is the step, ᾱ that of the first pane (ComparisonFrames).
        if (!input.comparison || input.comparison->panes.empty()) return frames;
        const ComparisonInput& c = *input.comparison;
        const int steps = comparisonSteps(c);
        const dl::Schedule& first = c.panes.front().scheduleFor(c.reverse);
        for (int s : comparisonFrameSteps(c, sel.tFirst, sel.tLast, sel.stride))
            frames.push_back({c.reverse ? FramePhase::Reverse : FramePhase::Forward, s,
                              first.alphaBar(paneTimestep(s, steps, first.T())), -1});
        return frames;
    }
    const int stride = std::max(1, sel.stride);
    const bool forward = sel.animation != AnimationKind::Reverse;
    const bool reverse = sel.animation != AnimationKind::Forward;
    if (forward) {
        const dl::Schedule& s = input.schedule;
        const int first = std::clamp(sel.tFirst, 0, s.T());
        const int last = sel.tLast < 0 ? s.T() : std::min(sel.tLast, s.T());
        for (int t = first; t <= last; t += stride)
            frames.push_back({FramePhase::Forward, t, s.alphaBar(t), -1});
    }
    if (reverse && input.reverse && !input.reverse->empty()) {
        const dl::Schedule& s = input.reverseSchedule ? *input.reverseSchedule : input.schedule;
        const dl::Trajectory& tr = *input.reverse;
        const int last = sel.tLast < 0 ? s.T() : sel.tLast;
        int kept = 0;
        const size_t n = std::min(tr.timesteps.size(), tr.states.size());
        for (size_t i = 0; i < n; ++i) {
            const int t = tr.timesteps[i];
            if (t < sel.tFirst || t > last) continue;
            // Several states at one t (Langevin keeps x_T and the state after level T's updates): the last
            // one, the state the window shows at that t, and not two frames captioned alike.
            if (i + 1 < n && tr.timesteps[i + 1] == t) continue;
            if (kept++ % stride != 0) continue;
            const double ab = t >= 0 && t <= s.T() ? s.alphaBar(t) : 1.0;
            frames.push_back({FramePhase::Reverse, t, ab, static_cast<int>(i)});
        }
    }
    return frames;
}

FrameSource::FrameSource(ExportInput input, const FrameSelection& selection, const OverlayOptions& overlays,
                         const RenderOptions& render)
    : mInput(std::move(input)), mSelection(selection), mOverlays(overlays), mRender(render) {
    const dl::DataSet& data = mInput.data;
    if (selection.animation == AnimationKind::Comparison)
        throw dl::Error(tr("a comparison is drawn by ComparisonFrames, not FrameSource").toStdString());
    const bool needsForward = selection.animation != AnimationKind::Reverse;
    const bool needsReverse = selection.animation != AnimationKind::Forward;
    if (needsForward && (mInput.forwardNoise.rows() != data.points.rows() ||
                         mInput.forwardNoise.cols() != data.points.cols()))
        throw dl::Error(tr("the forward noise must have the same shape as the data (%1×%2)")
                            .arg(data.points.rows())
                            .arg(data.points.cols())
                            .toStdString());
    if (needsReverse && (!mInput.reverse || mInput.reverse->empty()))
        throw dl::Error(tr("a reverse animation needs a sampled trajectory: sample first").toStdString());
    mFrames = selectFrames(mInput, selection);
    if (mFrames.empty())
        throw dl::Error(tr("no frame in the chosen range: t from %1 to %2 with stride %3")
                            .arg(selection.tFirst)
                            .arg(selection.tLast)
                            .arg(selection.stride)
                            .toStdString());

    if (!data.isImage()) {
        mView = equalAspectBounds(diffusionViewBounds(data), QSizeF(render.size));
        if (overlays.colorByOrigin) {
            mForwardKeys = colorKeysFromX(data.points);
            if (mInput.reverse && !mInput.reverse->empty())
                mReverseKeys = colorKeysFromX(mInput.reverse->states.back());
        }
        mTrailRows.clear();
        for (Eigen::Index r : evenRows(data.points.rows(), overlays.trailCount)) mTrailRows.push_back(r);
        if (render.drawDensity && overlays.densityGrid > 0) {
            const std::vector<Eigen::Index> rows = evenRows(data.points.rows(), overlays.densityMaxPoints);
            mDensityPoints.resize(static_cast<Eigen::Index>(rows.size()), data.dim());
            for (size_t i = 0; i < rows.size(); ++i)
                mDensityPoints.row(static_cast<Eigen::Index>(i)) = data.points.row(rows[i]);
        }
    }
}

const dl::Schedule& FrameSource::reverseSchedule() const {
    return mInput.reverseSchedule ? *mInput.reverseSchedule : mInput.schedule;
}

QString FrameSource::samplerName() const {
    return mInput.reverse ? QString::fromStdString(mInput.reverse->sampler) : QString();
}

QString FrameSource::caption(int k) const {
    const FrameInfo& f = info(k);
    const int T = f.phase == FramePhase::Forward ? mInput.schedule.T() : reverseSchedule().T();
    const QString step = tr("t = %1 / %2    ᾱₜ = %3").arg(f.t).arg(T).arg(alphaBarText(f.alphaBar));
    if (f.phase == FramePhase::Forward) return tr("forward process    %1").arg(step);
    const QString sampler = samplerName();
    return sampler.isEmpty() ? tr("reverse process    %1").arg(step)
                             : tr("reverse process · %1    %2").arg(sampler, step);
}

dl::Batch FrameSource::statePoints(const FrameInfo& f) const {
    if (f.phase == FramePhase::Forward)
        return dl::noiseToStep(mInput.schedule, mInput.data.points, f.t, mInput.forwardNoise);
    return mInput.reverse->states[static_cast<size_t>(f.stateIndex)];
}

std::vector<dl::Batch> FrameSource::trails(int k) const {
    std::vector<dl::Batch> out;
    const FrameInfo& now = info(k);
    // The frames of this phase up to k, in order: the trail is the path shown so far.
    std::vector<int> path;
    for (int j = 0; j <= k; ++j)
        if (info(j).phase == now.phase) path.push_back(j);
    if (path.size() < 2) return out;
    const dl::Batch* last = now.phase == FramePhase::Reverse ? &mInput.reverse->states.back() : nullptr;
    for (Eigen::Index row : mTrailRows) {
        if (last && row >= last->rows()) continue;
        dl::Batch trail(static_cast<Eigen::Index>(path.size()), 2);
        for (size_t p = 0; p < path.size(); ++p) {
            const FrameInfo& f = info(path[p]);
            const auto r = static_cast<Eigen::Index>(p);
            // Written straight into the trail row: a fixed-size temporary here trips GCC 12's
            // -Warray-bounds on Eigen's AVX path.
            if (f.phase == FramePhase::Forward) {
                const auto a = static_cast<float>(mInput.schedule.sqrtAlphaBar(f.t));
                const auto b = static_cast<float>(mInput.schedule.sqrtOneMinusAlphaBar(f.t));
                trail.row(r) =
                    a * mInput.data.points.row(row).head(2) + b * mInput.forwardNoise.row(row).head(2);
            } else {
                trail.row(r) = mInput.reverse->states[static_cast<size_t>(f.stateIndex)].row(row).head(2);
            }
        }
        out.push_back(mInput.data.norm.toData(trail));
    }
    return out;
}

DensityGrid FrameSource::density(int t, const dl::Schedule& schedule) const {
    // q(x_t) = (1/N) Σ_i N(x_t; √ᾱ_t x_i, (1−ᾱ_t) I) (Ho et al. 2020, Eq. 4), up to a constant: the
    // renderer normalises by the peak. At small t the mixture is nearly a sum of deltas; a floor on the
    // variance (0.05² in normalised units) draws it as a narrow kernel density instead of single pixels.
    DensityGrid grid;
    if (mDensityPoints.rows() == 0) return grid;
    const int n = mOverlays.densityGrid;
    grid.bounds = mView;
    grid.columns = n;
    grid.rows = n;
    grid.values.assign(static_cast<size_t>(n) * n, 0.0f);
    const double ab = schedule.alphaBar(std::clamp(t, 0, schedule.T()));
    const float mean = static_cast<float>(std::sqrt(ab));
    const float var = static_cast<float>(std::max(1.0 - ab, 0.0025));
    const float inv2v = 1.0f / (2.0f * var);
    const dl::Normalisation& norm = mInput.data.norm;
    const dl::Batch centres = mean * mDensityPoints.leftCols<2>();
    for (int r = 0; r < n; ++r) {
        // Row 0 is the top of the box (max y), sampled at cell centres.
        const float y = static_cast<float>(
            (mView.bottom() - (r + 0.5) * mView.height() / n - norm.offset(1)) / norm.scaleOf(1));
        for (int c = 0; c < n; ++c) {
            const float x = static_cast<float>(
                (mView.left() + (c + 0.5) * mView.width() / n - norm.offset(0)) / norm.scaleOf(0));
            float sum = 0.0f;
            for (Eigen::Index i = 0; i < centres.rows(); ++i) {
                const float dx = x - centres(i, 0), dy = y - centres(i, 1);
                sum += std::exp(-(dx * dx + dy * dy) * inv2v);
            }
            grid.values[static_cast<size_t>(r) * n + c] = sum;
        }
    }
    return grid;
}

ArrowField FrameSource::arrows(int t) const {
    // −ε̂(x, t) points from x towards the data (the score is −ε̂/√(1−ᾱ_t)); drawn at a fixed fraction of
    // the grid spacing per unit of ε̂, so arrow lengths compare across frames.
    ArrowField field;
    const int n = mOverlays.arrowGrid;
    if (!mInput.denoiser || n < 2 || t < 1) return field;
    const dl::Normalisation& norm = mInput.data.norm;
    dl::Batch origins(static_cast<Eigen::Index>(n) * n, 2);
    const double dx = mView.width() / n, dy = mView.height() / n;
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c)
            origins.row(static_cast<Eigen::Index>(r) * n + c)
                << static_cast<float>(mView.left() + (c + 0.5) * dx),
                static_cast<float>(mView.top() + (r + 0.5) * dy);
    dl::Batch eps;
    mInput.denoiser(norm.toNormalised(origins), t, eps);
    if (eps.rows() != origins.rows() || eps.cols() < 2) return field;
    const float spacing = static_cast<float>(std::min(dx, dy));
    dl::Batch dirs = -eps.leftCols<2>() * (0.35f * spacing);
    for (Eigen::Index i = 0; i < dirs.rows(); ++i) {
        const float len = dirs.row(i).norm();
        if (len > 0.95f * spacing) dirs.row(i) *= 0.95f * spacing / len;
    }
    field.origins = std::move(origins);
    field.directions = std::move(dirs);
    return field;
}

Scene FrameSource::scene(int k) const {
    const FrameInfo& f = info(k);
    Scene scene;
    scene.caption = caption(k);
    const dl::Batch x = statePoints(f);
    const dl::DataSet& data = mInput.data;
    if (data.isImage()) {
        const Eigen::Index n = std::min<Eigen::Index>(x.rows(), std::max(1, mOverlays.maxImages));
        scene.images = x.topRows(n);
        scene.imageShape = data.image;
        return scene;
    }
    scene.points = data.norm.toData(x);
    scene.viewBounds = mView;
    const std::vector<float>& keys = f.phase == FramePhase::Forward ? mForwardKeys : mReverseKeys;
    if (keys.size() == static_cast<size_t>(x.rows())) scene.colorKeys = keys;
    if (mRender.drawTrails) scene.trails = trails(k);
    const dl::Schedule& schedule = f.phase == FramePhase::Forward ? mInput.schedule : reverseSchedule();
    if (mRender.drawDensity) scene.density = density(f.t, schedule);
    if (mRender.drawArrows && f.t >= 1 && f.t <= schedule.T()) {
        ArrowField field = arrows(f.t);
        if (field.origins.rows() > 0) scene.arrowFields.push_back(std::move(field));
    }
    return scene;
}

}  // namespace dlui
