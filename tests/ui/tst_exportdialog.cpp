// The Export dialog and its job (export in a worker thread, progress, cancel, no half file), and the
// small helpers: CSV tables, plots as PNG/PDF, the clipboard.
#include <qcustomplot.h>

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QProgressDialog>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QtTest>
#include <utility>
#include <vector>

#include "core/data/dataset.h"
#include "core/data/pointgenerators.h"
#include "core/math/rng.h"
#include "ui/export/exportdialog.h"
#include "ui/export/exportprogress.h"
#include "ui/export/plotexport.h"
#include "ui/render/csvexport.h"
#include "ui/render/exportjob.h"

using namespace dlui;

namespace {

ExportInput moons(int n = 400) {
    dl::Rng rng(2);
    ExportInput in;
    in.data = dl::makePointDataSet("moons", dl::generatePoints("moons", n, rng));
    dl::ScheduleParams p;
    p.T = 20;
    p.betaStart = 0.01;
    p.betaEnd = 0.3;
    in.schedule = dl::Schedule(p);
    in.forwardNoise.resize(n, 2);
    dl::Rng noise(5);
    noise.fillNormal(in.forwardNoise);
    return in;
}

/// The dialog's settings for a small export (120×100) of every stride-th t into path.
ExportSettings smallExport(const ExportDialog& dialog, ExportFormat format, const QString& path, int stride) {
    ExportSettings s = dialog.settings();
    s.format = format;
    s.outputPath = path;
    s.render.size = QSize(120, 100);
    s.frames.stride = stride;
    return s;
}

QStringList lines(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) return {};
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

}  // namespace

class TestExportDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);  // settings go to a test location, not the user's
        QCoreApplication::setOrganizationName(QStringLiteral("DiffusionLabTests"));
    }
    void dialogExportsInTheBackground();
    void aNameTypedWithoutSuffixGetsTheFormats();
    void theNameAndTheFormatAgree();
    void aRelativePathIsRefusedAndANewFolderIsSaid();
    void progressSaysHowLongIsLeft();
    void progressDialogShowsTheTimeLeft();
    void dialogRefusesExistingOutputWithoutAsking();
    void closingTheDialogCancelsTheExport();
    void reverseNeedsATrajectory();
    void jobCancelLeavesNoFile();
    void csvTables();
    void plotsAsPngAndPdf();
    void clipboardTakesTheImage();
    void dialogLaysOut();
};

void TestExportDialog::dialogExportsInTheBackground() {
    QTemporaryDir tmp;
    ExportDialog dialog(moons());
    dialog.setInteractive(false);
    // t = 0, 5, 10, 15, 20
    const ExportSettings s =
        smallExport(dialog, ExportFormat::Gif, tmp.filePath(QStringLiteral("dialog.gif")), 5);
    dialog.setSettings(s);
    QCOMPARE(dialog.settings().outputPath, s.outputPath);
    QCOMPARE(dialog.settings().render.size, QSize(120, 100));
    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    dialog.startExport();
    QVERIFY(finished.wait(20000));
    QVERIFY2(dialog.lastResult().ok, qPrintable(dialog.lastResult().message));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QImageReader reader(s.outputPath);
    QCOMPARE(reader.imageCount(), 5);
    QCOMPARE(reader.size(), QSize(120, 100));
}

// "anim" typed into Save to with GIF chosen wrote a file called "anim", which nothing opens as a GIF.
void TestExportDialog::aNameTypedWithoutSuffixGetsTheFormats() {
    QTemporaryDir tmp;
    ExportDialog dialog(moons());
    dialog.setInteractive(false);
    const ExportSettings s = smallExport(dialog, ExportFormat::Gif, tmp.filePath(QStringLiteral("anim")), 5);
    dialog.setSettings(s);
    QCOMPARE(dialog.settings().outputPath, tmp.filePath(QStringLiteral("anim.gif")));
    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    dialog.startExport();
    QVERIFY(finished.wait(20000));
    QVERIFY2(dialog.lastResult().ok, qPrintable(dialog.lastResult().message));
    QCOMPARE(QImageReader(tmp.filePath(QStringLiteral("anim.gif"))).imageCount(), 5);
    QVERIFY(!QFileInfo::exists(tmp.filePath(QStringLiteral("anim"))));
    // A folder of PNG frames has no suffix to add.
    dialog.setSettings(
        smallExport(dialog, ExportFormat::PngSequence, tmp.filePath(QStringLiteral("frames")), 5));
    QCOMPARE(dialog.settings().outputPath, tmp.filePath(QStringLiteral("frames")));
}

// WebM chosen with "a.mp4" in Save to (typed, or remembered from an earlier MP4 export) wrote a VP9 stream
// into a file called a.mp4. A suffix typed chooses its format; one left from another format is replaced.
void TestExportDialog::theNameAndTheFormatAgree() {
    QTemporaryDir tmp;
    ExportDialog dialog(moons());
    dialog.setInteractive(false);
    dialog.setSettings(smallExport(dialog, ExportFormat::WebM, tmp.filePath(QStringLiteral("a.mp4")), 5));
    QCOMPARE(dialog.settings().format, ExportFormat::WebM);
    QCOMPARE(dialog.settings().outputPath, tmp.filePath(QStringLiteral("a.webm")));
    dialog.setSettings(
        smallExport(dialog, ExportFormat::PngSequence, tmp.filePath(QStringLiteral("f.gif")), 5));
    QCOMPARE(dialog.settings().outputPath, tmp.filePath(QStringLiteral("f")));

    auto* path = dialog.findChild<QLineEdit*>(QStringLiteral("exportPath"));
    auto* format = dialog.findChild<QComboBox*>(QStringLiteral("exportFormat"));
    QVERIFY(path && format);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    path->selectAll();
    QTest::keyClicks(path, tmp.filePath(QStringLiteral("talk.gif")));
    QCOMPARE(dialog.settings().format, ExportFormat::Gif);
    QCOMPARE(dialog.settings().outputPath, tmp.filePath(QStringLiteral("talk.gif")));
    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    dialog.startExport();
    QVERIFY(finished.wait(20000));
    QVERIFY2(dialog.lastResult().ok, qPrintable(dialog.lastResult().message));
    QCOMPARE(QImageReader(tmp.filePath(QStringLiteral("talk.gif"))).format(), QByteArray("gif"));
}

// "Z:\slides\diffusion.gif" typed in Save to was written beside wherever the program had been started, and
// the export reported it as typed; a mistyped folder was made without a word. A relative path is refused
// with a message, "~/" is the home folder, and a folder the export would make is named before it is.
void TestExportDialog::aRelativePathIsRefusedAndANewFolderIsSaid() {
    QTemporaryDir tmp;
    ExportDialog dialog(moons());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* path = dialog.findChild<QLineEdit*>(QStringLiteral("exportPath"));
    auto* summary = dialog.findChild<QLabel*>(QStringLiteral("exportSummary"));
    QPushButton* exportButton = nullptr;
    for (auto* b : dialog.findChildren<QPushButton*>())
        if (b->text() == QStringLiteral("&Export")) exportButton = b;
    QVERIFY(path && summary && exportButton);
    dialog.setSettings(smallExport(dialog, ExportFormat::Gif, tmp.filePath(QStringLiteral("a.gif")), 5));
    QVERIFY(exportButton->isEnabled());

    path->setText(QStringLiteral("Z:\\slides\\diffusion.gif"));
    QVERIFY2(summary->text().contains(QStringLiteral("whole path")), qPrintable(summary->text()));
    QVERIFY(!exportButton->isEnabled());

    path->setText(QStringLiteral("~/talk.gif"));
    QCOMPARE(dialog.settings().outputPath, QDir::homePath() + QStringLiteral("/talk.gif"));

    path->setText(tmp.filePath(QStringLiteral("new/deeper/a.gif")));
    QVERIFY(exportButton->isEnabled());
    QVERIFY2(
        summary->text().contains(QStringLiteral("The folder %1 does not exist yet")
                                     .arg(QDir::toNativeSeparators(tmp.filePath(QStringLiteral("new"))))),
        qPrintable(summary->text()));
    path->setText(tmp.filePath(QStringLiteral("a.gif")));
    QVERIFY2(!summary->text().contains(QStringLiteral("does not exist")), qPrintable(summary->text()));

    // A file where a folder would have to be: said "it will be made", then the export failed on it. It is
    // named at once, and Export waits for another place.
    QFile blocker(tmp.filePath(QStringLiteral("notes.txt")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    path->setText(tmp.filePath(QStringLiteral("notes.txt/frames/a.gif")));
    QVERIFY2(summary->text().contains(
                 QStringLiteral("%1 is a file, not a folder")
                     .arg(QDir::toNativeSeparators(tmp.filePath(QStringLiteral("notes.txt"))))),
             qPrintable(summary->text()));
    QVERIFY(!exportButton->isEnabled());
    path->setText(tmp.filePath(QStringLiteral("a.gif")));
    QVERIFY(exportButton->isEnabled());
    // Two lines' room from the start, so a summary that wraps does not move the controls above it.
    QVERIFY(summary->height() >= 2 * summary->fontMetrics().lineSpacing());
}

void TestExportDialog::progressSaysHowLongIsLeft() {
    const QString plain = QStringLiteral("Rendering frames…");
    QCOMPARE(exportProgressText(0, 10, 0.0), plain);
    QCOMPARE(exportProgressText(2, 10, 5.0), plain);  // the pace is not known yet
    // 4 frames in 2 s: 6 more take about 3 s.
    QCOMPARE(exportProgressText(4, 10, 2.0), QStringLiteral("Rendering frame 5 of 10 · about 3 s left"));
    QCOMPARE(exportProgressText(50, 500, 20.0),
             QStringLiteral("Rendering frame 51 of 500 · about 3 min 0 s left"));
    QCOMPARE(exportProgressText(10, 10, 4.0), QStringLiteral("Writing the file…"));
}

void TestExportDialog::progressDialogShowsTheTimeLeft() {
    // Through the dialog: the progress dialog's text follows the frames, with the time left once it is
    // known, and says the file is being written after the last frame.
    QTemporaryDir tmp;
    ExportDialog dialog(moons());
    dialog.setInteractive(false);
    // t = 0 … 20: 21 frames
    dialog.setSettings(
        smallExport(dialog, ExportFormat::PngSequence, tmp.filePath(QStringLiteral("frames")), 1));
    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    dialog.startExport();
    auto* progress = dialog.findChild<QProgressDialog*>();
    auto* bar = progress ? progress->findChild<QProgressBar*>() : nullptr;
    QVERIFY(bar);
    QStringList labels;
    connect(bar, &QProgressBar::valueChanged, &dialog,
            [&labels, progress] { labels << progress->labelText(); });
    QVERIFY(finished.wait(20000));
    QVERIFY2(dialog.lastResult().ok, qPrintable(dialog.lastResult().message));
    QVERIFY2(labels.size() >= 5, qPrintable(labels.join(QLatin1Char('|'))));
    QVERIFY2(labels.filter(QStringLiteral(" left")).size() >= 3, qPrintable(labels.join(QLatin1Char('|'))));
    QCOMPARE(labels.back(), QStringLiteral("Writing the file…"));
}

void TestExportDialog::dialogRefusesExistingOutputWithoutAsking() {
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("taken.gif"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("keep");
    f.close();
    ExportDialog dialog(moons());
    dialog.setInteractive(false);
    ExportSettings s = dialog.settings();
    s.format = ExportFormat::Gif;
    s.outputPath = path;
    dialog.setSettings(s);
    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    dialog.startExport();
    QCOMPARE(finished.count(), 1);
    QVERIFY(!dialog.lastResult().ok);
    QVERIFY(dialog.lastResult().message.contains(QStringLiteral("already exists")));
    QFile again(path);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), QByteArray("keep"));
}

void TestExportDialog::closingTheDialogCancelsTheExport() {
    QTemporaryDir tmp;
    ExportDialog dialog(moons(4000));
    dialog.setInteractive(false);
    ExportSettings s = dialog.settings();
    s.format = ExportFormat::Gif;
    s.outputPath = tmp.filePath(QStringLiteral("closed.gif"));
    s.render.size = QSize(1600, 1600);  // slow enough frames that the close comes first
    s.frames.stride = 1;
    dialog.setSettings(s);
    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    dialog.startExport();
    dialog.reject();  // Cancel / Escape while exporting
    QVERIFY(finished.wait(30000));
    QVERIFY(dialog.lastResult().cancelled);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!QFile::exists(s.outputPath));
    QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList());
}

void TestExportDialog::reverseNeedsATrajectory() {
    ExportDialog dialog(moons());
    auto* animation = dialog.findChildren<QComboBox*>().first();
    // Without a trajectory the reverse items are disabled, and their text says what to do.
    auto* model = qobject_cast<QStandardItemModel*>(animation->model());
    QVERIFY(model);
    QVERIFY(!model->item(1)->isEnabled());
    QVERIFY(!model->item(2)->isEnabled());
    QCOMPARE(animation->itemText(1), QStringLiteral("Reverse process: sample first"));
    QCOMPARE(animation->itemText(2), QStringLiteral("Both, back to back: sample first"));
    ExportInput in = moons();
    dl::Trajectory tr;
    tr.timesteps = {20, 10, 0};
    tr.states = {in.forwardNoise, in.data.points, in.data.points};
    tr.sampler = "ddpm";
    in.reverse = tr;
    ExportDialog withTrajectory(in);
    auto* model2 =
        qobject_cast<QStandardItemModel*>(withTrajectory.findChildren<QComboBox*>().first()->model());
    QVERIFY(model2->item(1)->isEnabled());
    QCOMPARE(withTrajectory.findChildren<QComboBox*>().first()->itemText(1),
             QStringLiteral("Reverse process (sampling)"));

    // A chain sampled with the model's T = 60 while the editor shows T = 20: the reverse range runs to 60,
    // so the export starts from pure noise (it was capped at 20, and typing 60 gave 6); forward stays 20.
    dl::ScheduleParams modelParams = in.schedule.params();
    modelParams.T = 60;
    in.reverseSchedule = dl::Schedule(modelParams);
    in.reverse->timesteps = {60, 30, 0};
    ExportDialog longerChain(in);
    ExportSettings reverse = longerChain.settings();
    reverse.frames.animation = AnimationKind::Reverse;
    reverse.frames.tFirst = 0;
    reverse.frames.tLast = -1;  // to the end
    longerChain.setSettings(reverse);
    QCOMPARE(longerChain.settings().frames.tLast, 60);
    ExportSettings forward = longerChain.settings();
    forward.frames.animation = AnimationKind::Forward;
    forward.frames.tLast = -1;
    longerChain.setSettings(forward);
    QCOMPARE(longerChain.settings().frames.tLast, 20);
}

void TestExportDialog::jobCancelLeavesNoFile() {
    QTemporaryDir tmp;
    ExportSettings s;
    s.format = ExportFormat::Gif;
    s.outputPath = tmp.filePath(QStringLiteral("cancel.gif"));
    s.render.size = QSize(400, 400);
    ExportJob job(moons(4000), s);
    QSignalSpy progressed(&job, &ExportJob::progressed);
    QSignalSpy finished(&job, &ExportJob::finished);
    connect(&job, &ExportJob::progressed, &job, [&job](int done, int) {
        if (done >= 2) job.cancel();
    });
    job.start();
    QVERIFY(finished.wait(20000));
    const auto result = finished.first().first().value<ExportResult>();
    QVERIFY(result.cancelled);
    QVERIFY(!QFile::exists(s.outputPath));
    QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList());
    QVERIFY(progressed.count() >= 2);
}

void TestExportDialog::csvTables() {
    QTemporaryDir tmp;
    const ExportInput in = moons(50);
    QCOMPARE(writeDataSetCsv(tmp.filePath(QStringLiteral("data.csv")), in.data), QString());
    QStringList rows = lines(tmp.filePath(QStringLiteral("data.csv")));
    QCOMPARE(rows.size(), 51);
    QCOMPARE(rows.first(), QStringLiteral("x,y"));
    // Data coordinates round-trip to 1e-5.
    const dl::Batch raw = in.data.norm.toData(in.data.points);
    const QStringList first = rows[1].split(QLatin1Char(','));
    QVERIFY(std::abs(first[0].toDouble() - raw(0, 0)) < 1e-5);

    dl::Trajectory tr;
    tr.timesteps = {20, 0};
    tr.states = {in.forwardNoise, in.data.points};
    QCOMPARE(writeTrajectoryCsv(tmp.filePath(QStringLiteral("chain.csv")), tr, in.data.norm), QString());
    rows = lines(tmp.filePath(QStringLiteral("chain.csv")));
    QCOMPARE(rows.size(), 1 + 2 * 50);
    QCOMPARE(rows.first(), QStringLiteral("step,id,x,y"));
    QVERIFY(rows[1].startsWith(QStringLiteral("20,0,")));
    QVERIFY(rows.last().startsWith(QStringLiteral("0,49,")));

    QCOMPARE(writeScheduleCsv(tmp.filePath(QStringLiteral("schedule.csv")), in.schedule), QString());
    rows = lines(tmp.filePath(QStringLiteral("schedule.csv")));
    QCOMPARE(rows.size(), 1 + 21);
    const QStringList last = rows.last().split(QLatin1Char(','));
    QCOMPARE(last[0], QStringLiteral("20"));
    QVERIFY(std::abs(last[3].toDouble() - in.schedule.alphaBar(20)) < 1e-15);

    QCOMPARE(writeLossCsv(tmp.filePath(QStringLiteral("loss.csv")), std::vector<float>{1.0f, 0.5f, 0.25f}),
             QString());
    QCOMPARE(lines(tmp.filePath(QStringLiteral("loss.csv"))),
             (QStringList{QStringLiteral("step,loss"), QStringLiteral("1,1"), QStringLiteral("2,0.5"),
                          QStringLiteral("3,0.25")}));
    // A missing folder is made (as the plot and animation exports do); one under a file cannot be.
    QCOMPARE(writeLossCsv(tmp.filePath(QStringLiteral("new/folder/loss.csv")), std::vector<float>{1.0f}),
             QString());
    QVERIFY(QFile::exists(tmp.filePath(QStringLiteral("new/folder/loss.csv"))));
    QVERIFY(!writeLossCsv(tmp.filePath(QStringLiteral("loss.csv/inside.csv")), std::vector<float>{1.0f})
                 .isEmpty());

    // A value loaded as 0.69643 is written as 0.69643, not 0.696430027 (nine digits for every float).
    dl::DataSet plain;
    plain.points = dl::Batch(1, 2);
    plain.points << 0.69643f, -1.5f;
    plain.norm.offset = Eigen::Vector2f::Zero();
    plain.norm.scale = 1.0f;
    QCOMPARE(writeDataSetCsv(tmp.filePath(QStringLiteral("plain.csv")), plain), QString());
    QCOMPARE(lines(tmp.filePath(QStringLiteral("plain.csv"))).value(1), QStringLiteral("0.69643,-1.5"));
    // Through a real normalisation and back, -2.0916 came out as -2.0915997: the data set's own points are
    // written as they were read, to a float's seven digits.
    dl::Batch loaded(3, 2);
    loaded << -2.0916f, -2.741f, 3.25f, 0.125f, 10.5f, -7.75f;
    const dl::DataSet scaled = dl::makePointDataSet("loaded", loaded);
    QVERIFY(scaled.norm.scale != 1.0f);
    QCOMPARE(writeDataSetCsv(tmp.filePath(QStringLiteral("scaled.csv")), scaled), QString());
    QCOMPARE(lines(tmp.filePath(QStringLiteral("scaled.csv"))).mid(1),
             (QStringList{QStringLiteral("-2.0916,-2.741"), QStringLiteral("3.25,0.125"),
                          QStringLiteral("10.5,-7.75")}));
    // An image data set's pixels are the whole numbers of its 8-bit images: 7, not 6.99999952.
    dl::DataSet image;
    image.kind = dl::DataKind::Image;
    image.image = {2, 1, 1};
    image.norm = dl::imageNormalisation(2);
    image.points = image.norm.toNormalised((dl::Batch(1, 2) << 7.0f, 30.0f).finished());
    QCOMPARE(writeDataSetCsv(tmp.filePath(QStringLiteral("pixels.csv")), image), QString());
    QCOMPARE(lines(tmp.filePath(QStringLiteral("pixels.csv"))).value(1), QStringLiteral("0,7,30"));
}

void TestExportDialog::plotsAsPngAndPdf() {
    QTemporaryDir tmp;
    QCustomPlot plot;
    plot.resize(300, 200);
    plot.addGraph();
    plot.graph(0)->setData({0, 1, 2}, {1, 0.5, 0.2});
    plot.rescaleAxes();
    QCOMPARE(savePlot(&plot, tmp.filePath(QStringLiteral("p.png")), QSize(300, 200), 2.0), QString());
    QCOMPARE(QImageReader(tmp.filePath(QStringLiteral("p.png"))).size(), QSize(600, 400));
    QCOMPARE(savePlot(&plot, tmp.filePath(QStringLiteral("p.pdf")), QSize(300, 200)), QString());
    QFile pdf(tmp.filePath(QStringLiteral("p.pdf")));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QVERIFY(!savePlot(&plot, tmp.filePath(QStringLiteral("p.svg"))).isEmpty());
    // Only the two files: no temporaries left.
    QCOMPARE(QDir(tmp.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
}

void TestExportDialog::clipboardTakesTheImage() {
    QImage image(20, 10, QImage::Format_ARGB32);
    image.fill(Qt::red);
    QVERIFY(copyImageToClipboard(image));
    const QImage back = QGuiApplication::clipboard()->image();
    if (back.isNull()) QSKIP("this platform plugin keeps no clipboard");
    QCOMPARE(back.size(), image.size());
}

void TestExportDialog::dialogLaysOut() {
    ExportDialog dialog(moons());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // It fits a 1280×720 screen at its preferred size, and at that size every control gets at least its
    // minimum size, lies inside the dialog and overlaps no other control (a squeezed or clipped layout
    // fails here, whatever the dialog's overall size).
    QVERIFY2(dialog.sizeHint().width() <= 1280 && dialog.sizeHint().height() <= 720,
             qPrintable(QStringLiteral("size hint %1x%2")
                            .arg(dialog.sizeHint().width())
                            .arg(dialog.sizeHint().height())));
    dialog.resize(dialog.sizeHint());
    QCoreApplication::processEvents();
    const auto isControl = [](const QWidget* w) {
        return qobject_cast<const QAbstractButton*>(w) || qobject_cast<const QComboBox*>(w) ||
               qobject_cast<const QAbstractSpinBox*>(w) || qobject_cast<const QLineEdit*>(w) ||
               qobject_cast<const QLabel*>(w) || qobject_cast<const QProgressBar*>(w);
    };
    std::vector<std::pair<QWidget*, QRect>> controls;
    for (QWidget* w : dialog.findChildren<QWidget*>()) {
        if (!w->isVisible() || !isControl(w)) continue;
        bool inner = false;  // the line edit inside a spin box or combo box is part of that control
        for (QWidget* p = w->parentWidget(); p && p != &dialog; p = p->parentWidget())
            inner = inner || isControl(p);
        if (inner) continue;
        const QRect r(w->mapTo(&dialog, QPoint(0, 0)), w->size());
        const QString name =
            QStringLiteral("%1 \"%2\"")
                .arg(QString::fromLatin1(w->metaObject()->className()), w->property("text").toString());
        QVERIFY2(dialog.rect().contains(r), qPrintable(name + QStringLiteral(" sticks out of the dialog")));
        const QSize minimum = w->minimumSizeHint();
        QVERIFY2(w->width() >= minimum.width() && w->height() >= minimum.height(),
                 qPrintable(name + QStringLiteral(" is squeezed below its minimum size")));
        for (const auto& [other, otherRect] : controls)
            QVERIFY2(!r.intersects(otherRect),
                     qPrintable(name + QStringLiteral(" overlaps ") +
                                QString::fromLatin1(other->metaObject()->className())));
        controls.emplace_back(w, r);
    }
    QVERIFY(controls.size() >= 10);
    // The output path shows a typical folder and name whole: in the narrower Chinese dialog only
    // "np/h1-export/both.gif" of it was visible.
    QLineEdit* path = nullptr;
    for (QLineEdit* edit : dialog.findChildren<QLineEdit*>())
        if (edit->isClearButtonEnabled()) path = edit;
    QVERIFY(path);
    const QString typical = QStringLiteral("/home/teacher/Documents/diffusion-lab/forward.gif");
    QVERIFY2(path->width() >= path->fontMetrics().horizontalAdvance(typical),
             qPrintable(QStringLiteral("%1 px for %2 px of path")
                            .arg(path->width())
                            .arg(path->fontMetrics().horizontalAdvance(typical))));
    const QImage shot = dialog.grab().toImage();
    // DL_SCREENSHOT_DIR=/some/folder keeps a picture of the dialog to look at.
    const QString folder = qEnvironmentVariable("DL_SCREENSHOT_DIR");
    if (!folder.isEmpty()) QVERIFY(shot.save(QDir(folder).filePath(QStringLiteral("exportdialog.png"))));
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
