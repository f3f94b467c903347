#include "ui/view/mainview.h"

#include <QFontInfo>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "ui/document/labdocument.h"
#include "ui/i18n/translations.h"
#include "ui/render/alphabartext.h"
#include "ui/render/palette.h"
#include "ui/render/viewbounds.h"

namespace dlui {

namespace {
constexpr int kFrameMs = 16;
}

MainView::MainView(LabDocument* document, Timeline* timeline, QWidget* parent)
    : QWidget(parent), mDocument(document), mTimeline(timeline) {
    setMinimumSize(320, 240);
    setAttribute(Qt::WA_OpaquePaintEvent);
    mOptions.drawCaption = true;
    mOptions.drawAxes = true;
    mRedrawTimer.setSingleShot(true);
    connect(&mRedrawTimer, &QTimer::timeout, this, &MainView::rebuildScene);
    mSinceFrame.start();

    connect(document, &LabDocument::dataSetChanged, this, &MainView::onDataSetChanged);
    connect(document, &LabDocument::noiseChanged, this, [this] {
        invalidateChain();
        requestRedraw();
    });
    connect(document, &LabDocument::scheduleChanged, this, [this] {
        invalidateChain();
        requestRedraw();
    });
    connect(document, &LabDocument::samplesChanged, this, &MainView::requestRedraw);
    connect(document, &LabDocument::modelChanged, this, &MainView::requestRedraw);
    connect(timeline, &Timeline::tChanged, this, &MainView::requestRedraw);
    connect(timeline, &Timeline::modeChanged, this, &MainView::requestRedraw);
    connect(timeline, &Timeline::markovChainChanged, this, &MainView::requestRedraw);
    connect(&mChainStates, &MarkovChainStates::ready, this, &MainView::requestRedraw);
    onDataSetChanged();
}

MainView::~MainView() = default;

int MainView::addSceneDecorator(SceneDecorator decorator) {
    const int id = mNextDecoratorId++;
    mDecorators.emplace(id, std::move(decorator));
    requestRedraw();
    return id;
}

void MainView::removeSceneDecorator(int id) {
    if (mDecorators.erase(id) > 0) requestRedraw();
}

void MainView::setRenderOptions(const RenderOptions& options) {
    mOptions = options;
    update();
    Q_EMIT renderOptionsChanged();
}

RenderOptions MainView::paintOptions() const {
    // Never smaller than the window's own text (presenter mode enlarges that too): a view that docks
    // squeeze (a lesson open beside it) drew its labels at 9 px.
    RenderOptions options = mOptions;
    options.minTextPixels = QFontInfo(font()).pixelSize();
    return options;
}

void MainView::requestRedraw() {
    if (mRedrawTimer.isActive()) return;
    const qint64 elapsed = mSinceFrame.elapsed();
    mRedrawTimer.start(static_cast<int>(std::max<qint64>(0, kFrameMs - elapsed)));
}

void MainView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    // The retranslator re-words widgets' texts; the scene's are painted, so they come from the next build.
    if (event->type() == QEvent::LanguageChange) requestRedraw();
}

void MainView::rebuildNow() {
    mRedrawTimer.stop();
    rebuildScene();
}

void MainView::onDataSetChanged() {
    const auto data = mDocument->dataSet();
    mViewBounds = data->isImage() ? QRectF() : diffusionViewBounds(*data);
    // Colour each point by where it starts (x_0's first coordinate), so the colours show how the noise
    // mixes the shape and how the reverse chain sorts it out again.
    mColorKeys.clear();
    if (!data->isImage() && data->size() > 0) mColorKeys = colorKeysFromX(data->points);
    invalidateChain();
    requestRedraw();
}

void MainView::invalidateChain() {
    mChainStates.clear();
}

void MainView::rebuildScene() {
    mSinceFrame.restart();
    ++mFrameCount;
    const auto data = mDocument->dataSet();
    const ViewState& viewState = mDocument->viewState();  // what to show: the document's view state
    const int t = viewState.t;
    const bool reverse = viewState.mode == ViewMode::Reverse;
    Scene scene;
    scene.viewBounds = mViewBounds;
    mState = dl::Batch();

    std::vector<float> colorKeys = mColorKeys;
    if (reverse) {
        const auto trajectory = mDocument->trajectory();
        if (trajectory && !trajectory->empty()) {
            // The caption names the timestep of the state drawn, from the same lookup, in the same frame.
            const dl::ReverseFrame shown = trajectory->frameAt(t, viewState.smoothReverse);
            // The label was worded when the run was sampled; after a language switch it is worded again.
            const QString sampler = inCurrentLanguage(QString::fromStdString(trajectory->sampler));
            mState = shown.state;
            if (shown.interpolated)
                scene.caption = tr("reverse · %1 · t = %2 (interpolated between the states at t = %3 and %4)")
                                    .arg(sampler)
                                    .arg(t)
                                    .arg(shown.above)
                                    .arg(shown.below);
            else
                scene.caption = tr("reverse · %1 · t = %2").arg(sampler).arg(shown.above);
            // Coloured by where each point ends up, as exported frames and the CLI's renders are.
            colorKeys = colorKeysFromX(trajectory->states.back());
        } else {
            scene.caption = tr("reverse · no samples yet: train a model, then Sample");
        }
    } else {
        const dl::Schedule& schedule = mDocument->schedule();
        const int tt = std::clamp(t, 0, schedule.T());
        int shownT = tt;
        if (viewState.markovChain) {
            if (!mChainStates.isChain(schedule, &data->points, mDocument->noiseSeed())) {
                // Share x_0 without copying: the document's data set outlives this alias.
                std::shared_ptr<const dl::Batch> x0(data, &data->points);
                mChainStates.reset(schedule, std::move(x0), mDocument->noiseSeed());
            }
            // The worker walks the chain; until it reaches tt the newest state it has is shown, with
            // its own t in the caption.
            const MarkovChainStates::State& shown = mChainStates.request(tt);
            mState = shown.x;
            shownT = shown.t;
        } else {
            // Of an image set only the first kMaxImagesShown are drawn: noising all of them (8,000 images
            // of 64×64 are 131 MB) took the window's thread 0.6 s at every t.
            mState = mDocument->forwardState(tt, data->isImage() ? kMaxImagesShown : -1);
        }
        if (shownT < 0) {
            scene.caption = tr("Markov chain: computing t = %1 …").arg(tt);
        } else {
            QString chainNote;
            if (viewState.markovChain)
                chainNote = shownT == tt ? tr("   (Markov chain)")
                                         : tr("   (Markov chain, computing t = %1 …)").arg(tt);
            scene.caption = tr("t = %1 / %2   ᾱₜ = %3%4")
                                .arg(shownT)
                                .arg(schedule.T())
                                .arg(alphaBarText(schedule.alphaBar(shownT)))
                                .arg(chainNote);
        }
    }

    if (mState.rows() > 0) {
        if (data->isImage()) {
            const int shown = std::min<int>(static_cast<int>(mState.rows()), kMaxImagesShown);
            scene.images = mState.topRows(shown);
            scene.imageShape = data->image;
        } else {
            scene.points = data->norm.toData(mState);
            if (colorKeys.size() == static_cast<std::size_t>(mState.rows()))
                scene.colorKeys = std::move(colorKeys);
        }
    }

    const Frame frame{t,
                      viewState.mode,
                      viewState.markovChain,
                      mDocument,
                      mState.rows() > 0 ? &mState : nullptr,
                      QSizeF(size())};
    for (auto& [id, decorate] : mDecorators) decorate(scene, frame);
    mTrailLayer.noteTrails(mScene.trails, scene.trails);
    mScene = std::move(scene);
    update();
}

void MainView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    Q_EMIT resized();
}

void MainView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QRectF target(rect());
    const RenderOptions options = paintOptions();
    paintScene(painter, target, mScene, options,
               mTrailLayer.layer(target, mScene, options, devicePixelRatioF()));
    if (mDrawing) {
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(QPen(QColor(230, 120, 20), 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        for (const dl::Stroke& stroke : mStrokes) {
            QPainterPath path;
            for (std::size_t i = 0; i < stroke.size(); ++i) {
                const QPointF p = toWidget(stroke[i]);
                i == 0 ? path.moveTo(p) : path.lineTo(p);
            }
            if (stroke.size() == 1) path.addEllipse(toWidget(stroke[0]), 2.0, 2.0);
            painter.drawPath(path);
        }
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignTop | Qt::AlignRight,
                         tr("Drawing: drag to add strokes"));
    }
}

Eigen::Vector2f MainView::toData(const QPointF& pos) const {
    const QRectF b = sceneDataBounds(mScene, QRectF(rect()));
    const double u = pos.x() / std::max(1, width());
    const double v = pos.y() / std::max(1, height());
    // y grows upwards in data coordinates.
    return {static_cast<float>(b.left() + u * b.width()), static_cast<float>(b.bottom() - v * b.height())};
}

QPointF MainView::toWidget(const Eigen::Vector2f& p) const {
    const QRectF b = sceneDataBounds(mScene, QRectF(rect()));
    if (b.width() <= 0 || b.height() <= 0) return {};
    return {(p.x() - b.left()) / b.width() * width(), (b.bottom() - p.y()) / b.height() * height()};
}

void MainView::setDrawingEnabled(bool on) {
    mDrawing = on;
    setCursor(on ? Qt::CrossCursor : Qt::ArrowCursor);
    update();
}

void MainView::clearStrokes() {
    mStrokes.clear();
    update();
    Q_EMIT strokesChanged();
}

void MainView::setStrokes(const std::vector<dl::Stroke>& strokes, double strokeUnit) {
    mStrokes = strokes;
    mStrokeUnit = strokeUnit > 0.0 ? strokeUnit : 1.0;
    mStrokeActive = false;
    update();
    Q_EMIT strokesChanged();
}

void MainView::mousePressEvent(QMouseEvent* event) {
    if (!mDrawing || event->button() != Qt::LeftButton) return QWidget::mousePressEvent(event);
    if (mStrokes.empty()) {
        // Strokes are measured against the view they are drawn in (DataSource::strokeUnit).
        const QRectF b = sceneDataBounds(mScene, QRectF(rect()));
        mStrokeUnit = std::max(b.width(), b.height()) > 0 ? std::max(b.width(), b.height()) : 1.0;
    }
    mStrokes.push_back({toData(event->position())});
    mStrokeActive = true;
    update();
}

void MainView::mouseMoveEvent(QMouseEvent* event) {
    if (!mStrokeActive) return QWidget::mouseMoveEvent(event);
    mStrokes.back().push_back(toData(event->position()));
    update();
}

void MainView::mouseReleaseEvent(QMouseEvent* event) {
    if (!mStrokeActive) return QWidget::mouseReleaseEvent(event);
    mStrokeActive = false;
    Q_EMIT strokesChanged();
}

}  // namespace dlui
