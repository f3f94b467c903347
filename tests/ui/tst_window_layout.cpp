// The window in front of a class: it starts within the screen; at 1280×720 and 1440×900 the view, the
// play controls, the key readouts, the schedule diagnostics, the training progress, the loss curve and
// the "no model yet" hint are visible without scrolling; presenter mode (F11) stays within the screen and
// enlarges the view's own caption and points; shape names read as names; the info banner has an icon, not
// a glyph; Help ▸ Getting started lists the shortcuts; quitting during training says training will be
// stopped; a data change in reverse mode shows the forward view instead of an empty one.
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QStyleOptionTab>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QToolButton>
#include <QtTest>

#include "core/io/lessonfile.h"
#include "ui/data/datapanel.h"
#include "ui/document/labdocument.h"
#include "ui/lessons/lessonplayer.h"
#include "ui/render/scene.h"
#include "ui/schedule/schedulediagnosticsview.h"
#include "ui/schedule/schedulepanel.h"
#include "ui/schedule/scheduleplots.h"
#include "ui/training/lossplot.h"
#include "ui/training/trainingcontroller.h"
#include "ui/training/trainpanel.h"
#include "ui/view/mainview.h"
#include "ui/view/timeline.h"
#include "ui/view/timelinewidget.h"
#include "ui/widgets/elidedlabel.h"
#include "ui/widgets/elidingstatusbar.h"
#include "ui/window/labwindow.h"
#include "ui/window/lessonmenu.h"
#include "ui/window/mainwindow.h"
#include "ui/window/trainingandsampling.h"

using dlui::LabWindow;
using dlui::MainWindow;

namespace {

MainWindow::Options testOptions(bool ask = false) {
    MainWindow::Options o;
    o.askBeforeDiscard = ask;
    o.useSettings = false;
    return o;
}

/// Why a window is not within the screen's free area, for a failed check.
QString outsideTheScreen(const QWidget& window, const QRect& area) {
    return QStringLiteral("window %1,%2 %3×%4 (minimum %5×%6) outside the screen's %7×%8")
        .arg(window.x())
        .arg(window.y())
        .arg(window.width())
        .arg(window.height())
        .arg(window.minimumSizeHint().width())
        .arg(window.minimumSizeHint().height())
        .arg(area.width())
        .arg(area.height());
}

/// The part of `widget` a person sees: inside the window, and inside every scroll area's viewport on
/// the way up (a widget scrolled out of its dock is not seen).
QRect seenRect(const QWidget* widget, const QWidget* window) {
    QRect r(widget->mapTo(window, QPoint(0, 0)), widget->size());
    r &= window->rect();
    for (const QWidget* w = widget->parentWidget(); w && w != window; w = w->parentWidget())
        if (auto* area = qobject_cast<const QScrollArea*>(w))
            r &= QRect(area->viewport()->mapTo(window, QPoint(0, 0)), area->viewport()->size());
    return r;
}

/// Fails unless the widget is shown and at least `minimum` of it (width and height) can be seen.
bool isSeen(const QWidget* widget, const QWidget* window, QSize minimum, QString* why) {
    if (!widget->isVisible()) {
        *why = QStringLiteral("%1 is hidden").arg(widget->objectName());
        return false;
    }
    const QRect r = seenRect(widget, window);
    if (r.width() < std::min(minimum.width(), widget->width()) ||
        r.height() < std::min(minimum.height(), widget->height())) {
        *why = QStringLiteral("%1 seen only %2×%3 of %4×%5")
                   .arg(widget->objectName())
                   .arg(r.width())
                   .arg(r.height())
                   .arg(widget->width())
                   .arg(widget->height());
        return false;
    }
    return true;
}

/// The inked rows and the inked pixel count of an image on a white background.
QPair<int, int> inkExtent(const QImage& image) {
    int top = image.height(), bottom = -1, count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (qGray(image.pixel(x, y)) < 200) {
                top = std::min(top, y);
                bottom = std::max(bottom, y);
                ++count;
            }
    return {bottom >= top ? bottom - top + 1 : 0, count};
}

/// A network small enough that a run of `steps` takes a fraction of a second.
dlui::TrainingSettings smallRun(int steps) {
    dlui::TrainingSettings s = dlui::TrainingSettings::defaults();
    s.model.hidden = 32;
    s.model.layers = 1;
    s.trainer.steps = steps;
    s.trainer.threads = 1;
    return s;
}

/// Quit as the menu does and answer Cancel to the question it asks: that question's text ("" if none).
QString quitAndCancel(MainWindow& window) {
    QString asked;
    QTimer::singleShot(50, &window, [&asked] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            asked = box->text();
            box->button(QMessageBox::Cancel)->click();
        }
    });
    window.actions().quit->trigger();
    return asked;
}

}  // namespace

class TestWindowLayout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void startsWithinTheScreen();
    void keyPartsAreSeenAt_data();
    void keyPartsAreSeenAt();
    void aDataProblemIsScrolledIntoView();
    void everySourceReachesLoadData_data();
    void everySourceReachesLoadData();
    void presenterModeFitsAndEnlargesTheView();
    void shapeNamesAreDisplayNames();
    void infoBannerHasAnIcon();
    void gettingStartedListsTheShortcuts();
    void quittingDuringTrainingSaysSo();
    void quittingWithAnUnsavedModelSaysSo();
    void newDataInReverseModeShowsTheForwardView();
    void statusBarLabelsShareTheRoom();
    void noLabelShowsItsAmpersand();
    void aScheduleWarningDoesNotMoveTheFields();
    void docksSqueezedByANarrowWindowWidenAgain();
    void fitsA1024PixelProjector();
    void aWindowThatFitsIsLeftWhereItIs();
    void everyDockTabBarDrawsTheAmpersand();
    void closingALessonWhilePresentingStaysFullScreen();
};

void TestWindowLayout::startsWithinTheScreen() {
    LabWindow window(testOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QRect area = window.screen()->availableGeometry();
    QVERIFY2(area.contains(window.frameGeometry()), qPrintable(outsideTheScreen(window, area)));
    QVERIFY(window.width() <= 1440 && window.height() <= 900);
    // Small enough for a 1280×720 projector: the layout can shrink to it.
    QVERIFY2(window.minimumSizeHint().width() <= 1280,
             qPrintable(QString::number(window.minimumSizeHint().width())));
}

void TestWindowLayout::keyPartsAreSeenAt_data() {
    QTest::addColumn<QPoint>("screenAt");
    QTest::newRow("1280x720 projector") << QPoint(0, 0);
    QTest::newRow("1440x900 laptop") << QPoint(1280, 0);
}

void TestWindowLayout::keyPartsAreSeenAt() {
    QFETCH(QPoint, screenAt);
    LabWindow window(testOptions());
    window.move(screenAt + QPoint(10, 10));
    window.showMaximized();  // as large as that screen allows
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QScreen* screen = QGuiApplication::screenAt(screenAt + QPoint(1, 1));
    QVERIFY(screen && window.screen() == screen);
    QTRY_VERIFY(window.width() >= screen->availableGeometry().width() - 10);
    QVERIFY(window.height() >= screen->availableGeometry().height() - 50);
    // The schedule needs a fix (x_T not noise), so there is a diagnostic with its button to see.
    dl::ScheduleParams p = window.document()->schedule().params();
    p.betaEnd = 0.02;
    p.T = 50;
    QVERIFY(window.document()->setScheduleParams(p));
    QApplication::processEvents();

    auto* live = dlui::TrainingAndSampling::of(&window);
    auto* diagnostics = window.schedulePanel()->findChild<dlui::ScheduleDiagnosticsView*>();
    QVERIFY(diagnostics);
    QPushButton* fix = nullptr;
    for (auto* b : diagnostics->findChildren<QPushButton*>())
        if (b->isVisible()) fix = b;
    QVERIFY2(fix, "no one-click fix shown");
    auto* hint = window.findChild<QLabel*>(QStringLiteral("samplingScheduleNote"));
    QVERIFY(hint && hint->text().contains(QStringLiteral("No model yet")));
    auto* numbers = window.timelineWidget()->findChild<QLabel*>(QStringLiteral("timelineNumbers"));
    auto* trainStatus = live->trainPanel()->findChild<QLabel*>(QStringLiteral("trainStatus"));

    const QList<QPair<QWidget*, QSize>> parts{
        {window.mainView(), QSize(400, 300)},
        {window.timelineWidget()->slider(), QSize(100, 10)},
        {window.timelineWidget()->playButton(), QSize(16, 16)},
        {numbers, QSize(150, 10)},
        {fix, QSize(40, 16)},
        {hint, QSize(100, 10)},
        {trainStatus, QSize(100, 0)},
        {live->trainPanel()->trainButton(), QSize(40, 16)},
        // The whole loss curve: it was below the fold of the 267 px Model & Train dock.
        {live->trainPanel()->lossPlot(), QSize(150, live->trainPanel()->lossPlot()->sizeHint().height())},
    };
    for (const auto& [widget, minimum] : parts) {
        QString why;
        QVERIFY2(isSeen(widget, &window, minimum, &why), qPrintable(why));
    }
    // Training progress is in the status bar as well.
    QVERIFY(window.statusBar()->findChild<QLabel*>(QStringLiteral("trainingStatus")));
    // The timeline's "t" stands apart from its field (it touched it).
    auto* tLabel = window.timelineWidget()->findChild<QLabel*>(QStringLiteral("timelineTLabel"));
    auto* tBox = window.timelineWidget()->findChild<QSpinBox*>(QStringLiteral("timelineTBox"));
    QVERIFY(tLabel && tBox);
    const int textRight =
        tLabel->x() + tLabel->contentsRect().left() + tLabel->fontMetrics().horizontalAdvance(tLabel->text());
    QVERIFY2(tBox->x() - textRight >= 3, qPrintable(QStringLiteral("gap %1 px").arg(tBox->x() - textRight)));
}

// The Data dock keeps its controls through Load data at 1280×720; a problem reported below that button
// ("no image files chosen") was out of sight, seen only in the status bar. It is scrolled into view.
void TestWindowLayout::aDataProblemIsScrolledIntoView() {
    LabWindow window(testOptions());
    window.move(10, 10);
    window.showMaximized();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QApplication::processEvents();
    auto* status = window.dataPanel()->findChild<QLabel*>(QStringLiteral("dataStatus"));
    QVERIFY(status);
    // A dock that ends at the Load data button (offscreen, without a window frame, the first layout
    // leaves a little more room).
    auto* dock = window.findChild<QDockWidget*>(QStringLiteral("dataDock"));
    QVERIFY(dock && dock->widget());
    const int titleBar = dock->height() - dock->widget()->height();
    window.resizeDocks({dock}, {window.dataPanel()->heightThroughLoadButton() + titleBar - 10}, Qt::Vertical);
    QApplication::processEvents();
    QString hidden;
    QVERIFY(!isSeen(status, &window, QSize(1, status->height()), &hidden));  // not whole before the problem
    window.dataPanel()->setStatus(QStringLiteral("no image files chosen: choose files or a folder first"),
                                  true);
    QString why;
    QTRY_VERIFY2(isSeen(status, &window, QSize(100, status->height()), &why), qPrintable(why));  // whole
}

void TestWindowLayout::everySourceReachesLoadData_data() {
    QTest::addColumn<QPoint>("screenAt");
    QTest::newRow("1280x720 projector") << QPoint(0, 0);
    QTest::newRow("1440x900 laptop") << QPoint(1280, 0);
}

// The first layout gave Data the height of the built-in shapes' controls. "Image as a shape" and others
// have more rows, and their Load data button was below the fold; below it, a strip of the preview's frame
// showed at the foot of the dock. Each source chosen in the combo box now keeps Load data in view, with
// the loss curve whole, and the preview is seen whole or not at all.
void TestWindowLayout::everySourceReachesLoadData() {
    QFETCH(QPoint, screenAt);
    LabWindow window(testOptions());
    window.move(screenAt + QPoint(10, 10));
    window.showMaximized();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(window.width() >= window.screen()->availableGeometry().width() - 10);
    QApplication::processEvents();
    dlui::DataPanel* panel = window.dataPanel();
    auto* preview = panel->findChild<QLabel*>(QStringLiteral("dataPreview"));
    QVERIFY(preview);
    dlui::LossPlot* curve = dlui::TrainingAndSampling::of(&window)->trainPanel()->lossPlot();
    QComboBox* sources = panel->sourceBox();
    // Every source, and back to the first (which then has more room than its rows need).
    for (int i = 1; i <= sources->count(); ++i) {
        const int index = i % sources->count();
        sources->setCurrentIndex(index);
        const QString source = sources->itemText(index);
        // The column is shared out again once the source's rows are laid out, and the docks follow later.
        auto fits = [&](QString* why) {
            if (!isSeen(panel->applyButton(), &window, panel->applyButton()->size(), why) ||
                !isSeen(curve, &window, QSize(150, curve->minimumSizeHint().height()), why))
                return false;
            const int previewSeen = seenRect(preview, &window).height();
            *why = QStringLiteral("the preview seen %1 of %2 px").arg(previewSeen).arg(preview->height());
            return previewSeen <= 0 || previewSeen == preview->height();
        };
        QString why;
        QTRY_VERIFY2(fits(&why), qPrintable(source + QStringLiteral(": ") + why));
    }
}

void TestWindowLayout::presenterModeFitsAndEnlargesTheView() {
    LabWindow window(testOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const QRect area = window.screen()->availableGeometry();
    dlui::MainView* view = window.mainView();
    const dlui::RenderOptions before = view->renderOptions();
    view->rebuildNow();
    dlui::Scene scene = view->scene();
    // 40 of the points, so that their dots do not overlap and the ink measures their size.
    scene.points = dl::Batch(scene.points.topRows(40));
    scene.colorKeys.resize(std::min<std::size_t>(scene.colorKeys.size(), 40));

    QTest::keyClick(&window, Qt::Key_F11);
    QVERIFY(window.isPresenterMode());
    QApplication::processEvents();
    QTRY_VERIFY2(area.contains(window.frameGeometry()),
                 qPrintable(QStringLiteral("presenter mode: ") + outsideTheScreen(window, area)));
    const dlui::RenderOptions after = view->renderOptions();

    // Measure what the view draws with each setting, at the same size: the caption alone, then the points.
    const auto measure = [&scene](dlui::RenderOptions o, bool caption) {
        o.size = QSize(700, 500);
        o.drawAxes = false;
        o.drawTrails = o.drawArrows = o.drawDensity = false;
        o.drawCaption = caption;
        o.drawPoints = !caption;
        return inkExtent(dlui::renderScene(scene, o));
    };
    const auto captionBefore = measure(before, true), captionAfter = measure(after, true);
    QVERIFY2(
        captionAfter.first >= 1.5 * captionBefore.first,
        qPrintable(
            QStringLiteral("caption height %1 → %2 px").arg(captionBefore.first).arg(captionAfter.first)));
    const auto pointsBefore = measure(before, false), pointsAfter = measure(after, false);
    QVERIFY2(
        pointsAfter.second >= 2.0 * pointsBefore.second,
        qPrintable(QStringLiteral("points ink %1 → %2 px").arg(pointsBefore.second).arg(pointsAfter.second)));

    QTest::keyClick(&window, Qt::Key_F11);
    QVERIFY(!window.isPresenterMode());
    QCOMPARE(view->renderOptions().textScale, before.textScale);
}

void TestWindowLayout::shapeNamesAreDisplayNames() {
    LabWindow window(testOptions());
    QComboBox* shapes = window.dataPanel()->shapeBox();
    QStringList names;
    for (int i = 0; i < shapes->count(); ++i) names << shapes->itemText(i);
    QVERIFY2(names.contains(QStringLiteral("Two moons")), qPrintable(names.join(QLatin1Char('|'))));
    QVERIFY(names.contains(QStringLiteral("Swiss roll")));
    QVERIFY(names.contains(QStringLiteral("8 Gaussians")));
    QVERIFY(!names.contains(QStringLiteral("swissroll")));
    // Choosing one by its name still loads the shape by its id.
    shapes->setCurrentIndex(shapes->findText(QStringLiteral("Swiss roll")));
    QCOMPARE(window.dataPanel()->currentSource().shape, QStringLiteral("swissroll"));
    QVERIFY(
        dlui::describeDataSource(window.document()->dataSource()).startsWith(QStringLiteral("Two moons")));
}

void TestWindowLayout::infoBannerHasAnIcon() {
    LabWindow window(testOptions());
    auto* banner = window.schedulePanel()->findChild<QLabel*>(QStringLiteral("modelScheduleBanner"));
    auto* icon = window.schedulePanel()->findChild<QLabel*>(QStringLiteral("modelScheduleBannerIcon"));
    QVERIFY(banner && icon);
    QVERIFY(!icon->pixmap().isNull());
    for (const QChar c : banner->text()) QVERIFY(c.unicode() < 0x2460 || c.unicode() > 0x24ff);  // no ⓘ
}

void TestWindowLayout::gettingStartedListsTheShortcuts() {
    LabWindow window(testOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_F1);
    auto* box = window.findChild<QMessageBox*>(QStringLiteral("gettingStarted"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    const QString text = box->text();
    for (const QString& key : {QStringLiteral("Space"), QStringLiteral("Ctrl+T"), QStringLiteral("Ctrl+R"),
                               QStringLiteral("Ctrl+E"), QStringLiteral("Esc"), QStringLiteral("F11")})
        QVERIFY2(text.contains(key), qPrintable(key));
    QVERIFY(text.contains(QStringLiteral("1.")) && text.contains(QStringLiteral("3.")));
    // Every key of the window is there, also those of the panels and menus added later (PgUp/PgDown, A,
    // Ctrl+K, Ctrl+Q were missing from a list kept by hand).
    for (const QAction* action : window.findChildren<QAction*>()) {
        const QString key = action->shortcut().toString(QKeySequence::NativeText);
        if (key.isEmpty() || action->text().isEmpty()) continue;
        if (action->objectName().startsWith(QLatin1String("lessonStepJump"))) continue;  // "1 … 9"
        QVERIFY2(text.contains(QStringLiteral("<b>%1</b>").arg(key.toHtmlEscaped())),
                 qPrintable(key + QStringLiteral(" (") + action->text() + QStringLiteral(")")));
    }
    QVERIFY(text.contains(QStringLiteral("1 … 9")));
    // Each under the whole path of menus it is in: "Playback speed ▸ Faster" named no menu of the bar.
    QVERIFY2(text.contains(QStringLiteral("Run ▸ Playback speed ▸ Faster")), qPrintable(text));
    box->close();
}

void TestWindowLayout::quittingDuringTrainingSaysSo() {
    LabWindow window(testOptions(true));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* live = dlui::TrainingAndSampling::of(&window);
    live->trainPanel()->setAskBeforeDiscard(false);
    live->trainPanel()->setSettings(smallRun(100000000));
    window.actions().train->trigger();
    QCOMPARE(live->trainingController()->state(), dlui::TrainingController::State::Running);
    window.document()->setModified(false);  // only the training is at stake

    const QString asked = quitAndCancel(window);
    QVERIFY2(asked.contains(QStringLiteral("Training is running and will be stopped")), qPrintable(asked));
    QVERIFY(window.isVisible());  // Cancel kept the window open, training on
    QCOMPARE(live->trainingController()->state(), dlui::TrainingController::State::Running);
    live->shutdown();
}

void TestWindowLayout::quittingWithAnUnsavedModelSaysSo() {
    // Train, save the session, quit: the session names no model file, so the model was lost without a word.
    LabWindow window(testOptions(true));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* live = dlui::TrainingAndSampling::of(&window);
    live->trainPanel()->setSettings(smallRun(50));
    QSignalSpy ended(live->trainingController(), &dlui::TrainingController::runEnded);
    window.actions().train->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 20000);
    QVERIFY(window.document()->hasModel());
    window.document()->setModified(false);  // as after Save session

    const QString asked = quitAndCancel(window);
    QVERIFY2(asked.contains(QStringLiteral("The trained model has not been saved")), qPrintable(asked));
    QVERIFY(window.isVisible());

    // Once the model is in a file, quitting asks nothing.
    QTemporaryDir dir;
    QVERIFY(live->trainPanel()->saveModelTo(dir.filePath(QStringLiteral("m.dlmodel"))));
    window.document()->setModified(false);
    QVERIFY(window.closeWarnings().isEmpty());
}

void TestWindowLayout::newDataInReverseModeShowsTheForwardView() {
    LabWindow window(testOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.timelineWidget()->reverseButton()->click();  // reverse mode, nothing sampled yet
    QCOMPARE(window.timeline()->mode(), dlui::Timeline::Mode::Reverse);
    // New data (as the Load button does): the view must not stay empty.
    QComboBox* shapes = window.dataPanel()->shapeBox();
    shapes->setCurrentIndex(shapes->findData(QStringLiteral("circles")));
    QPushButton* load = nullptr;
    for (auto* b : window.dataPanel()->findChildren<QPushButton*>())
        if (b->text() == QStringLiteral("Load data")) load = b;
    QVERIFY(load);
    QTest::mouseClick(load, Qt::LeftButton);
    QTRY_COMPARE(window.document()->dataSource().shape, QStringLiteral("circles"));
    QCOMPARE(window.timeline()->mode(), dlui::Timeline::Mode::Forward);
    window.mainView()->rebuildNow();
    QVERIFY(window.mainView()->scene().points.rows() > 0);
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("No samples yet")));
}

// The status bar's three labels (data, training, model) with long texts in a 1280-wide window and in the
// narrowest one: none overruns another or the bar's edge; a label cut short ends in "…" and keeps its
// whole text for the tooltip. (Plain labels once ran together and clipped "β 0.001..0.0" mid-number.)
void TestWindowLayout::statusBarLabelsShareTheRoom() {
    LabWindow window(testOptions());
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    dlui::LabDocument* doc = window.document();
    doc->setModel(nullptr, doc->schedule());  // a model trained with this schedule …
    dl::ScheduleParams cosine;
    cosine.kind = dl::ScheduleKind::Cosine;
    cosine.T = 200;
    QVERIFY(doc->setScheduleParams(cosine));  // … and another one in the editor: the long warning
    auto* data = window.statusBar()->findChild<QLabel*>(QStringLiteral("dataStatus"));
    auto* training = window.statusBar()->findChild<QLabel*>(QStringLiteral("trainingStatus"));
    auto* model = window.statusBar()->findChild<QLabel*>(QStringLiteral("modelStatus"));
    QVERIFY(data && training && model);
    // The text as the label draws it in its width (a plain QLabel clips instead).
    auto shown = [](const QLabel* label) {
        auto* elided = qobject_cast<const dlui::ElidedLabel*>(label);
        return elided ? elided->shownText() : label->text();
    };
    training->setText(
        QStringLiteral("training · step 12,000 of 20,000 · loss 0.412 · 3,512 steps/s · "
                       "about 2 s left · SWD to unseen data 0.046"));
    for (const int width : {1280, window.minimumSizeHint().width()}) {
        window.resize(width, 720);
        QTRY_COMPARE(window.width(), width);
        QApplication::processEvents();
        const QRect bar = window.statusBar()->contentsRect();
        const QList<QLabel*> labels{data, training, model};
        for (int i = 0; i < labels.size(); ++i) {
            const QRect r = labels[i]->geometry();
            const QString where = QStringLiteral("%1 at width %2: %3..%4 of %5..%6")
                                      .arg(labels[i]->objectName())
                                      .arg(width)
                                      .arg(r.left())
                                      .arg(r.right())
                                      .arg(bar.left())
                                      .arg(bar.right());
            QVERIFY2(labels[i]->isVisible() && bar.contains(r), qPrintable(where));
            if (i > 0) QVERIFY2(!labels[i - 1]->geometry().intersects(r), qPrintable(where));
            // Whole, or cut with "…": never clipped mid-word by the label's own edge.
            const QString drawn = shown(labels[i]);
            QVERIFY2(drawn == labels[i]->text() || drawn.endsWith(QChar(0x2026)), qPrintable(drawn));
            QVERIFY2(labels[i]->fontMetrics().horizontalAdvance(drawn) <= labels[i]->contentsRect().width(),
                     qPrintable(where + QStringLiteral(": \"%1\" does not fit").arg(drawn)));
        }
    }
    // At the window's narrowest the three texts cannot all fit: something gave way with an ellipsis.
    QVERIFY(shown(data) != data->text() || shown(training) != training->text() ||
            shown(model) != model->text());

    // A temporary message too long for the room left of the permanent labels ends in "…" and stops
    // before them (QStatusBar cut "K = 50" to "K = 5" at its edge).
    auto* bar = qobject_cast<dlui::ElidingStatusBar*>(window.statusBar());
    QVERIFY(bar);
    const QString message = QStringLiteral(
        "2,000 points in 0.67 s: DDPM (σ² = β̃), K = 50 of T = 150 · the samples' SWD to unseen data is "
        "0.052, a perfect model's 0.031 · the trajectory plays from x_T");
    bar->showMessage(message, 5000);
    QTRY_VERIFY(!data->isVisible());  // QStatusBar hides its normal widgets while a message shows
    QVERIFY2(bar->shownMessage().endsWith(QChar(0x2026)), qPrintable(bar->shownMessage()));
    QVERIFY(bar->fontMetrics().horizontalAdvance(bar->shownMessage()) <= bar->messageRect().width());
    QVERIFY(bar->messageRect().right() < std::min(training->x(), model->x()));
    bar->clearMessage();
    QCOMPARE(bar->shownMessage(), QString());

    // A message that fits once the permanent labels give way is shown whole: beside the long training
    // line it read "Could not load the data: the file …". When it goes, the labels have their room back.
    window.resize(1280, 720);
    QTRY_COMPARE(window.width(), 1280);
    const QString trainingWhole = shown(training);
    const QString problem =
        QStringLiteral("Could not load the data: /home/teacher/class/spiral.csv has no rows of numbers");
    bar->showMessage(problem, 5000);
    QTRY_COMPARE(bar->shownMessage(), problem);
    QVERIFY(bar->messageRect().right() < std::min(training->x(), model->x()));
    QVERIFY2(shown(training).endsWith(QChar(0x2026)), qPrintable(shown(training)));
    QVERIFY(training->width() + model->width() >= bar->width() / 3 - 1);  // the labels keep a third
    bar->clearMessage();
    QTRY_COMPARE(shown(training), trainingWhole);
}

// A 1280×720 projector (the primary screen) beside a 1440×900 laptop: the offscreen platform reads its
// screens from a JSON file.
// Made as narrow as it goes and then 1280 px wide again, the window gave the room back to the view: the
// Data and Model & Train docks stayed squeezed, their fields cut behind horizontal scroll bars ("ource",
// "eed"), and the next start restored them so. A dock whose fields are cut takes the room it needs from
// the view when the window grows.
void TestWindowLayout::docksSqueezedByANarrowWindowWidenAgain() {
    LabWindow window(testOptions());
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* dataDock = window.findChild<QDockWidget*>(QStringLiteral("dataDock"));
    QVERIFY(dataDock);
    const auto cut = [&window] {
        QStringList out;
        for (QDockWidget* d : window.findChildren<QDockWidget*>())
            if (const auto* area = qobject_cast<QScrollArea*>(d->widget());
                area && !d->visibleRegion().isEmpty() && area->horizontalScrollBar()->maximum() > 0)
                out << QStringLiteral("%1 (%2 px short)")
                           .arg(d->objectName())
                           .arg(area->horizontalScrollBar()->maximum());
        return out.join(QStringLiteral(", "));
    };
    QTRY_VERIFY2(cut().isEmpty(), qPrintable(cut()));
    // The squeeze: the left column at its least, as a narrow window leaves it.
    window.resizeDocks({dataDock}, {120}, Qt::Horizontal);
    QTRY_VERIFY(!cut().isEmpty());
    window.resize(1279, 720);  // any growth of the window
    window.resize(1280, 720);
    QTRY_VERIFY2(cut().isEmpty(), qPrintable(cut()));
}

// On a 1024×768 projector the window needed about 1,100 px: it stuck out of the screen and the Schedule
// and Sampling docks were cut at its edge. There the right column's docks are tabs of the left column's,
// Schedule beside Data and Sampling beside Model & Train, and the window fits with the view wider than
// its floor.
void TestWindowLayout::fitsA1024PixelProjector() {
    const QPoint screenAt(2720, 0);
    LabWindow window(testOptions());
    window.move(screenAt + QPoint(10, 10));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QScreen* screen = QGuiApplication::screenAt(screenAt + QPoint(1, 1));
    QVERIFY(screen && window.screen() == screen);
    const QRect area = screen->availableGeometry();
    QTRY_VERIFY2(area.contains(window.frameGeometry()), qPrintable(outsideTheScreen(window, area)));
    const auto dock = [&window](const char* name) {
        return window.findChild<QDockWidget*>(QLatin1String(name));
    };
    QVERIFY(dock("scheduleDock") && dock("samplingDock") && dock("dataDock") && dock("trainDock"));
    QVERIFY(window.tabifiedDockWidgets(dock("dataDock")).contains(dock("scheduleDock")));
    QVERIFY(window.tabifiedDockWidgets(dock("trainDock")).contains(dock("samplingDock")));
    QVERIFY(window.tabifiedDockWidgets(dock("trainDock")).contains(dock("explainDock")));
    // The tabs keep their order (Sampling before Explain), and "Model & Train" keeps its "&": a tab bar drew
    // it as the mark of an access key, "Model _Train".
    QTabBar* trainTabs = nullptr;
    for (QTabBar* bar : window.findChildren<QTabBar*>(Qt::FindDirectChildrenOnly))
        for (int i = 0; i < bar->count(); ++i)
            if (bar->isVisible() && bar->tabText(i) == dock("trainDock")->windowTitle()) trainTabs = bar;
    QVERIFY(trainTabs && trainTabs->count() == 3);
    QCOMPARE(trainTabs->tabText(1), dock("samplingDock")->windowTitle());
    QCOMPARE(trainTabs->tabText(2), dock("explainDock")->windowTitle());
    // The bar's style draws the title's "&" as itself: its label for "Model & Train" is the application
    // style's label for "Model && Train", not the one with an access-key mark.
    const auto label = [trainTabs](const QStyle* style, const QString& text) {
        QImage on(trainTabs->tabRect(0).size(), QImage::Format_ARGB32);
        on.fill(Qt::white);
        QPainter painter(&on);
        QStyleOptionTab option;
        option.initFrom(trainTabs);
        option.rect = QRect(QPoint(0, 0), on.size());
        option.text = text;
        style->drawControl(QStyle::CE_TabBarTabLabel, &option, &painter, trainTabs);
        return on;
    };
    QVERIFY(label(trainTabs->style(), QStringLiteral("Model & Train")) ==
            label(QApplication::style(), QStringLiteral("Model && Train")));
    // The left column's own docks are the open tabs, and what was on the right opens in one click.
    QVERIFY(dock("dataDock")->isVisible() && dock("trainDock")->isVisible());
    QVERIFY(window.mainView()->width() > window.mainView()->minimumWidth());
    // No panel is cut at the side (they scroll only up and down), whichever tab is open.
    for (const char* name : {"dataDock", "scheduleDock", "trainDock", "samplingDock", "explainDock"}) {
        dock(name)->raise();
        QTRY_VERIFY(dock(name)->isVisible());
        const auto* scroll = qobject_cast<QScrollArea*>(dock(name)->widget());
        if (scroll && scroll->widget())  // Explain is a text browser: it wraps its text instead
            QTRY_VERIFY2(scroll->widget()->minimumSizeHint().width() <= scroll->viewport()->width(),
                         qPrintable(QStringLiteral("%1: %2 px wide in %3")
                                        .arg(QLatin1String(name))
                                        .arg(scroll->widget()->minimumSizeHint().width())
                                        .arg(scroll->viewport()->width())));
        QVERIFY(area.contains(dock(name)->geometry().translated(window.geometry().topLeft())));
    }

    // A lesson presented with F11 fits at every step. With its Schedule dock beside the timeline at twice
    // the type the window had been 1,063 px wide, the lesson's Next button off the screen: the timeline's
    // rows now wrap. Leaving presenter mode, and closing the lesson, keep the window within the screen.
    // Lesson 3's long title ("Why T = 50 with β_end = 0.02 never reaches noise") on one line made the
    // window 1,089 px wide: it wraps.
    auto* lessonMenu = window.lessons();
    QVERIFY(lessonMenu);
    dlui::LessonPlayer* player = lessonMenu->player();
    const auto* next = window.findChild<QPushButton*>(QStringLiteral("lessonNext"));
    bool sawSchedule = false;
    window.setPresenterMode(true);
    QTRY_VERIFY(window.isPresenterMode());
    // The DDPM paper's schedule (its last step shows the Schedule dock), then the lesson with the long title.
    for (const int lesson : {1, 2}) {
        QVERIFY(lessonMenu->openLesson(dl::builtInLessonPaths().at(lesson)));
        QTRY_VERIFY_WITH_TIMEOUT(player->hasLesson(), 10000);
        QTest::qWait(500);  // the lesson's first step and its docks
        QVERIFY(next);
        for (int step = 0; step < player->stepCount(); ++step) {
            player->goTo(step);
            QTRY_VERIFY_WITH_TIMEOUT(!player->isPending(), 10000);
            QTest::qWait(300);  // the step's docks and their widths
            sawSchedule = sawSchedule || dock("scheduleDock")->isVisible();
            const QString where =
                QStringLiteral("presenting lesson %1, step %2: ").arg(lesson + 1).arg(step + 1);
            QTRY_VERIFY2(area.contains(window.frameGeometry()),
                         qPrintable(where + outsideTheScreen(window, area)));
            QVERIFY2(area.contains(QRect(next->mapToGlobal(QPoint(0, 0)), next->size())),
                     qPrintable(where + QStringLiteral("the Next button is off the screen")));
            const auto* slider =
                window.timelineWidget()->findChild<QSlider*>(QStringLiteral("timelineSlider"));
            QVERIFY2(slider->width() >= 6 * slider->fontMetrics().height(),
                     qPrintable(where + QStringLiteral("t slider %1 px").arg(slider->width())));
        }
    }
    QVERIFY(sawSchedule);
    window.setPresenterMode(false);
    QTRY_VERIFY2(area.contains(window.frameGeometry()),
                 qPrintable(QStringLiteral("after presenter mode: ") + outsideTheScreen(window, area)));
    lessonMenu->closeAction()->trigger();
    QTRY_VERIFY(!lessonMenu->player()->hasLesson());
    QTRY_VERIFY2(area.contains(window.frameGeometry()),
                 qPrintable(QStringLiteral("after the lesson: ") + outsideTheScreen(window, area)));

    // On the 1280×720 projector the columns stay as they were.
    LabWindow wide(testOptions());
    wide.move(QPoint(10, 10));
    wide.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wide));
    QVERIFY(wide.tabifiedDockWidgets(wide.findChild<QDockWidget*>(QStringLiteral("dataDock"))).isEmpty());
}

// Under X11 a window just shown, or just out of full screen, has no frame for a moment, and a move() then
// is taken for its inner corner: leaving presenter mode (and starting with a remembered geometry) put the
// title bar above the screen under openbox. fitToScreen now moves a shown window only once its frame is
// seen, and otherwise uses the frame it saw last. The offscreen platform frames a window at once, so the
// moment without a frame cannot be made here (it was checked under Xvfb and openbox with xwininfo: the
// window stays at +1+20 after F11, Esc and after a restart); this checks the rest: a window that fits with
// its frame is left where it is, by fitToScreen and by a round trip through presenter mode, and one that
// sticks out is moved back whole.
void TestWindowLayout::aWindowThatFitsIsLeftWhereItIs() {
    LabWindow window(testOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QRect area = window.screen()->availableGeometry();
    QTRY_VERIFY(area.contains(window.frameGeometry()));
    const QMargins frame(window.geometry().left() - window.frameGeometry().left(),
                         window.geometry().top() - window.frameGeometry().top(),
                         window.frameGeometry().right() - window.geometry().right(),
                         window.frameGeometry().bottom() - window.geometry().bottom());
    // Flush with the screen's edges, frame and all.
    const QRect placed = area.marginsRemoved(frame).adjusted(0, 0, 0, -20);
    window.setGeometry(placed);
    QTRY_COMPARE(window.geometry(), placed);
    window.fitToScreen();
    QTest::qWait(300);
    QCOMPARE(window.geometry(), placed);
    window.setPresenterMode(true);
    QTRY_VERIFY(window.isFullScreen());
    window.setPresenterMode(false);
    QTRY_VERIFY(!window.isFullScreen());
    QTest::qWait(300);
    QCOMPARE(window.geometry(), placed);
    // Out at the bottom right: back inside, frame and all.
    window.move(placed.topLeft() + QPoint(60, 50));
    QTRY_VERIFY(window.geometry().topLeft() != placed.topLeft());
    window.fitToScreen();
    QTRY_VERIFY2(area.contains(window.frameGeometry()), qPrintable(outsideTheScreen(window, area)));
}

// "Model & Train" read "Model _Train" in a dock tab after a restart: only the tab bars of the narrow
// screen's own tabbing had the style that draws the "&". Tab bars made by restoreState (the next start)
// or by tabbing docks together get it too.
void TestWindowLayout::everyDockTabBarDrawsTheAmpersand() {
    const auto allStyled = [](const QMainWindow& window, int* bars) {
        *bars = 0;
        for (QTabBar* bar : window.findChildren<QTabBar*>(Qt::FindDirectChildrenOnly)) {
            if (!bar->isVisible()) continue;
            ++*bars;
            if (!bar->style()->inherits("dlui::LiteralTabTextStyle")) return false;
        }
        return true;
    };
    QByteArray state;
    {
        LabWindow window(testOptions());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* train = window.findChild<QDockWidget*>(QStringLiteral("trainDock"));
        auto* schedule = window.findChild<QDockWidget*>(QStringLiteral("scheduleDock"));
        QVERIFY(train && schedule);
        window.tabifyDockWidget(schedule, train);  // as a person drags one onto the other
        int bars = 0;
        QTRY_VERIFY(allStyled(window, &bars) && bars > 0);
        state = window.saveState();
    }
    LabWindow restarted(testOptions());
    restarted.show();
    QVERIFY(QTest::qWaitForWindowExposed(&restarted));
    QVERIFY(restarted.restoreState(state));
    int bars = 0;
    QTRY_VERIFY(allStyled(restarted, &bars) && bars > 0);
}

// F11, a lesson, then Ctrl+W: the window left full screen, title bar and all, with presenter mode's layout
// still on (and F11 then left presenter mode instead of going back to full screen).
void TestWindowLayout::closingALessonWhilePresentingStaysFullScreen() {
    LabWindow window(testOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.setPresenterMode(true);
    QTRY_VERIFY(window.isFullScreen());
    auto* lessonMenu = window.lessons();
    QVERIFY(lessonMenu && lessonMenu->openLesson(dl::builtInLessonPaths().at(0)));
    QTRY_VERIFY_WITH_TIMEOUT(lessonMenu->player()->hasLesson(), 10000);
    QTest::qWait(300);
    lessonMenu->closeAction()->trigger();
    QTRY_VERIFY(!lessonMenu->player()->hasLesson());
    QTest::qWait(300);  // the queued fitting after the lesson
    QVERIFY(window.isPresenterMode());
    QVERIFY(window.isFullScreen());
    window.setPresenterMode(false);
    QTRY_VERIFY(!window.isFullScreen());
}

int main(int argc, char** argv) {
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screen.json"));
    if (qEnvironmentVariable("QT_QPA_PLATFORM").startsWith(QLatin1String("offscreen"))) {
        QFile file(config);
        if (file.open(QIODevice::WriteOnly))
            file.write(R"({"screens":[{"name":"projector","x":0,"y":0,"width":1280,"height":720,)"
                       R"("logicalDpi":96,"logicalBaseDpi":96,"dpr":1},)"
                       R"({"name":"laptop","x":1280,"y":0,"width":1440,"height":900,)"
                       R"("logicalDpi":96,"logicalBaseDpi":96,"dpr":1},)"
                       R"({"name":"old projector","x":2720,"y":0,"width":1024,"height":768,)"
                       R"("logicalDpi":96,"logicalBaseDpi":96,"dpr":1}]})");
        file.close();
        qputenv("QT_QPA_PLATFORM", QStringLiteral("offscreen:configfile=%1").arg(config).toUtf8());
    }
    QApplication app(argc, argv);
    TestWindowLayout test;
    return QTest::qExec(&test, argc, argv);
}
// A label's "&" marks its shortcut only when the label has a buddy; without one it is drawn ("Col&umns" in
// the CSV source's row, which QFormLayout labelled from text beside a layout). Every page of the Data
// panel is shown in turn, with the rest of the window.
void TestWindowLayout::noLabelShowsItsAmpersand() {
    LabWindow window(testOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QComboBox* sources = window.dataPanel()->sourceBox();
    for (int i = 0; i < sources->count(); ++i) {
        sources->setCurrentIndex(i);
        QApplication::processEvents();
        for (const QLabel* label : window.findChildren<QLabel*>()) {
            const QString text = label->text();
            if (!label->isVisible() || label->buddy() || !text.contains(QLatin1Char('&')) ||
                label->textFormat() == Qt::RichText ||
                (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(text)))
                continue;
            QFAIL(
                qPrintable(QStringLiteral("\"%1\" shows its & (source %2)").arg(text, sources->itemText(i))));
        }
    }
}

// The schedule's warnings stood above its fields: typing T = 2 brought one in, the fields moved down by
// its height, and the next click landed on another field. They are below the fields now.
void TestWindowLayout::aScheduleWarningDoesNotMoveTheFields() {
    LabWindow window(testOptions());
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    dlui::SchedulePanel* panel = window.schedulePanel();
    auto* diagnostics = panel->findChild<dlui::ScheduleDiagnosticsView*>();
    QVERIFY(diagnostics);
    auto fixShown = [&] {
        for (auto* b : diagnostics->findChildren<QPushButton*>())
            if (b->isVisible()) return true;
        return false;
    };
    QVERIFY(!fixShown());  // the default schedule needs no fix
    QSpinBox* steps = panel->findChildren<QSpinBox*>().value(0);
    QVERIFY(steps);
    auto* kind = panel->findChildren<QComboBox*>().value(0);
    QVERIFY(kind);
    const QPoint stepsAt = steps->mapTo(panel, QPoint(0, 0)), kindAt = kind->mapTo(panel, QPoint(0, 0));
    steps->setFocus();
    steps->selectAll();
    QTest::keyClicks(steps, QStringLiteral("2"));
    QTest::keyClick(steps, Qt::Key_Return);
    QTRY_VERIFY(fixShown());  // T = 2 cannot reach noise: a warning with its fix
    QApplication::processEvents();
    QCOMPARE(steps->mapTo(panel, QPoint(0, 0)), stepsAt);
    QCOMPARE(kind->mapTo(panel, QPoint(0, 0)), kindAt);
}

#include "tst_window_layout.moc"
