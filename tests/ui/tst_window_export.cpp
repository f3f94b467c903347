// Export from the real window, the way a person does it: Ctrl+E, File ▸ Export… and the toolbar button open
// the Export dialog on the current document and a GIF is written; the plot, CSV and clipboard actions
// write their files through the file dialog a person would fill in.
#include <qcustomplot.h>

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QFileDialog>
#include <QImageReader>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>
#include <QtTest>
#include <functional>
#include <optional>

#include "tests/support/modaldialogs.h"
#include "tests/support/smalltraining.h"
#include "tests/support/windowtestoptions.h"
#include "ui/document/labdocument.h"
#include "ui/export/exportdialog.h"
#include "ui/export/plotfigure.h"
#include "ui/sampling/samplingpanel.h"
#include "ui/schedule/schedulepanel.h"
#include "ui/schedule/scheduleplots.h"
#include "ui/training/trainingcontroller.h"
#include "ui/training/trainpanel.h"
#include "ui/view/mainview.h"
#include "ui/view/timeline.h"
#include "ui/window/labwindow.h"
#include "ui/window/mainwindow.h"
#include "ui/window/trainingandsampling.h"

using dltest::answerFileDialog;
using dltest::whenModalOpens;
using dlui::LabWindow;
using dlui::MainWindow;

namespace {

using dltest::whenModalOpens;

QStringList readLines(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

/// A network small enough to train `steps` steps in well under a second.
dlui::TrainingSettings tinyTraining(int steps) {
    dlui::TrainingSettings s = dltest::smallTraining(steps);
    s.qualitySamples = 200;
    return s;
}

}  // namespace

class TestWindowExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void ctrlEExportsAGif();
    void fileMenuAndToolbarOpenTheDialog();
    void plotsAndTablesOpenWhereTheAnimationWent();
    void schedulePlotsAsPngAndLossAsPdf();
    void dataAndScheduleAsCsv();
    void samplesTrajectoryAndLossAfterTrainingAndSampling();
    void copyViewPutsTheViewOnTheClipboard();
    void arrowFieldExportsWithTheWindowsDenoiser();
    void transparentPngFramesStayTransparent();
    void aCancelledExportSaysSo();

private:
    /// Finishes the Export dialog that `open` brings up: a short forward GIF into the temp dir (`name`), or
    /// to `name` when it is a whole path.
    QString exportGifThrough(const std::function<void()>& open, const QString& name);
    QAction* fileMenuAction(const QString& text) const;
    /// Opens the Export dialog with Ctrl+E and exports a forward GIF, with the arrow field when `arrows`.
    /// Returns whether the dialog offered the arrow field; the GIF's frames go to `frames`.
    bool exportForwardGif(bool arrows, const QString& name, QList<QImage>* frames);

    std::unique_ptr<MainWindow> mWindow;
    std::unique_ptr<QTemporaryDir> mDir;
};

void TestWindowExport::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestWindowExport::init() {
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
    mWindow = std::make_unique<LabWindow>(dltest::windowTestOptions());
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    mWindow->activateWindow();
}

void TestWindowExport::cleanup() {
    mWindow.reset();
}

QAction* TestWindowExport::fileMenuAction(const QString& text) const {
    for (QAction* menu : mWindow->menuBar()->actions())
        if (menu->menu() && menu->text() == QStringLiteral("&File"))
            for (QAction* item : menu->menu()->actions())
                if (item->text() == text) return item;
    return nullptr;
}

QString TestWindowExport::exportGifThrough(const std::function<void()>& open, const QString& name) {
    // A name goes into the test's folder; a whole path is taken as it is.
    const QString path = QDir::isAbsolutePath(name) ? name : mDir->filePath(name);
    bool seen = false;
    whenModalOpens<dlui::ExportDialog>([&](dlui::ExportDialog* dialog) {
        seen = true;
        dialog->setInteractive(false);
        dlui::ExportSettings s = dialog->settings();
        s.format = dlui::ExportFormat::Gif;
        s.frames.animation = dlui::AnimationKind::Forward;
        s.frames.stride = 30;
        s.render.size = QSize(96, 96);
        s.outputPath = path;
        dialog->setSettings(s);
        QPushButton* exportButton = nullptr;
        for (auto* b : dialog->findChildren<QPushButton*>())
            if (b->text() == QStringLiteral("&Export")) exportButton = b;
        if (exportButton)
            QTest::mouseClick(exportButton, Qt::LeftButton);
        else
            dialog->reject();
    });
    open();  // returns when the dialog closes (it closes itself after a successful export)
    if (!seen) return {};
    return path;
}

void TestWindowExport::ctrlEExportsAGif() {
    const QString path =
        exportGifThrough([this] { QTest::keyClick(mWindow.get(), Qt::Key_E, Qt::ControlModifier); },
                         QStringLiteral("ctrl-e.gif"));
    QVERIFY2(!path.isEmpty(), "Ctrl+E did not open the Export dialog");
    QFile gif(path);
    QVERIFY(gif.open(QIODevice::ReadOnly));
    QCOMPARE(gif.read(6), QByteArray("GIF89a"));
    QVERIFY(gif.size() > 100);
    // The dialog exported the window's own schedule: T = 150 by default, stride 30 → 6 frames.
    QImageReader reader(path);
    QCOMPARE(reader.imageCount(), mWindow->document()->schedule().T() / 30 + 1);
}

// After an animation was exported to a slides folder, File ▸ Export plots and data opened in Pictures.
// They open in the folder of the last export.
void TestWindowExport::plotsAndTablesOpenWhereTheAnimationWent() {
    QTemporaryDir slides;
    const QString gif = slides.filePath(QStringLiteral("talk.gif"));
    QCOMPARE(exportGifThrough([this] { mWindow->actions().exportFrames->trigger(); }, gif), gif);
    QVERIFY(QFileInfo::exists(gif));
    QString openedIn;
    answerFileDialog(slides.filePath(QStringLiteral("data.csv")), &openedIn);
    mWindow->actions().exportDataCsv->trigger();
    QCOMPARE(openedIn, QFileInfo(gif).absolutePath());
}

void TestWindowExport::fileMenuAndToolbarOpenTheDialog() {
    QAction* menuItem = fileMenuAction(QStringLiteral("&Export…"));
    QVERIFY(menuItem);
    QVERIFY(!exportGifThrough([menuItem] { menuItem->trigger(); }, QStringLiteral("menu.gif")).isEmpty());
    QVERIFY(QFileInfo(mDir->filePath(QStringLiteral("menu.gif"))).size() > 100);

    auto* button =
        qobject_cast<QToolButton*>(mWindow->mainToolBar()->widgetForAction(mWindow->actions().exportFrames));
    QVERIFY(button);
    QVERIFY(
        !exportGifThrough([button] { QTest::mouseClick(button, Qt::LeftButton); }, QStringLiteral("tool.gif"))
             .isEmpty());
    QVERIFY(QFileInfo(mDir->filePath(QStringLiteral("tool.gif"))).size() > 100);
}

void TestWindowExport::schedulePlotsAsPngAndLossAsPdf() {
    // Each file dialog opens in a folder that exists (not the working directory it fell back to without
    // ~/Pictures), and the second where the first one saved.
    QString firstFolder, secondFolder;
    answerFileDialog(mDir->filePath(QStringLiteral("plots.png")), &firstFolder);
    mWindow->actions().exportSchedulePlots->trigger();
    QVERIFY2(QFileInfo(firstFolder).isDir(), qPrintable(firstFolder));
    const QList<QCustomPlot*> panelPlots = mWindow->schedulePanel()->plots()->plots();
    // Each a figure at a slide's proportions, under a title: saved as the dock's strips (628×180) they had
    // none. The same plot laid out at that size without the title starts lower down.
    // Dark pixels in the top band's middle third, where a centred title is drawn.
    const auto titleInk = [](const QImage& image) {
        int ink = 0;
        for (int y = 0; y < image.height() / 12; ++y)
            for (int x = image.width() / 3; x < 2 * image.width() / 3; ++x)
                ink += qGray(image.pixel(x, y)) < 128;
        return ink;
    };
    for (int i = 0; const char* part : {"beta", "alpha", "snr"}) {
        const QImage image(mDir->filePath(QStringLiteral("plots-%1.png").arg(QLatin1String(part))));
        QVERIFY2(!image.isNull(), part);
        QCOMPARE(image.size(), dlui::kPlotFigureSize * 2);
        QCustomPlot* plot = panelPlots.at(i++);
        const QImage bare =
            plot->toPixmap(dlui::kPlotFigureSize.width(), dlui::kPlotFigureSize.height(), 2.0).toImage();
        QVERIFY2(titleInk(image) > 300 && titleInk(image) > 3 * titleInk(bare),
                 qPrintable(QStringLiteral("%1: title ink %2, without a title %3")
                                .arg(QLatin1String(part))
                                .arg(titleInk(image))
                                .arg(titleInk(bare))));
        QVERIFY(plot->plotLayout()->rowCount() == (QLatin1String(part) == QLatin1String("alpha") ? 2 : 1));
    }
    // The marker's circles at t = 0 sit on the plot's left edge (√(1−ᾱ) = 0 at the bottom): they are
    // drawn whole, not cut by the axis rectangle, so some of their red lies left of the curve's start.
    mWindow->timeline()->setT(0);
    answerFileDialog(mDir->filePath(QStringLiteral("zero.png")));
    mWindow->actions().exportSchedulePlots->trigger();
    const QImage alpha =
        QImage(mDir->filePath(QStringLiteral("zero-alpha.png"))).convertToFormat(QImage::Format_RGB32);
    QVERIFY(!alpha.isNull());
    int leftmostRed = alpha.width(), leftmostNoiseCurve = alpha.width();
    for (int y = alpha.height() / 2; y < alpha.height(); ++y)  // below the legend's samples
        for (int x = 0; x < alpha.width(); ++x) {
            const QColor c = alpha.pixelColor(x, y);
            if (c.red() > 170 && c.green() < 110 && c.blue() < 110) leftmostRed = std::min(leftmostRed, x);
            if (std::abs(c.red() - 150) < 25 && std::abs(c.green() - 80) < 25 &&
                std::abs(c.blue() - 170) < 25)
                leftmostNoiseCurve = std::min(leftmostNoiseCurve, x);
        }
    QVERIFY2(
        leftmostRed + 3 < leftmostNoiseCurve,
        qPrintable(
            QStringLiteral("red from x = %1, the curve from %2").arg(leftmostRed).arg(leftmostNoiseCurve)));
    answerFileDialog(mDir->filePath(QStringLiteral("loss.pdf")), &secondFolder);
    mWindow->actions().exportLossPlot->trigger();
    QCOMPARE(secondFolder, QDir(mDir->path()).absolutePath());
    QFile pdf(mDir->filePath(QStringLiteral("loss.pdf")));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QCOMPARE(pdf.read(4), QByteArray("%PDF"));
}

void TestWindowExport::dataAndScheduleAsCsv() {
    const MainWindow::Actions& a = mWindow->actions();
    // Nothing sampled or trained yet: those exports are offered only when there is something to write.
    QVERIFY(!a.exportSamplesCsv->isEnabled());
    QVERIFY(!a.exportTrajectoryCsv->isEnabled());
    QVERIFY(!a.exportLossCsv->isEnabled());

    answerFileDialog(mDir->filePath(QStringLiteral("data")));  // no suffix: .csv is added
    a.exportDataCsv->trigger();
    const QStringList data = readLines(mDir->filePath(QStringLiteral("data.csv")));
    QCOMPARE(data.size(), mWindow->document()->dataSet()->size() + 1);
    QCOMPARE(data.front(), QStringLiteral("x,y"));

    answerFileDialog(mDir->filePath(QStringLiteral("schedule.csv")));
    a.exportScheduleCsv->trigger();
    const QStringList table = readLines(mDir->filePath(QStringLiteral("schedule.csv")));
    QCOMPARE(table.size(), mWindow->document()->schedule().T() + 2);  // header, t = 0..T
    QVERIFY(table.front().startsWith(QStringLiteral("t,beta")));
}

void TestWindowExport::samplesTrajectoryAndLossAfterTrainingAndSampling() {
    auto* live = dlui::TrainingAndSampling::of(mWindow.get());
    QVERIFY(live);
    live->trainPanel()->setAskBeforeDiscard(false);
    live->trainPanel()->setSettings(tinyTraining(200));
    QSignalSpy ended(live->trainingController(), &dlui::TrainingController::runEnded);
    QTest::keyClick(mWindow.get(), Qt::Key_T, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 30000);
    const MainWindow::Actions& a = mWindow->actions();
    QTRY_VERIFY(a.exportLossCsv->isEnabled());

    answerFileDialog(mDir->filePath(QStringLiteral("loss.csv")));
    a.exportLossCsv->trigger();
    const QStringList loss = readLines(mDir->filePath(QStringLiteral("loss.csv")));
    QCOMPARE(loss.size(), 200 + 1);

    // The file dialog has closed: the window is active again, as it is for a person.
    mWindow->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(mWindow.get()));
    live->samplingPanel()->setPointCount(300);
    QSignalSpy ready(live->samplingPanel(), &dlui::SamplingPanel::samplesReady);
    QTest::keyClick(mWindow.get(), Qt::Key_R, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 10000);

    QVERIFY(a.exportSamplesCsv->isEnabled());
    QVERIFY(a.exportTrajectoryCsv->isEnabled());

    answerFileDialog(mDir->filePath(QStringLiteral("samples.csv")));
    a.exportSamplesCsv->trigger();
    QCOMPARE(readLines(mDir->filePath(QStringLiteral("samples.csv"))).size(), 300 + 1);

    answerFileDialog(mDir->filePath(QStringLiteral("chain.csv")));
    a.exportTrajectoryCsv->trigger();
    const auto trajectory = mWindow->document()->trajectory();
    QCOMPARE(readLines(mDir->filePath(QStringLiteral("chain.csv"))).size(),
             static_cast<int>(trajectory->states.size()) * 300 + 1);

    // With a trajectory, the Export dialog can write the reverse process too, and starts on it while the
    // view shows it (it started on the forward process, remembered from the last export).
    // Its range runs to the chain's T, the model's, though the editor now shows a shorter one.
    QCOMPARE(mWindow->timeline()->mode(), dlui::Timeline::Mode::Reverse);
    const int chainT = mWindow->document()->reverseSchedule().T();
    dl::ScheduleParams shorter = mWindow->document()->schedule().params();
    shorter.T = chainT / 3;
    QVERIFY(mWindow->document()->setScheduleParams(shorter));
    QVERIFY(mWindow->document()->trajectory());
    QCOMPARE(mWindow->document()->reverseSchedule().T(), chainT);
    const QString reverse = mDir->filePath(QStringLiteral("reverse.gif"));
    std::optional<dlui::AnimationKind> startedOn;
    int rangeEnd = -1;
    whenModalOpens<dlui::ExportDialog>([&](dlui::ExportDialog* dialog) {
        dialog->setInteractive(false);
        dlui::ExportSettings e = dialog->settings();
        startedOn = e.frames.animation;
        rangeEnd = e.frames.tLast;
        e.format = dlui::ExportFormat::Gif;
        e.frames.animation = dlui::AnimationKind::Reverse;
        e.frames.stride = 20;
        e.render.size = QSize(64, 64);
        e.outputPath = reverse;
        dialog->setSettings(e);
        QTest::keyClick(dialog, Qt::Key_Return);  // the Export button is the default
    });
    mWindow->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(mWindow.get()));
    QTest::keyClick(mWindow.get(), Qt::Key_E, Qt::ControlModifier);
    QCOMPARE(startedOn, std::optional(dlui::AnimationKind::Reverse));
    QCOMPARE(rangeEnd, chainT);
    QVERIFY(QImageReader(reverse).imageCount() > 1);

    // Back on the forward process, the dialog starts there, though the last export was the reverse one.
    mWindow->timeline()->setMode(dlui::Timeline::Mode::Forward);
    startedOn.reset();
    whenModalOpens<dlui::ExportDialog>([&](dlui::ExportDialog* dialog) {
        startedOn = dialog->settings().frames.animation;
        dialog->reject();
    });
    mWindow->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(mWindow.get()));
    QTest::keyClick(mWindow.get(), Qt::Key_E, Qt::ControlModifier);
    QCOMPARE(startedOn, std::optional(dlui::AnimationKind::Forward));
}

void TestWindowExport::copyViewPutsTheViewOnTheClipboard() {
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(mWindow.get(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    const QImage image = QGuiApplication::clipboard()->image();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), mWindow->mainView()->size() * mWindow->mainView()->devicePixelRatio());
}

bool TestWindowExport::exportForwardGif(bool arrows, const QString& name, QList<QImage>* frames) {
    const QString path = mDir->filePath(name);
    bool offered = false;
    whenModalOpens<dlui::ExportDialog>([&](dlui::ExportDialog* dialog) {
        dialog->setInteractive(false);
        for (auto* box : dialog->findChildren<QCheckBox*>())
            if (box->text().startsWith(QStringLiteral("Arrow f&ield"))) offered = box->isEnabled();
        dlui::ExportSettings s = dialog->settings();
        s.format = dlui::ExportFormat::Gif;
        s.frames.animation = dlui::AnimationKind::Forward;
        s.frames.stride = 50;
        s.render.size = QSize(120, 120);
        s.render.drawArrows = arrows;
        s.outputPath = path;
        dialog->setSettings(s);
        for (auto* b : dialog->findChildren<QPushButton*>())
            if (b->text() == QStringLiteral("&Export")) return QTest::mouseClick(b, Qt::LeftButton);
        dialog->reject();
    });
    // The last dialog has closed: the window is active again, as it is for a person.
    mWindow->activateWindow();
    if (!QTest::qWaitForWindowActive(mWindow.get())) return false;
    QTest::keyClick(mWindow.get(), Qt::Key_E, Qt::ControlModifier);
    QImageReader reader(path);
    while (reader.canRead()) frames->append(reader.read());
    return offered;
}

// The Export dialog's "Arrow field (−ε̂)" was disabled whatever the window had: the window never handed it a
// denoiser, and its tooltip asked for a model that was there. It now gets the one the Sampling panel has
// chosen: the exact denoiser of the data, or the trained model; with it the frames after t = 0 show the
// arrows (they differ from the same export without them), and without a model "Learned" offers none.
void TestWindowExport::arrowFieldExportsWithTheWindowsDenoiser() {
    auto* live = dlui::TrainingAndSampling::of(mWindow.get());
    QVERIFY(live);
    QList<QImage> plain, withArrows;
    live->samplingPanel()->setDenoiser(dlui::SamplingPanel::DenoiserChoice::Learned);
    QVERIFY2(!exportForwardGif(false, QStringLiteral("none.gif"), &plain), "arrows offered without a model");
    QVERIFY(plain.size() >= 3);

    live->samplingPanel()->setDenoiser(dlui::SamplingPanel::DenoiserChoice::Exact);
    QVERIFY2(exportForwardGif(true, QStringLiteral("exact.gif"), &withArrows),
             "no arrows with the exact denoiser");
    QCOMPARE(withArrows.size(), plain.size());
    QCOMPARE(withArrows.front(), plain.front());  // t = 0: no arrows
    for (int k = 1; k < plain.size(); ++k)
        QVERIFY2(withArrows[k] != plain[k], qPrintable(QString::number(k)));

    live->trainPanel()->setAskBeforeDiscard(false);
    live->trainPanel()->setSettings(tinyTraining(100));
    QSignalSpy ended(live->trainingController(), &dlui::TrainingController::runEnded);
    mWindow->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(mWindow.get()));
    QTest::keyClick(mWindow.get(), Qt::Key_T, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 30000);
    QTRY_VERIFY(mWindow->document()->hasModel());
    mWindow->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(mWindow.get()));
    live->samplingPanel()->setDenoiser(dlui::SamplingPanel::DenoiserChoice::Learned);
    QList<QImage> learned;
    QVERIFY2(exportForwardGif(true, QStringLiteral("learned.gif"), &learned),
             "no arrows with the trained model");
    QCOMPARE(learned.size(), plain.size());
    QVERIFY(learned.back() != plain.back());
}

// PNG frames exported with a transparent background came back as White at the next Ctrl+E: the dialog starts
// with the window's theme, and no theme is transparent. A transparent background is kept for PNG frames;
// any other background still follows the theme.
void TestWindowExport::transparentPngFramesStayTransparent() {
    const auto closeWith = [this](dlui::Background background) {
        bool seen = false;
        whenModalOpens<dlui::ExportDialog>([&](dlui::ExportDialog* dialog) {
            seen = true;
            dlui::ExportSettings s = dialog->settings();
            s.format = dlui::ExportFormat::PngSequence;
            s.outputPath = mDir->filePath(QStringLiteral("frames"));
            s.render.background = background;
            dialog->setSettings(s);
            dialog->reject();  // closing keeps the choices, as an export does
        });
        mWindow->actions().exportFrames->trigger();
        return seen;
    };
    const auto opensWith = [this] {
        std::optional<dlui::Background> background;
        whenModalOpens<dlui::ExportDialog>([&](dlui::ExportDialog* dialog) {
            background = dialog->settings().render.background;
            dialog->reject();
        });
        mWindow->actions().exportFrames->trigger();
        return background;
    };
    QVERIFY(closeWith(dlui::Background::Transparent));
    QCOMPARE(opensWith(), std::optional(dlui::Background::Transparent));
    QVERIFY(closeWith(dlui::Background::Dark));
    QCOMPARE(opensWith(), std::optional(mWindow->mainView()->renderOptions().background));
    QVERIFY(mWindow->mainView()->renderOptions().background != dlui::Background::Dark);
}

// Closing the dialog while it exports cancels the export, which left nothing behind and said nothing: the
// status bar says so.
void TestWindowExport::aCancelledExportSaysSo() {
    const QString path = mDir->filePath(QStringLiteral("long.gif"));
    whenModalOpens<dlui::ExportDialog>([&](dlui::ExportDialog* dialog) {
        dialog->setInteractive(false);
        dlui::ExportSettings s = dialog->settings();
        s.format = dlui::ExportFormat::Gif;
        s.frames.animation = dlui::AnimationKind::Forward;
        s.frames.stride = 1;
        s.render.size = QSize(1600, 1600);  // long enough to be under way when the dialog closes
        s.outputPath = path;
        dialog->setSettings(s);
        dialog->startExport();
        dialog->reject();
    });
    QTest::keyClick(mWindow.get(), Qt::Key_E, Qt::ControlModifier);
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY2(mWindow->statusBar()->currentMessage().contains(QStringLiteral("cancelled")),
             qPrintable(mWindow->statusBar()->currentMessage()));
}

QTEST_MAIN(TestWindowExport)
#include "tst_window_export.moc"
