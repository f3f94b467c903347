// The central view: x_t at the timeline's t, painted with the shared renderer (ui/render/scene.h), so it
// looks exactly like exported frames. Forward mode shows x_t = √ᾱ_t x_0 + √(1−ᾱ_t) ε for the document's
// data and fixed noise draw (or the Markov chain); reverse mode shows the sampled trajectory. Image data
// sets show a grid of images instead of points.
//
// Redraws are coalesced: every change only asks for a frame, and the scene is rebuilt at most once per
// ~16 ms. Other views add overlays through scene decorators, which run on each rebuild:
//
//   int id = view->addSceneDecorator([field](dlui::Scene& scene, const dlui::MainView::Frame& frame) {
//       scene.arrowFields.push_back(field->arrowsAt(frame.t));    // must be cheap: cached results only
//   });
//   connect(fieldWorker, &FieldWorker::ready, view, &dlui::MainView::requestRedraw);
//
// Drawing mode turns mouse drags into strokes (data coordinates) for hand-drawn data sets.
#pragma once

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "core/data/strokes.h"
#include "ui/render/scene.h"
#include "ui/view/markovchainstates.h"
#include "ui/view/timeline.h"
#include "ui/view/traillayercache.h"

namespace dlui {

class LabDocument;

class MainView : public QWidget {
    Q_OBJECT
public:
    /// What a decorator needs to know about the frame being built.
    struct Frame {
        int t = 0;
        Timeline::Mode mode = Timeline::Mode::Forward;
        bool markovChain = false;
        const LabDocument* document = nullptr;
        /// The states shown (normalised coordinates, N×d); null when nothing is shown.
        const dl::Batch* state = nullptr;
        /// The view's size: with the scene's view bounds it gives the data rectangle on screen
        /// (sceneDataBounds), wider than the bounds in a wide view.
        QSizeF viewSize;
    };
    using SceneDecorator = std::function<void(Scene& scene, const Frame& frame)>;

    MainView(LabDocument* document, Timeline* timeline, QWidget* parent = nullptr);
    ~MainView() override;

    /// Adds an overlay step run after the points are placed; returns an id for removeSceneDecorator().
    int addSceneDecorator(SceneDecorator decorator);
    void removeSceneDecorator(int id);

    /// The scene of the last rebuild (call rebuildNow() first for the very latest).
    const Scene& scene() const { return mScene; }
    /// The normalised state the scene shows (N×d; empty when none, e.g. reverse mode without samples).
    const dl::Batch& shownState() const { return mState; }
    /// Rebuilds the scene at once and schedules a repaint (tests, export of the current view).
    void rebuildNow();

    RenderOptions renderOptions() const { return mOptions; }
    /// What the view paints with: renderOptions(), its smallest text the size of the view's font.
    RenderOptions paintOptions() const;
    void setRenderOptions(const RenderOptions& options);

    /// Images shown at most in image mode (a square-ish grid).
    static constexpr int kMaxImagesShown = 64;

    // ---- hand drawing -------------------------------------------------------------------------
    void setDrawingEnabled(bool on);
    bool isDrawingEnabled() const { return mDrawing; }
    const std::vector<dl::Stroke>& strokes() const { return mStrokes; }
    /// Data length of one view unit (the view's larger side) when the strokes were started.
    double strokeUnit() const { return mStrokeUnit; }
    void clearStrokes();
    /// Strokes drawn before (a session's or a lesson's hand-drawn data), to draw on from.
    void setStrokes(const std::vector<dl::Stroke>& strokes, double strokeUnit);

    /// Frames built (for the frame-rate test and the status bar).
    int frameCount() const { return mFrameCount; }
    /// Times the trails were stroked into their cached image (tests: unchanged trails are not re-stroked).
    int trailRenderCount() const { return mTrailLayer.renderCount(); }

public Q_SLOTS:
    /// Asks for a rebuild; many requests within one frame give one rebuild.
    void requestRedraw();

Q_SIGNALS:
    /// The hand-drawn strokes changed (a stroke finished or they were cleared).
    void strokesChanged();
    /// The view changed size: decorators that cover the data rectangle on screen need a rebuild.
    void resized();
    /// setRenderOptions() was called (a theme, a palette, presenter mode's text scale).
    void renderOptionsChanged();

protected:
    /// A language switch: the captions and narration it paints are worded again (a rebuild).
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    void rebuildScene();
    void onDataSetChanged();
    void invalidateChain();
    Eigen::Vector2f toData(const QPointF& widgetPos) const;
    QPointF toWidget(const Eigen::Vector2f& dataPos) const;

    LabDocument* mDocument;
    Timeline* mTimeline;
    Scene mScene;
    TrailLayerCache mTrailLayer;  // the trails as one image while they do not change
    dl::Batch mState;
    RenderOptions mOptions;
    QRectF mViewBounds;              // stable over t: holds x_0 and N(0, I)
    std::vector<float> mColorKeys;   // per point, from x_0 (so colours travel with the points)
    MarkovChainStates mChainStates;  // the Markov-chain mode's states, computed in a worker
    std::map<int, SceneDecorator> mDecorators;
    int mNextDecoratorId = 1;
    QTimer mRedrawTimer;
    QElapsedTimer mSinceFrame;
    int mFrameCount = 0;
    bool mDrawing = false;
    std::vector<dl::Stroke> mStrokes;
    bool mStrokeActive = false;
    double mStrokeUnit = 1.0;
};

}  // namespace dlui
