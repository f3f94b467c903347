// The frames of an exported animation, as Scenes: the forward process x_t for t = t0..t1 (closed form
// with one fixed noise draw, as the window's timeline shows it), the reverse chain from a sampled
// trajectory (x_T first), or both back to back. Every frame shares one view box, so nothing jumps.
//
//   dlui::ExportInput in{data, schedule, noise};          // noise: same shape as data.points
//   dlui::FrameSelection sel;                              // forward, t = 0..T, stride 1
//   dlui::FrameSource frames(in, sel, {}, renderOptions);  // throws dl::Error for an empty selection
//   for (int k = 0; k < frames.count(); ++k)
//       QImage img = dlui::renderScene(frames.scene(k), renderOptions);
#pragma once

#include <QCoreApplication>
#include <QRectF>
#include <QString>
#include <optional>
#include <vector>

#include "core/data/dataset.h"
#include "core/math/schedule.h"
#include "core/math/types.h"
#include "core/sampling/denoiser.h"
#include "core/sampling/samplers.h"
#include "ui/render/comparisoninput.h"
#include "ui/render/scene.h"

namespace dlui {

/// Everything an export needs, as values (safe to hand to a worker thread).
struct ExportInput {
    dl::DataSet data;
    dl::Schedule schedule;   ///< the forward process (the editor's schedule)
    dl::Batch forwardNoise;  ///< ε for x_t = √ᾱ_t x_0 + √(1−ᾱ_t) ε; same shape as data.points
    std::optional<dl::Trajectory> reverse;  ///< a sampled chain, states[0] = x_T … last = x_0 (normalised)
    std::optional<dl::Schedule> reverseSchedule;  ///< what the chain was sampled with; `schedule` when absent
    dl::EpsilonPredictor denoiser;                ///< optional: arrow field of −ε̂(x, t) on a grid
    /// Optional: a side-by-side comparison (AnimationKind::Comparison), rendered by ComparisonFrames.
    std::optional<ComparisonInput> comparison;
};

/// Comparison: the panes of `ExportInput::comparison` tiled in one frame, t being the shared step.
enum class AnimationKind { Forward, Reverse, Both, Comparison };

/// Names used on the command line and in the JSON sidecar: forward, reverse, both, comparison.
QString animationKindName(AnimationKind kind);
std::optional<AnimationKind> animationKindFromName(const QString& name);

/// Which timesteps become frames. Forward: t = tFirst, tFirst + stride, … ≤ tLast. Reverse: the recorded
/// states with tFirst ≤ t ≤ tLast, from x_T down, every stride-th of them. Both: forward then reverse.
struct FrameSelection {
    AnimationKind animation = AnimationKind::Forward;
    int tFirst = 0;
    int tLast = -1;  ///< −1: T
    int stride = 1;
};

/// What a frame shows beyond the points; costs are per frame.
struct OverlayOptions {
    bool colorByOrigin =
        true;              ///< colour each point by its x position in x_0 (forward) or the output (reverse)
    int trailCount = 12;   ///< points that leave a trail (when RenderOptions::drawTrails)
    int arrowGrid = 21;    ///< arrows per side (when drawArrows and a denoiser is given)
    int densityGrid = 80;  ///< density cells per side (when drawDensity; 2D data)
    int densityMaxPoints = 1500;  ///< the exact mixture uses at most this many data points
    int maxImages = 64;           ///< image data: samples shown in the grid
};

enum class FramePhase { Forward, Reverse };

struct FrameInfo {
    FramePhase phase = FramePhase::Forward;
    int t = 0;
    double alphaBar = 1.0;
    int stateIndex = -1;  ///< reverse: index into the trajectory's states
};

class FrameSource {
    Q_DECLARE_TR_FUNCTIONS(FrameSource)
public:
    /// Throws dl::Error when the selection gives no frame, a reverse animation has no trajectory, or the
    /// noise does not match the data.
    FrameSource(ExportInput input, const FrameSelection& selection, const OverlayOptions& overlays,
                const RenderOptions& render);

    int count() const { return static_cast<int>(mFrames.size()); }
    const std::vector<FrameInfo>& frames() const { return mFrames; }
    const FrameInfo& info(int k) const { return mFrames[static_cast<size_t>(k)]; }
    /// The scene of frame k (0 ≤ k < count()); independent of which frames were asked for before.
    Scene scene(int k) const;
    /// The data-coordinate box every frame shows (equal units on both axes at the render size).
    QRectF viewBounds() const { return mView; }
    /// The caption of frame k (also in the scene when captions are on).
    QString caption(int k) const;
    /// Sampler name of the reverse chain, empty without one.
    QString samplerName() const;
    const ExportInput& input() const { return mInput; }

    /// The frames a selection gives, without building a source (used to validate settings).
    static std::vector<FrameInfo> selectFrames(const ExportInput& input, const FrameSelection& selection);

private:
    const dl::Schedule& reverseSchedule() const;
    dl::Batch statePoints(const FrameInfo& info) const;  // normalised x for the frame
    std::vector<dl::Batch> trails(int k) const;
    DensityGrid density(int t, const dl::Schedule& schedule) const;
    ArrowField arrows(int t) const;

    ExportInput mInput;
    FrameSelection mSelection;
    OverlayOptions mOverlays;
    RenderOptions mRender;
    std::vector<FrameInfo> mFrames;
    QRectF mView;
    std::vector<float> mForwardKeys, mReverseKeys;
    std::vector<Eigen::Index> mTrailRows;
    dl::Batch mDensityPoints;  // subsample of the data for the exact mixture density (normalised)
};

}  // namespace dlui
