// Playback and live figures in the real window, driven with the keyboard and the mouse (offscreen):
// the quality line never shows the previous model's figure; DDIM with K steps plays its K + 1 recorded
// states, and the caption names the t of the state drawn (interpolation only when asked, and labelled);
// trails fade with age, are few by default, and can follow DDIM (η = 0) paths from the same x_T; reverse
// points are coloured by their final position as in exported and CLI frames; hand-drawn strokes are
// measured in view units, their point count is shown before loading, and big sets are confirmed first.
// The Markov-chain view walks its chain in a worker and ends at the exact state for the slider's t.
#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QtTest>
#include <cmath>
#include <set>

#include "core/data/pointgenerators.h"
#include "core/math/markovchaincache.h"
#include "core/math/rng.h"
#include "tests/support/smalltraining.h"
#include "tests/support/windowtestoptions.h"
#include "ui/data/dataloader.h"
#include "ui/data/datapanel.h"
#include "ui/document/labdocument.h"
#include "ui/export/exportinput.h"
#include "ui/render/framesource.h"
#include "ui/render/palette.h"
#include "ui/sampling/samplingcontroller.h"
#include "ui/sampling/samplingpanel.h"
#include "ui/sampling/samplingtrails.h"
#include "ui/training/trainingcontroller.h"
#include "ui/training/trainpanel.h"
#include "ui/view/mainview.h"
#include "ui/view/timeline.h"
#include "ui/view/timelinewidget.h"
#include "ui/window/labwindow.h"
#include "ui/window/mainwindow.h"
#include "ui/window/trainingandsampling.h"

using dlui::LabWindow;
using dlui::MainWindow;

namespace {

dlui::TrainingSettings smallSettings(int steps) {
    dlui::TrainingSettings s = dltest::smallTraining(steps);
    s.qualityIntervalSeconds = 0.2;
    s.qualitySamples = 100;
    return s;
}

/// Types a value into a spin box as a person does: select all, type, Enter.
template <typename Box>
void typeInto(Box* box, const QString& text) {
    box->setFocus();
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Return);
}

/// Moves a combo box to `index` with the arrow keys.
void chooseWithKeys(QComboBox* box, int index) {
    QVERIFY(index >= 0);
    box->setFocus();
    for (int guard = 0; box->currentIndex() != index && guard < 50; ++guard)
        QTest::keyClick(box, box->currentIndex() < index ? Qt::Key_Down : Qt::Key_Up);
    QCOMPARE(box->currentIndex(), index);
}

double pathLength(const dl::Batch& path) {
    double length = 0.0;
    for (Eigen::Index i = 1; i < path.rows(); ++i) length += (path.row(i) - path.row(i - 1)).norm();
    return length;
}

/// The t written in a reverse caption ("… · t = 83" or "… · t = 78 (interpolated …").
int captionT(const QString& caption) {
    static const QRegularExpression re(QStringLiteral("t = (\\d+)"));
    const QRegularExpressionMatch m = re.match(caption);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

void keepScreenshot(QWidget& window, const QString& name) {
    const QString dir = qEnvironmentVariable("DL_SCREENSHOT_DIR");
    if (!dir.isEmpty()) window.grab().save(QDir(dir).filePath(name));
}

}  // namespace

class TestWindowPlayback : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void qualityLineIsNeverThePreviousModels();
    void ddimPlaysItsRecordedStates();
    void ddimTrailsAreSmoothAndColoursMatchExport();
    void trailsFadeWithAge();
    void strokesAreMeasuredInViewUnits();
    void bigDrawnSetsAreConfirmed();
    void aSessionsStrokesComeBackToTheEditor();
    void aLongSamplingRunShowsItsProgress();
    void quittingAsksAboutStrokesNotLoaded();
    void langevinIsNotClipped();
    void markovChainStatesComeFromAWorker();

private:
    dlui::TrainingAndSampling* live() const { return dlui::TrainingAndSampling::of(mWindow.get()); }
    dlui::SamplingPanel* sampling() const { return live()->samplingPanel(); }
    template <typename T>
    T* find(const QString& name) const {
        T* w = mWindow->findChild<T*>(name);
        if (!w) qWarning("no widget named %s", qPrintable(name));
        return w;
    }
    /// Exact denoiser, the given sampler and K, n points; presses Sample and waits for the result.
    void sampleExact(int samplerIndex, int steps, int n);
    /// Strokes drawn with the mouse on the main view: two horizontal lines across half its width.
    void drawTwoStrokes();

    std::unique_ptr<MainWindow> mWindow;
};

void TestWindowPlayback::init() {
    mWindow = std::make_unique<LabWindow>(dltest::windowTestOptions());
    mWindow->resize(1280, 800);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    QVERIFY(live());
    live()->trainPanel()->setAskBeforeDiscard(false);
}

void TestWindowPlayback::cleanup() {
    mWindow.reset();
}

void TestWindowPlayback::sampleExact(int samplerIndex, int steps, int n) {
    chooseWithKeys(sampling()->denoiserBox(), 1);  // the exact denoiser of the data
    chooseWithKeys(sampling()->samplerBox(), samplerIndex);
    typeInto(find<QSpinBox>(QStringLiteral("samplerSteps")), QString::number(steps));
    typeInto(find<QSpinBox>(QStringLiteral("sampleCount")), QString::number(n));
    QSignalSpy ready(sampling(), &dlui::SamplingPanel::samplesReady);
    QTest::mouseClick(sampling()->sampleButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 30000);
}

void TestWindowPlayback::qualityLineIsNeverThePreviousModels() {
    dlui::TrainPanel* train = live()->trainPanel();
    dlui::TrainingController* training = live()->trainingController();
    train->setSettings(smallSettings(400));
    QSignalSpy ended(training, &dlui::TrainingController::runEnded);
    mWindow->actions().train->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(train->qualityText().contains(QStringLiteral("quality at step")), 10000);

    // Other data (the next shape, chosen with the keyboard): the old figure is marked as such.
    QSignalSpy dataChanged(mWindow->document(), &dlui::LabDocument::dataSetChanged);
    dlui::DataPanel* data = mWindow->dataPanel();
    chooseWithKeys(data->shapeBox(), (data->shapeBox()->currentIndex() + 1) % data->shapeBox()->count());
    QTRY_COMPARE_WITH_TIMEOUT(dataChanged.count(), 1, 10000);
    QVERIFY2(train->qualityText().contains(QStringLiteral("other data")), qPrintable(train->qualityText()));

    // A new run: pending at once, then a figure from the new run only.
    train->setSettings(smallSettings(100000000));
    QSignalSpy measured(training, &dlui::TrainingController::qualityMeasured);
    mWindow->actions().train->trigger();
    QVERIFY2(train->qualityText().contains(QStringLiteral("measuring the new model")),
             qPrintable(train->qualityText()));
    QVERIFY(!train->qualityText().contains(QStringLiteral("SW")));
    QTRY_VERIFY_WITH_TIMEOUT(measured.count() >= 1, 20000);
    QVERIFY(train->qualityText().contains(QStringLiteral("quality at step")));
    mWindow->actions().stopTraining->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!training->isActive(), 10000);
}

void TestWindowPlayback::ddimPlaysItsRecordedStates() {
    dlui::Timeline* timeline = mWindow->timeline();
    std::vector<int> played;
    connect(timeline, &dlui::Timeline::tChanged, this, [&](int t) {
        played.push_back(t);
        // The caption and the state drawn come from the same t, in the same frame.
        mWindow->mainView()->rebuildNow();
        const auto trajectory = mWindow->document()->trajectory();
        if (timeline->mode() != dlui::Timeline::Mode::Reverse || !trajectory || timeline->smoothReverse())
            return;
        const int shown = captionT(mWindow->mainView()->scene().caption);
        QCOMPARE(shown, t);
        const dl::Batch* state = trajectory->stateAt(t);
        QVERIFY(state && mWindow->mainView()->shownState().isApprox(*state));
    });
    find<QCheckBox>(QStringLiteral("trailsBox"))->click();  // trails on, as in the report
    timeline->setSpeed(400);
    sampleExact(2, 10, 300);  // DDIM, K = 10
    const auto trajectory = mWindow->document()->trajectory();
    QCOMPARE(int(trajectory->timesteps.size()), 11);
    QTRY_VERIFY_WITH_TIMEOUT(!timeline->isPlaying(), 10000);
    QCOMPARE(timeline->t(), 0);
    const std::set<int> stops(trajectory->timesteps.begin(), trajectory->timesteps.end());
    for (int t : played)
        if (timeline->mode() == dlui::Timeline::Mode::Reverse)
            QVERIFY2(stops.count(t) == 1,
                     qPrintable(QStringLiteral("played t = %1, not a recorded state").arg(t)));
    QVERIFY(std::set<int>(played.begin(), played.end()).size() <= stops.size());

    // Typing a t between two states lands on a recorded one; the t box shows it too.
    auto* tBox = mWindow->timelineWidget()->findChild<QSpinBox*>();
    QVERIFY(tBox);
    timeline->jumpToStart();
    typeInto(tBox, QStringLiteral("78"));
    QVERIFY(stops.count(timeline->t()) == 1);
    QCOMPARE(tBox->value(), timeline->t());
    QCOMPARE(captionT(mWindow->mainView()->scene().caption), timeline->t());

    // The step button goes to the next recorded state.
    QToolButton* next = nullptr;
    for (QToolButton* b : mWindow->timelineWidget()->findChildren<QToolButton*>())
        if (b->toolTip().contains(QStringLiteral("→"))) next = b;
    QVERIFY(next);
    const int before = timeline->t();
    QTest::mouseClick(next, Qt::LeftButton);
    auto it = stops.lower_bound(before);
    QVERIFY(it != stops.begin());
    QCOMPARE(timeline->t(), *std::prev(it));

    // Smooth playback: every t, labelled as interpolated between the two states around it.
    find<QCheckBox>(QStringLiteral("smoothReverse"))->click();
    const int between = (trajectory->timesteps[4] + trajectory->timesteps[5]) / 2;
    QVERIFY(stops.count(between) == 0);
    typeInto(tBox, QString::number(between));
    QCOMPARE(timeline->t(), between);
    mWindow->mainView()->rebuildNow();
    const QString caption = mWindow->mainView()->scene().caption;
    QVERIFY2(caption.contains(QStringLiteral("interpolated")), qPrintable(caption));
    QCOMPARE(captionT(caption), between);
    keepScreenshot(*mWindow, QStringLiteral("window-ddim-interpolated.png"));
}

void TestWindowPlayback::ddimTrailsAreSmoothAndColoursMatchExport() {
    auto* trailsBox = find<QCheckBox>(QStringLiteral("trailsBox"));
    trailsBox->click();
    QCOMPARE(sampling()->trailCount(), dlui::kDefaultTrailCount);
    auto* kind = find<QComboBox>(QStringLiteral("trailKind"));
    chooseWithKeys(kind, kind->findData(int(dlui::TrailKind::Ddim)));
    find<QCheckBox>(QStringLiteral("smoothReverse"));
    sampleExact(0, 0, 400);  // DDPM (β̃), all T
    const auto trajectory = mWindow->document()->trajectory();
    QVERIFY(!trajectory->ddimPaths.empty());
    QCOMPARE(trajectory->ddimPaths.timesteps.front(), trajectory->timesteps.front());
    QCOMPARE(trajectory->ddimPaths.timesteps.back(), 0);

    dlui::Timeline* timeline = mWindow->timeline();
    timeline->pause();
    auto* tBox = mWindow->timelineWidget()->findChild<QSpinBox*>();
    typeInto(tBox, QStringLiteral("0"));
    mWindow->mainView()->rebuildNow();
    const std::vector<dl::Batch> ddim = mWindow->mainView()->scene().trails;
    QCOMPARE(int(ddim.size()), dlui::kDefaultTrailCount);
    // Each DDIM trail starts at the x_T of its row and ends where DDIM (η = 0) ends.
    const dl::Normalisation& norm = mWindow->document()->dataSet()->norm;
    const auto rows =
        dlui::trailRows(Eigen::Index(trajectory->ddimPaths.rows.size()), dlui::kDefaultTrailCount);
    const dl::Batch start = norm.toData(trajectory->states.front().row(trajectory->ddimPaths.rows[rows[0]]));
    QVERIFY((ddim[0].row(0) - start.row(0)).norm() < 1e-4f);
    const dl::Batch end = norm.toData(trajectory->ddimPaths.states.back().row(rows[0]));
    QVERIFY((ddim[0].bottomRows(1) - end).norm() < 1e-4f);
    keepScreenshot(*mWindow, QStringLiteral("window-ddim-trails.png"));

    chooseWithKeys(kind, kind->findData(int(dlui::TrailKind::Sampled)));
    mWindow->mainView()->rebuildNow();
    const std::vector<dl::Batch> sampled = mWindow->mainView()->scene().trails;
    QCOMPARE(sampled.size(), ddim.size());
    double ddimLength = 0.0, sampledLength = 0.0;
    for (const auto& p : ddim) ddimLength += pathLength(p);
    for (const auto& p : sampled) sampledLength += pathLength(p);
    qInfo("mean trail length: DDIM %.2f, DDPM %.2f", ddimLength / ddim.size(),
          sampledLength / sampled.size());
    QVERIFY2(sampledLength > 2.0 * ddimLength, "DDPM's random walks should be much longer than DDIM's paths");

    // Reverse colours: by final position, the same keys as the exported (and CLI-rendered) frames.
    const std::vector<float>& viewKeys = mWindow->mainView()->scene().colorKeys;
    QCOMPARE(viewKeys, dlui::colorKeysFromX(trajectory->states.back()));
    dlui::FrameSelection selection;
    selection.animation = dlui::AnimationKind::Reverse;
    const dlui::FrameSource frames(dlui::makeExportInput(*mWindow->document()), selection, {}, {});
    QCOMPARE(frames.scene(0).colorKeys, viewKeys);
}

void TestWindowPlayback::trailsFadeWithAge() {
    // One straight trail from left (oldest) to right (newest): the old end is drawn fainter.
    dlui::Scene scene;
    scene.viewBounds = QRectF(-1, -1, 2, 2);
    dl::Batch trail(41, 2);
    for (int i = 0; i <= 40; ++i) trail.row(i) << -0.9f + 1.8f * float(i) / 40.0f, 0.0f;
    scene.trails.push_back(trail);
    dlui::RenderOptions options;
    options.size = QSize(400, 400);
    options.drawAxes = false;
    options.drawCaption = false;
    const QImage image = dlui::renderScene(scene, options);
    const QColor background = image.pixelColor(200, 20);
    auto contrast = [&](int x) {
        int best = 0;
        for (int y = 190; y <= 210; ++y) {
            const QColor c = image.pixelColor(x, y);
            best = std::max(best, std::abs(c.red() - background.red()) +
                                      std::abs(c.green() - background.green()) +
                                      std::abs(c.blue() - background.blue()));
        }
        return best;
    };
    const int oldEnd = contrast(40), newEnd = contrast(360);
    qInfo("contrast: old end %d, new end %d", oldEnd, newEnd);
    QVERIFY(newEnd > 0);
    QVERIFY(newEnd > 3 * oldEnd);
}

void TestWindowPlayback::drawTwoStrokes() {
    dlui::MainView* view = mWindow->mainView();
    QTRY_VERIFY(view->isDrawingEnabled());
    const int w = view->width(), h = view->height();
    for (int y : {h / 3, 2 * h / 3}) {
        QTest::mousePress(view, Qt::LeftButton, Qt::NoModifier, QPoint(w / 4, y));
        for (int i = 1; i <= 10; ++i) QTest::mouseMove(view, QPoint(w / 4 + i * w / 20, y));
        QTest::mouseRelease(view, Qt::LeftButton, Qt::NoModifier, QPoint(3 * w / 4, y));
    }
}

void TestWindowPlayback::strokesAreMeasuredInViewUnits() {
    dlui::DataPanel* panel = mWindow->dataPanel();
    QComboBox* source = panel->sourceBox();
    // The previous data set is in large units (a CSV in millimetres, say): it must not matter.
    dl::Rng rng(3);
    dlui::DataSource big;
    big.kind = dlui::DataSource::Kind::Csv;
    mWindow->document()->setDataSet(
        dl::makePointDataSet("big", 1000.0f * dl::generatePoints("moons", 2000, rng)), big);
    chooseWithKeys(source, source->findData(int(dlui::DataSource::Kind::HandDrawn)));
    drawTwoStrokes();
    dlui::MainView* view = mWindow->mainView();
    QCOMPARE(int(view->strokes().size()), 2);

    // Two strokes of half the view's width: about density × (half the width in view units) points each.
    const QRectF b = dlui::sceneDataBounds(view->scene(), QRectF(view->rect()));
    const double halfWidth = 0.5 * b.width() / std::max(b.width(), b.height());
    const double expected = 2.0 * panel->densityBox()->value() * halfWidth;
    dlui::DataSource drawn = panel->currentSource();
    drawn.strokes = view->strokes();
    drawn.strokeUnit = view->strokeUnit();
    const int count = dlui::handDrawnPointCount(drawn);
    qInfo("drawn over data in units of 1000: %d points (expected about %.0f)", count, expected);
    QVERIFY2(std::abs(count - expected) < 0.05 * expected, qPrintable(QString::number(count)));
    // Shown before loading.
    QVERIFY2(panel->strokeCountText().contains(QLocale().toString(count)),
             qPrintable(panel->strokeCountText()));

    QSignalSpy changed(mWindow->document(), &dlui::LabDocument::dataSetChanged);
    QTest::mouseClick(panel->applyButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 10000);
    QCOMPARE(mWindow->document()->dataSet()->size(), count);
    keepScreenshot(*mWindow, QStringLiteral("window-drawn.png"));
}

void TestWindowPlayback::bigDrawnSetsAreConfirmed() {
    dlui::DataPanel* panel = mWindow->dataPanel();
    chooseWithKeys(panel->sourceBox(), panel->sourceBox()->findData(int(dlui::DataSource::Kind::HandDrawn)));
    drawTwoStrokes();
    typeInto(panel->densityBox(), QStringLiteral("250000"));
    QTRY_VERIFY(panel->strokeCountText().contains(QStringLiteral("points")));
    dlui::DataSource drawn = panel->currentSource();
    drawn.strokes = mWindow->mainView()->strokes();
    drawn.strokeUnit = mWindow->mainView()->strokeUnit();
    const int count = dlui::handDrawnPointCount(drawn);
    QVERIFY(count > dlui::kHandDrawnConfirmPoints);
    const int before = mWindow->document()->dataSet()->size();

    // "No": nothing is loaded, the strokes stay.
    bool asked = false;
    QTimer::singleShot(0, this, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        QVERIFY(box);
        asked = box->text().contains(QLocale().toString(count));
        QTest::mouseClick(box->button(QMessageBox::No), Qt::LeftButton);
    });
    QTest::mouseClick(panel->applyButton(), Qt::LeftButton);
    QTRY_VERIFY(asked);
    QTest::qWait(50);
    QCOMPARE(mWindow->document()->dataSet()->size(), before);
    QCOMPARE(int(mWindow->mainView()->strokes().size()), 2);

    // "Yes": loaded as drawn.
    QSignalSpy changed(mWindow->document(), &dlui::LabDocument::dataSetChanged);
    QTimer::singleShot(0, this, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        QVERIFY(box);
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    });
    QTest::mouseClick(panel->applyButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 20000);
    QCOMPARE(mWindow->document()->dataSet()->size(), count);
}

void TestWindowPlayback::markovChainStatesComeFromAWorker() {
    // The "Markov chain" box: the view walks the chain in a worker, shows the newest state it has with
    // that state's own t in the caption, and ends at the chain's exact state for the slider's t.
    dlui::MainView* view = mWindow->mainView();
    dlui::Timeline* timeline = mWindow->timeline();
    const int T = mWindow->document()->schedule().T();
    QTest::mouseClick(mWindow->timelineWidget()->markovBox(), Qt::LeftButton);
    QVERIFY(mWindow->document()->viewState().markovChain);
    timeline->setT(T);

    const auto data = mWindow->document()->dataSet();
    dl::MarkovChainCache reference(mWindow->document()->schedule(),
                                   std::shared_ptr<const dl::Batch>(data, &data->points),
                                   mWindow->document()->noiseSeed());
    view->rebuildNow();
    const int firstShown = captionT(view->scene().caption);
    if (view->shownState().rows() > 0) {
        // Whatever was shown first is the chain's state for the t its caption names.
        QVERIFY2(firstShown >= 0 && view->shownState() == reference.stateAt(firstShown),
                 qPrintable(view->scene().caption));
    } else {
        QVERIFY2(view->scene().caption.contains(QStringLiteral("computing")),
                 qPrintable(view->scene().caption));
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        (view->rebuildNow(), view->scene().caption.endsWith(QStringLiteral("(Markov chain)"))), 10000);
    QCOMPARE(captionT(view->scene().caption), T);
    QVERIFY(view->shownState() == reference.stateAt(T));
}

// A drawn data set saved in a session came back as points only: the Data panel said "No strokes yet.", a
// drag on the view drew nothing, and the next stroke then replaced the whole drawing. And drawing mode
// stayed on over a CSV opened with Ctrl+O: its label covered the view's caption and drags drew on the
// samples.
void TestWindowPlayback::aSessionsStrokesComeBackToTheEditor() {
    dlui::DataPanel* panel = mWindow->dataPanel();
    chooseWithKeys(panel->sourceBox(), panel->sourceBox()->findData(int(dlui::DataSource::Kind::HandDrawn)));
    drawTwoStrokes();
    QSignalSpy changed(mWindow->document(), &dlui::LabDocument::dataSetChanged);
    QTest::mouseClick(panel->applyButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 10000);
    const std::vector<dl::Stroke> drawn = mWindow->mainView()->strokes();
    const double unit = mWindow->mainView()->strokeUnit();
    QTemporaryDir dir;
    const QString session = dir.filePath(QStringLiteral("drawn.json"));
    QString error;
    QVERIFY2(mWindow->saveSessionTo(session, &error), qPrintable(error));

    mWindow.reset();
    init();
    QVERIFY(!mWindow->mainView()->isDrawingEnabled());
    QVERIFY(mWindow->openFile(session));
    QTRY_VERIFY_WITH_TIMEOUT(mWindow->document()->dataSource().kind == dlui::DataSource::Kind::HandDrawn,
                             10000);
    dlui::MainView* view = mWindow->mainView();
    QTRY_VERIFY(view->isDrawingEnabled());
    QCOMPARE(int(view->strokes().size()), 2);
    QVERIFY(view->strokes() == drawn);
    QCOMPARE(view->strokeUnit(), unit);
    panel = mWindow->dataPanel();
    QVERIFY2(panel->strokeCountText().contains(QStringLiteral("2 stroke")),
             qPrintable(panel->strokeCountText()));
    // A third stroke adds to the two.
    const QRect r = view->rect();
    QTest::mousePress(view, Qt::LeftButton, {}, QPoint(r.width() / 4, r.height() * 3 / 4));
    QTest::mouseMove(view, QPoint(r.width() / 2, r.height() * 3 / 4));
    QTest::mouseRelease(view, Qt::LeftButton, {}, QPoint(r.width() / 2, r.height() * 3 / 4));
    QCOMPARE(int(view->strokes().size()), 3);

    // Other data end drawing mode.
    const QString csv = dir.filePath(QStringLiteral("points.csv"));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly));
    for (int i = 0; i < 200; ++i)
        f.write(QByteArray::number(i * 0.01) + "," + QByteArray::number(i % 7) + "\n");
    f.close();
    QVERIFY(mWindow->openFile(csv));
    QTRY_VERIFY_WITH_TIMEOUT(mWindow->document()->dataSource().kind == dlui::DataSource::Kind::Csv, 10000);
    QVERIFY(!view->isDrawingEnabled());
}

// A reverse chain of T = 9999 took 18 s, and with the Sampling dock behind Explain nothing said it was
// running. A run that lasts over half a second puts its progress in the status bar; a short one does not.
void TestWindowPlayback::aLongSamplingRunShowsItsProgress() {
    dlui::SamplingController* controller = live()->samplingController();
    QStatusBar* status = mWindow->statusBar();
    status->clearMessage();
    Q_EMIT controller->progressReported(7, 0, 100);
    Q_EMIT controller->progressReported(7, 10, 100);
    QVERIFY2(!status->currentMessage().startsWith(QStringLiteral("Sampling")),
             qPrintable(status->currentMessage()));
    QTest::qWait(600);
    Q_EMIT controller->progressReported(7, 40, 100);
    QCOMPARE(status->currentMessage(), QStringLiteral("Sampling… 40 %"));
    // The next run starts its own clock.
    status->clearMessage();
    Q_EMIT controller->progressReported(8, 50, 100);
    QVERIFY2(status->currentMessage().isEmpty(), qPrintable(status->currentMessage()));
}

// Quitting with a drawing not yet loaded lost it without a question: the session keeps the loaded data's
// source, so the strokes count as a close warning (which the quit question names) until they are loaded.
void TestWindowPlayback::quittingAsksAboutStrokesNotLoaded() {
    dlui::DataPanel* panel = mWindow->dataPanel();
    QVERIFY(mWindow->closeWarnings().join(QLatin1Char(' ')).isEmpty());
    chooseWithKeys(panel->sourceBox(), panel->sourceBox()->findData(int(dlui::DataSource::Kind::HandDrawn)));
    drawTwoStrokes();
    QVERIFY2(mWindow->closeWarnings().join(QLatin1Char(' ')).contains(QStringLiteral("strokes drawn")),
             qPrintable(mWindow->closeWarnings().join(QLatin1Char(' '))));
    QSignalSpy changed(mWindow->document(), &dlui::LabDocument::dataSetChanged);
    QTest::mouseClick(panel->applyButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 10000);
    QVERIFY2(mWindow->closeWarnings().join(QLatin1Char(' ')).isEmpty(),
             qPrintable(mWindow->closeWarnings().join(QLatin1Char(' '))));
    // One more stroke, not loaded: asked again.
    dlui::MainView* view = mWindow->mainView();
    const QRect r = view->rect();
    QTest::mousePress(view, Qt::LeftButton, {}, QPoint(r.width() / 4, r.height() * 3 / 4));
    QTest::mouseMove(view, QPoint(r.width() / 2, r.height() * 3 / 4));
    QTest::mouseRelease(view, Qt::LeftButton, {}, QPoint(r.width() / 2, r.height() * 3 / 4));
    QVERIFY(!mWindow->closeWarnings().isEmpty());
}

// "Clip x̂₀ to the data's range" (on by default) reached only Langevin's last denoising step and piled the
// points still far out onto the edges of a box, which a student read as what Langevin makes. Langevin is
// not clipped, and the row is not shown for it.
void TestWindowPlayback::langevinIsNotClipped() {
    auto* clip = find<QCheckBox>(QStringLiteral("samplingClip"));
    QVERIFY(clip && clip->isChecked());
    QComboBox* samplers = sampling()->samplerBox();
    chooseWithKeys(samplers, samplers->findData(int(dl::SamplerKind::Langevin)));
    QVERIFY(!sampling()->samplerParams().clipX0);
    QVERIFY(!clip->isVisible());
    chooseWithKeys(samplers, samplers->findData(int(dl::SamplerKind::DdpmPosterior)));
    QVERIFY(sampling()->samplerParams().clipX0);
    QVERIFY(clip->isVisible());
}

QTEST_MAIN(TestWindowPlayback)
#include "tst_window_playback.moc"
