// The side-by-side comparison in the real window at 1280×720, the way a person uses it: View ▸ Compare
// side by side (and Ctrl+K) swaps the main view for the panes; a preset and the shared slider move every
// pane by the same fraction t/T; forward panes use the document's one ε; reverse panes sample off the GUI
// thread from the same x_T; a pane's settings editor changes that pane; Ctrl+E exports the tiled panes
// as a GIF that decodes back to the expected frames.
#include <QAction>
#include <QComboBox>
#include <QImageReader>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <cmath>
#include <functional>

#include "core/data/pointgenerators.h"
#include "core/math/rng.h"
#include "tests/support/modaldialogs.h"
#include "tests/support/windowtestoptions.h"
#include "ui/compare/comparison.h"
#include "ui/compare/comparisonpanewidget.h"
#include "ui/compare/comparisonplots.h"
#include "ui/compare/comparisonview.h"
#include "ui/compare/panesettingseditor.h"
#include "ui/compare/windowcompare.h"
#include "ui/document/labdocument.h"
#include "ui/explain/explainpanel.h"
#include "ui/export/exportdialog.h"
#include "ui/render/alphabartext.h"
#include "ui/view/mainview.h"
#include "ui/view/timeline.h"
#include "ui/view/timelinewidget.h"
#include "ui/window/labwindow.h"
#include "ui/window/thememenu.h"

using dlui::LabWindow;
using dlui::WindowCompare;

namespace {

using dltest::whenModalOpens;

QString fourDigits(double ab) {
    return dlui::alphaBarText(ab);
}

}  // namespace

class TestWindowCompare : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup() { mWindow.reset(); }

    void viewMenuActionOpensTheComparison();
    void sharedSliderMovesEveryPaneByFraction();
    void forwardPanesShareTheDocumentsNoise();
    void reverseSamplesEveryPaneFromTheSameNoise();
    void paneSettingsEditorChangesThatPane();
    void exportRendersTheComparisonAsAGif();
    void exportDialogOffersTheComparisonOnlyWhileItIsOn();
    void panesTakeTheViewsLookAndPresenterScale();

private:
    QAction* compareAction() const;
    WindowCompare* compare() const { return WindowCompare::of(mWindow.get()); }
    dlui::ComparisonView* view() const { return compare()->view(); }
    /// Opens the comparison through the View menu and applies a preset through the setup bar.
    void openWithPreset(const QString& preset);

    std::unique_ptr<LabWindow> mWindow;
};

void TestWindowCompare::init() {
    mWindow = std::make_unique<LabWindow>(dltest::windowTestOptions());
    mWindow->resize(1280, 720);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    // Few points: the exact denoiser of every reverse pane then runs in well under a second.
    dl::Rng rng(3);
    dlui::DataSource source;
    source.count = 300;
    mWindow->document()->setDataSet(dl::makePointDataSet("moons", dl::generatePoints("moons", 300, rng)),
                                    source);
}

QAction* TestWindowCompare::compareAction() const {
    for (QAction* a : mWindow->viewMenu()->actions())
        if (a->text() == QStringLiteral("Com&pare side by side")) return a;
    return nullptr;
}

void TestWindowCompare::openWithPreset(const QString& preset) {
    QAction* action = compareAction();
    QVERIFY(action);
    action->trigger();
    QVERIFY(compare()->isActive());
    QComboBox* presets = view()->presetBox();
    const int index = presets->findText(preset);
    QVERIFY2(index >= 0, qPrintable(preset));
    presets->setCurrentIndex(index);
    QTest::mouseClick(view()->applyPresetButton(), Qt::LeftButton);
}

void TestWindowCompare::viewMenuActionOpensTheComparison() {
    QAction* action = compareAction();
    QVERIFY2(action, "View ▸ Compare side by side is missing");
    QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+K")));
    QVERIFY(mWindow->mainView()->isVisible());
    const QSize before = mWindow->size();
    action->trigger();
    QVERIFY(view() && view()->isVisible());
    QCoreApplication::processEvents();
    QCOMPARE(mWindow->size(), before);  // the layout fits where the main view was: the window keeps its size
    QVERIFY(!mWindow->mainView()->isVisible());
    const auto panes = view()->paneWidgets();
    QCOMPARE(panes.size(), 2);
    // At 1280×720 both panes get a usable canvas, side by side.
    for (dlui::ComparisonPaneWidget* pane : panes) {
        QVERIFY(pane->isVisible());
        QVERIFY2(
            pane->canvas()->width() >= 200 && pane->canvas()->height() >= 200,
            qPrintable(QStringLiteral("%1×%2").arg(pane->canvas()->width()).arg(pane->canvas()->height())));
    }
    QVERIFY(panes[0]->mapTo(mWindow.get(), QPoint()).x() < panes[1]->mapTo(mWindow.get(), QPoint()).x());
    // The preset and direction combos show their choices whole where there is room ("Linear vs co" and
    // "Forward (no" were cut at six characters): as wide as a combo sized to its longest item.
    for (QComboBox* box : {view()->presetBox(), view()->directionBox()}) {
        QComboBox whole;
        whole.setSizeAdjustPolicy(QComboBox::AdjustToContents);
        for (int i = 0; i < box->count(); ++i) whole.addItem(box->itemText(i));
        QVERIFY2(box->width() >= whole.sizeHint().width(), qPrintable(QStringLiteral("%1: %2 px of %3")
                                                                          .arg(box->objectName())
                                                                          .arg(box->width())
                                                                          .arg(whole.sizeHint().width())));
    }
    // The schedule plots overlay both compared schedules, against t/T.
    dlui::ComparisonPlots* plots = compare()->plots();
    QVERIFY(plots && plots->isVisible());
    QCOMPARE(plots->curveCount(), 2);
    QCOMPARE(plots->alphaBarKeys(1).last(), 1.0);
    // The Explain dock says its numbers are the hidden main view's, not the panes' (it read "Values at
    // t = 1000 of T = 1000" beside panes at t = 24 / 150).
    auto* explain = mWindow->findChild<dlui::ExplainPanel*>();
    QVERIFY(explain);
    QCOMPARE(explain->shownSections().value(0), QStringLiteral("comparing"));
    // Toggled off (Ctrl+K this time): the main view is back.
    QTest::keyClick(mWindow.get(), Qt::Key_K, Qt::ControlModifier);
    QVERIFY(!compare()->isActive());
    QVERIFY(!action->isChecked());
    QVERIFY(mWindow->mainView()->isVisible());
    QVERIFY(!view()->isVisible());
    QVERIFY(!plots->isVisible());
    QVERIFY(!explain->shownSections().contains(QStringLiteral("comparing")));
    QTest::keyClick(mWindow.get(), Qt::Key_K, Qt::ControlModifier);
    QVERIFY(compare()->isActive() && view()->isVisible());
    // The panes have their own slider; the main timeline stays hidden, also in presenter mode, which
    // brought it back to play a t no pane showed.
    QVERIFY(!mWindow->timelineWidget()->isVisible());
    mWindow->setPresenterMode(true);
    QVERIFY(view()->isVisible());
    QVERIFY(!mWindow->timelineWidget()->isVisible());
    mWindow->setPresenterMode(false);
    QVERIFY(!mWindow->timelineWidget()->isVisible());
}

void TestWindowCompare::sharedSliderMovesEveryPaneByFraction() {
    mWindow->timeline()->setT(147);
    openWithPreset(QStringLiteral("T = 50 vs T = 1000"));
    dlui::Timeline* shared = compare()->comparison()->timeline();
    QCOMPARE(shared->maximum(), 1000);
    const auto panes = view()->paneWidgets();
    const dl::Schedule short50(compare()->comparison()->panes()[0].schedule);
    const dl::Schedule long1000(compare()->comparison()->panes()[1].schedule);
    QCOMPARE(short50.T(), 50);
    QCOMPARE(long1000.T(), 1000);

    QSlider* slider = view()->slider();
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_End);
    QCOMPARE(shared->t(), 1000);
    QVERIFY2(panes[0]->caption().contains(QStringLiteral("t = 50 / 50")), qPrintable(panes[0]->caption()));
    QVERIFY(panes[1]->caption().contains(QStringLiteral("t = 1000 / 1000")));

    slider->setValue(500);
    QCOMPARE(shared->t(), 500);
    QVERIFY(view()->positionLabel()->text().contains(QStringLiteral("0.500")));
    const QString a = panes[0]->caption(), b = panes[1]->caption();
    QVERIFY2(a.contains(QStringLiteral("t = 25 / 50")), qPrintable(a));
    QVERIFY2(a.contains(QStringLiteral("ᾱₜ = ") + fourDigits(short50.alphaBar(25))), qPrintable(a));
    QVERIFY2(b.contains(QStringLiteral("t = 500 / 1000")), qPrintable(b));
    QVERIFY2(b.contains(QStringLiteral("ᾱₜ = ") + fourDigits(long1000.alphaBar(500))), qPrintable(b));
    QVERIFY(std::abs(compare()->plots()->markerFraction() - 0.5) < 1e-12);

    // The window's playback keys move the shared t while comparing.
    mWindow->activateWindow();
    QTest::keyClick(mWindow.get(), Qt::Key_Home);
    QCOMPARE(shared->t(), 0);
    QTest::keyClick(mWindow.get(), Qt::Key_Right);
    QCOMPARE(shared->t(), 1);
    QCOMPARE(slider->value(), 1);
    QVERIFY(!mWindow->timeline()->isPlaying());
    // The keys as a person presses them, to whatever has the focus: opening the comparison gives it the
    // keyboard, wherever it was (a combo box in the Data dock kept Home and ←/→ for itself).
    compareAction()->trigger();
    QVERIFY(!compare()->isActive());
    auto* source = mWindow->findChild<QComboBox*>(QStringLiteral("samplingSampler"));
    QVERIFY(source);
    source->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(source->hasFocus());
    const int sourceIndex = source->currentIndex();
    compareAction()->trigger();
    QVERIFY(compare()->isActive());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_End);
    QCOMPARE(shared->t(), 1000);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Home);
    QCOMPARE(shared->t(), 0);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
    QCOMPARE(shared->t(), 1);
    QCOMPARE(source->currentIndex(), sourceIndex);
    // Closed, the main view is back at the t it showed: the keys that moved the panes do not move it
    // (three Right presses had taken it from 147 to 150).
    QTest::keyClick(mWindow.get(), Qt::Key_Right);
    QTest::keyClick(mWindow.get(), Qt::Key_K, Qt::ControlModifier);
    QVERIFY(!compare()->isActive());
    QCOMPARE(mWindow->timeline()->t(), 147);
    // ... and the keys are the main view's again.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
    QCOMPARE(mWindow->timeline()->t(), 148);
}

void TestWindowCompare::forwardPanesShareTheDocumentsNoise() {
    openWithPreset(QStringLiteral("Linear vs cosine"));
    const dlui::LabDocument* doc = mWindow->document();
    const dl::Batch& x0 = doc->dataSet()->points;
    const dl::Batch& eps = *doc->forwardNoise();
    view()->slider()->setValue(view()->slider()->maximum() / 3);
    const auto frames = compare()->comparison()->frames();
    QVERIFY(frames);
    QCOMPARE(frames->paneCount(), 2);
    const int step = compare()->comparison()->timeline()->t();
    double worst = 0;
    for (int p = 0; p < 2; ++p) {
        const dl::Schedule& s = frames->input().panes[static_cast<size_t>(p)].schedule;
        const int t = frames->paneT(p, step);
        const dl::Batch x = frames->paneState(p, step);
        QCOMPARE(x.rows(), x0.rows());
        for (Eigen::Index i = 0; i < x.rows(); ++i)
            for (Eigen::Index j = 0; j < 2; ++j) {
                const double want =
                    std::sqrt(s.alphaBar(t)) * x0(i, j) + std::sqrt(1.0 - s.alphaBar(t)) * eps(i, j);
                worst = std::max(worst, std::abs(x(i, j) - want));
            }
    }
    QVERIFY2(worst < 1e-5, qPrintable(QStringLiteral("off the closed form by %1").arg(worst)));
    // The two panes really differ (linear and cosine ᾱ at the same fraction), with the same ε.
    QVERIFY(frames->paneAlphaBar(0, step) != frames->paneAlphaBar(1, step));
    // The very data and ε of the document, not copies: the comparison is rebuilt at every model and
    // schedule change, and copying an image set of 8,000 64×64 images (131 MB, twice with ε) held the
    // window for most of a second each time.
    QCOMPARE(frames->input().data.get(), doc->dataSet().get());
    QCOMPARE(frames->input().noise.get(), doc->forwardNoise().get());
}

void TestWindowCompare::reverseSamplesEveryPaneFromTheSameNoise() {
    dlui::Comparison* comparison = nullptr;
    openWithPreset(QStringLiteral("DDPM vs DDIM at K = 10"));
    comparison = compare()->comparison();
    comparison->setSampleCount(200);
    QComboBox* direction = view()->directionBox();
    direction->setCurrentIndex(direction->findData(true));
    QVERIFY(comparison->isReverse());
    QTRY_VERIFY_WITH_TIMEOUT(!comparison->isSampling(), 60000);
    const auto frames = comparison->frames();
    const dlui::ComparisonInput& in = frames->input();
    QVERIFY2(in.panes[0].reverse && in.panes[1].reverse, qPrintable(comparison->paneProblem(0)));
    const dl::Trajectory& ddpm = *in.panes[0].reverse;
    const dl::Trajectory& ddim = *in.panes[1].reverse;
    // DDIM with K = 10 kept 11 states; DDPM every t.
    QCOMPARE(ddim.states.size(), size_t(11));
    QCOMPARE(ddpm.states.size(), size_t(in.panes[0].scheduleFor(true).T() + 1));
    // The same seed: both chains start from the same x_T.
    QCOMPARE(ddpm.states.front().rows(), Eigen::Index(200));
    QVERIFY(ddpm.states.front().isApprox(ddim.states.front(), 0.0f));
    // Reverse starts at x_T, and the DDIM pane says which kept state it shows in between.
    QCOMPARE(comparison->timeline()->t(), comparison->timeline()->maximum());
    view()->slider()->setValue(comparison->timeline()->maximum() / 2 + 1);
    const QString caption = view()->paneWidgets()[1]->caption();
    QVERIFY2(caption.contains(QStringLiteral("state of t =")), qPrintable(caption));

    // A learned pane without a model says so in its caption instead of drawing nothing silently.
    QComboBox* presets = view()->presetBox();
    presets->setCurrentIndex(presets->findText(QStringLiteral("Learned vs exact denoiser")));
    QTest::mouseClick(view()->applyPresetButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!comparison->isSampling(), 60000);
    QVERIFY2(view()->paneWidgets()[0]->caption().contains(QStringLiteral("no model")),
             qPrintable(view()->paneWidgets()[0]->caption()));
    QVERIFY(comparison->frames()->input().panes[1].reverse.has_value());
}

void TestWindowCompare::paneSettingsEditorChangesThatPane() {
    openWithPreset(QStringLiteral("Linear vs cosine"));
    dlui::ComparisonPaneWidget* pane = view()->paneWidgets()[0];
    QTest::mouseClick(pane->settingsButton(), Qt::LeftButton);
    QVERIFY(pane->editor()->isVisible());
    auto* T = pane->editor()->findChild<QSpinBox*>(QStringLiteral("paneT"));
    QVERIFY(T);
    T->setFocus();
    T->selectAll();
    QTest::keyClicks(T, QStringLiteral("2000"));
    QCOMPARE(compare()->comparison()->panes()[0].schedule.T, 2000);
    QCOMPARE(compare()->comparison()->timeline()->maximum(), 2000);  // S follows the largest T
    QTest::keyClick(view()->slider(), Qt::Key_End);
    QVERIFY2(pane->caption().contains(QStringLiteral("t = 2000 / 2000")), qPrintable(pane->caption()));
    QVERIFY(pane->caption().startsWith(QStringLiteral("linear T=2000")));
    // The other pane is untouched.
    QCOMPARE(compare()->comparison()->panes()[1].schedule.kind, dl::ScheduleKind::Cosine);
    QVERIFY(compare()->comparison()->panes()[1].schedule.T != 2000);
}

void TestWindowCompare::exportRendersTheComparisonAsAGif() {
    openWithPreset(QStringLiteral("T = 50 vs T = 1000"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("compare.gif"));
    bool seen = false, preselected = false;
    whenModalOpens<dlui::ExportDialog>([&](dlui::ExportDialog* dialog) {
        seen = true;
        dialog->setInteractive(false);
        dlui::ExportSettings s = dialog->settings();
        // Starts on the comparison, over its shared steps 0..S (S = 1000, not the editor's T).
        preselected = s.frames.animation == dlui::AnimationKind::Comparison && s.frames.tLast == 1000;
        s.format = dlui::ExportFormat::Gif;
        s.frames.stride = 250;  // shared steps 0, 250, …, 1000
        s.render.size = QSize(200, 100);
        s.outputPath = path;
        dialog->setSettings(s);
        for (auto* b : dialog->findChildren<QPushButton*>())
            if (b->text() == QStringLiteral("&Export")) return QTest::mouseClick(b, Qt::LeftButton);
        dialog->reject();
    });
    QTest::keyClick(mWindow.get(), Qt::Key_E, Qt::ControlModifier);
    QVERIFY2(seen, "Ctrl+E did not open the Export dialog");
    QVERIFY2(preselected, "the Export dialog did not start on the comparison");
    QImageReader reader(path);
    QVERIFY2(reader.canRead(), qPrintable(reader.errorString()));
    QCOMPARE(reader.imageCount(), 5);
    QCOMPARE(reader.size(), QSize(200, 100));
    int frames = 0;
    while (reader.canRead()) {
        QCOMPARE(reader.read().size(), QSize(200, 100));
        ++frames;
    }
    QCOMPARE(frames, 5);
}

void TestWindowCompare::exportDialogOffersTheComparisonOnlyWhileItIsOn() {
    const auto comparisonItemEnabled = [this](bool* seen, bool* enabled, bool* selected) {
        whenModalOpens<dlui::ExportDialog>([=](dlui::ExportDialog* dialog) {
            *seen = true;
            QComboBox* animation = nullptr;
            // Unavailable, the item's text goes on to say what to do ("…: open it first").
            const QString name = QStringLiteral("Side-by-side comparison");
            for (QComboBox* box : dialog->findChildren<QComboBox*>())
                if (box->findText(name, Qt::MatchStartsWith) >= 0) animation = box;
            if (animation) {
                const int i = animation->findText(name, Qt::MatchStartsWith);
                // The item's enabled flag, as QComboBox's standard model keeps it.
                *enabled = animation->itemData(i, Qt::UserRole - 1).isNull();
                *selected = animation->currentIndex() == i;
            }
            dialog->reject();
        });
        QTest::keyClick(mWindow.get(), Qt::Key_E, Qt::ControlModifier);
    };
    bool seen = false, enabled = true, selected = true;
    comparisonItemEnabled(&seen, &enabled, &selected);
    QVERIFY(seen);
    QVERIFY2(!enabled && !selected, "the comparison is offered while it is off");
    mWindow->activateWindow();  // the closed dialog leaves no active window offscreen
    QVERIFY(QTest::qWaitForWindowActive(mWindow.get()));
    QTest::keyClick(mWindow.get(), Qt::Key_K, Qt::ControlModifier);
    QVERIFY(compare()->isActive());
    seen = false;
    comparisonItemEnabled(&seen, &enabled, &selected);
    QVERIFY(seen);
    QVERIFY2(enabled && selected, "the comparison is not offered while it is on");
}

QTEST_MAIN(TestWindowCompare)
// The panes stand in for the main view, but painted with default options: white under the dark theme,
// and in presenter mode their captions stayed at desktop size beside doubled type everywhere else.
void TestWindowCompare::panesTakeTheViewsLookAndPresenterScale() {
    QTest::keyClick(mWindow.get(), Qt::Key_K, Qt::ControlModifier);
    QVERIFY(compare()->isActive());
    const QList<dlui::ComparisonPaneWidget*> panes = view()->paneWidgets();
    QVERIFY(!panes.isEmpty());
    const dlui::RenderOptions before = panes.front()->paintOptions();
    QCOMPARE(before.textScale, mWindow->mainView()->renderOptions().textScale);

    mWindow->themeMenu()->themeAction(dlui::ThemeMenu::Theme::Dark)->trigger();
    for (const dlui::ComparisonPaneWidget* pane : panes)
        QCOMPARE(pane->paintOptions().background, dlui::Background::Dark);

    mWindow->setPresenterMode(true);
    for (const dlui::ComparisonPaneWidget* pane : panes) {
        const dlui::RenderOptions options = pane->paintOptions();
        QVERIFY2(options.textScale >= 2.0 * before.textScale, qPrintable(QString::number(options.textScale)));
        QVERIFY2(
            options.minTextPixels >= 2 * before.minTextPixels - 1,
            qPrintable(QStringLiteral("%1 → %2 px").arg(before.minTextPixels).arg(options.minTextPixels)));
        // The caption's font as the renderer picks it for the canvas: twice the desktop's.
        const QRectF canvas(QPointF(), QSizeF(pane->canvas()->size()));
        QVERIFY(dlui::sceneFont(canvas, options).pixelSize() >=
                2 * dlui::sceneFont(canvas, before).pixelSize() - 1);
    }
    // A pane made in presenter mode (a third pane) takes the same look.
    view()->paneCountBox()->setValue(3);
    QTRY_COMPARE(view()->paneWidgets().size(), 3);
    QCOMPARE(view()->paneWidgets().last()->paintOptions().textScale,
             view()->paneWidgets().first()->paintOptions().textScale);
    mWindow->setPresenterMode(false);
    QCOMPARE(view()->paneWidgets().first()->paintOptions().textScale, before.textScale);
}

#include "tst_window_compare.moc"
