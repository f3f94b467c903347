// The frames of a side-by-side comparison: each pane's x_t at one shared position of the t slider, drawn
// with the shared scene renderer and tiled into one image (2 panes side by side, 3–4 in a 2×2 grid).
// The window's comparison view paints the panes with the same code, so an exported frame looks like it.
//
// One shared step s = 0..S drives every pane, S = the largest T among the panes; each pane shows its own
// t = round(s · T_pane / S), the same fraction t/T of its own schedule (T = 50 next to T = 1000 shows t = 20
// beside t = 400). Forward: x_t = √ᾱ_t x_0 + √(1−ᾱ_t) ε with the one ε of the input (Ho et al. 2020, Eq. 4);
// reverse: the state of the pane's own chain at its t.
//
//   dlui::ComparisonFrames frames(input);              // throws dl::Error: no pane, ε of the wrong shape
//   QImage frame = frames.render(frames.steps() / 2, renderOptions);
#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QRectF>
#include <vector>

#include "ui/render/comparisoninput.h"
#include "ui/render/scene.h"

namespace dlui {

/// S, the number of shared steps: the largest T among the panes' schedules (forward, or the ones their
/// chains were sampled with in reverse); 0 without panes.
int comparisonSteps(const ComparisonInput& input);
/// A pane's own t at shared step `step` of `steps`: round(step · T / steps), in 0..T.
int paneTimestep(int step, int steps, int T);
/// The tile of pane `index` among `panes` inside `target`: one row for 2 panes, a 2×2 grid for 3–4.
QRectF comparisonTile(const QRectF& target, int panes, int index);
/// The shared steps an export of tFirst..tLast (−1: S) every `stride` gives: ascending forward, from S
/// down in reverse.
std::vector<int> comparisonFrameSteps(const ComparisonInput& input, int tFirst, int tLast, int stride);

class ComparisonFrames {
    Q_DECLARE_TR_FUNCTIONS(ComparisonFrames)
public:
    explicit ComparisonFrames(ComparisonInput input);

    const ComparisonInput& input() const { return mInput; }
    int paneCount() const { return static_cast<int>(mInput.panes.size()); }
    int steps() const { return mSteps; }
    /// Pane `pane`'s own t at shared step `step`.
    int paneT(int pane, int step) const;
    /// ᾱ_t of pane `pane` at its own t.
    double paneAlphaBar(int pane, int step) const;
    /// The pane's state (normalised N×d) at shared step `step`; empty when it has none (reverse without a
    /// chain). *shownT: the timestep of the state drawn (a chain with K < T steps keeps only some).
    dl::Batch paneState(int pane, int step, int* shownT = nullptr) const;
    /// The pane's settings and where it is: "linear T=50 …\nt = 20 / 50    ᾱ_t = 0.9902".
    QString caption(int pane, int step) const;
    Scene scene(int pane, int step) const;
    /// Paints every pane, tiled, into target.
    void paint(QPainter& painter, const QRectF& target, int step, const RenderOptions& options) const;
    /// One frame of options.size with every pane tiled.
    QImage render(int step, const RenderOptions& options) const;

private:
    ComparisonInput mInput;
    int mSteps = 0;
    QRectF mView;                                  // every pane shows the same box of data coordinates
    std::vector<float> mForwardKeys;               // colours follow x_0 in forward panes ...
    std::vector<std::vector<float>> mReverseKeys;  // ... and each chain's own output in reverse panes
};

}  // namespace dlui
