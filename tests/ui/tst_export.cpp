// Export end to end: PNG sequences and GIFs decoded back (frame count, size, the points of x_t at the
// recorded t, identical runs), cancel and failures leave no final file, limits and messages, video.
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "core/data/dataset.h"
#include "core/math/forwardprocess.h"
#include "ui/export/exportinput.h"
#include "ui/render/exporter.h"
#include "ui/render/framewriters.h"
#include "ui/render/viewbounds.h"

using namespace dlui;

namespace {

/// Three points far apart and no noise: x_t = √ᾱ_t x_0 exactly, so each frame's dots are known.
ExportInput threePoints() {
    dl::Batch raw(3, 2);
    raw << -2.0f, -1.0f, 2.0f, 1.5f, 0.5f, -2.0f;
    ExportInput in;
    in.data = dl::makePointDataSet("three", raw);
    dl::ScheduleParams p;
    p.T = 10;
    p.betaStart = 0.05;
    p.betaEnd = 0.3;
    in.schedule = dl::Schedule(p);
    in.forwardNoise = dl::Batch::Zero(3, 2);
    return in;
}

ExportSettings smallSettings(ExportFormat format, const QString& path) {
    ExportSettings s;
    s.format = format;
    s.outputPath = path;
    s.render.size = QSize(96, 96);
    s.render.pointRadius = 5;
    s.render.drawAxes = false;
    s.render.drawCaption = false;
    s.render.drawDensity = false;
    s.render.drawTrails = false;
    s.render.drawArrows = false;
    s.overlays.colorByOrigin = false;
    s.frames.stride = 3;  // t = 0, 3, 6, 9
    s.fps = 10;
    return s;
}

QPoint pixelOf(const QRectF& view, const QSize& size, double x, double y) {
    const QRectF data = equalAspectBounds(view, QSizeF(size));
    return QPoint(
        static_cast<int>(std::floor((x - data.left()) / data.width() * size.width())),
        static_cast<int>(std::floor(size.height() - (y - data.top()) / data.height() * size.height())));
}

bool isPointColour(const QColor& c) {
    return c.blue() > 120 && c.red() < 160 && c.blue() > c.red() + 40;
}

/// Checks that `frame` shows the three points of x_t at their mapped positions.
void checkShowsXt(const QImage& frame, const ExportInput& in, const QRectF& view, int t) {
    const dl::Batch xt =
        in.data.norm.toData(dl::noiseToStep(in.schedule, in.data.points, t, in.forwardNoise));
    for (int i = 0; i < 3; ++i) {
        const QPoint p = pixelOf(view, frame.size(), xt(i, 0), xt(i, 1));
        const QColor c = frame.pixelColor(p);
        QVERIFY2(isPointColour(c), qPrintable(QStringLiteral("t=%1 point %2 at (%3,%4): %5")
                                                  .arg(t)
                                                  .arg(i)
                                                  .arg(p.x())
                                                  .arg(p.y())
                                                  .arg(c.name())));
    }
}

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList visibleAndHidden(const QString& folder) {
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

}  // namespace

class TestExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pngSequenceShowsXtAndRecordsT();
    void gifDecodesToTheFramesOfXt();
    void consecutiveRunsAreIdentical();
    void reverseFramesFollowTheTrajectory();
    void oneReverseFramePerTimestep();
    void cancelLeavesNoFile_data();
    void cancelLeavesNoFile();
    void existingOutputNeedsOverwrite();
    void unwritableFolderGivesAMessage();
    void limitsAndFormatChecks();
    void imageDataExportsAGridPerFrame();
    void documentGivesTheExportInput();
    void videoThroughFfmpeg();
    void missingFfmpegGivesAMessage();
};

void TestExport::pngSequenceShowsXtAndRecordsT() {
    QTemporaryDir tmp;
    const ExportInput in = threePoints();
    const ExportSettings s = smallSettings(ExportFormat::PngSequence, tmp.filePath(QStringLiteral("frames")));
    const ExportResult r = runExport(in, s);
    QVERIFY2(r.ok, qPrintable(r.message));
    QCOMPARE(r.frames, 4);
    const QDir dir(s.outputPath);
    QCOMPARE(dir.entryList({QStringLiteral("frame_*.png")}, QDir::Files).size(), 4);
    QCOMPARE(visibleAndHidden(s.outputPath).size(), 5);  // 4 frames + sidecar, no staging left

    QFile sidecarFile(dir.filePath(QStringLiteral("frames.json")));
    QVERIFY(sidecarFile.open(QIODevice::ReadOnly));
    const QJsonObject sidecar = QJsonDocument::fromJson(sidecarFile.readAll()).object();
    QCOMPARE(sidecar.value(QStringLiteral("animation")).toString(), QStringLiteral("forward"));
    QCOMPARE(sidecar.value(QStringLiteral("schedule"))
                 .toObject()
                 .value(QStringLiteral("num_train_timesteps"))
                 .toInt(),
             10);
    QCOMPARE(sidecar.value(QStringLiteral("width")).toInt(), 96);
    const QJsonArray frames = sidecar.value(QStringLiteral("frames")).toArray();
    QCOMPARE(frames.size(), 4);
    const QJsonArray vb = sidecar.value(QStringLiteral("viewBounds")).toArray();
    const QRectF view(QPointF(vb[0].toDouble(), vb[1].toDouble()),
                      QPointF(vb[2].toDouble(), vb[3].toDouble()));
    for (int k = 0; k < 4; ++k) {
        const QJsonObject f = frames[k].toObject();
        QCOMPARE(f.value(QStringLiteral("t")).toInt(), 3 * k);
        const QImage image(dir.filePath(f.value(QStringLiteral("file")).toString()));
        QCOMPARE(image.size(), QSize(96, 96));
        checkShowsXt(image, in, view, 3 * k);
    }
}

void TestExport::gifDecodesToTheFramesOfXt() {
    QTemporaryDir tmp;
    const ExportInput in = threePoints();
    const ExportSettings s = smallSettings(ExportFormat::Gif, tmp.filePath(QStringLiteral("forward.gif")));
    const ExportResult r = runExport(in, s);
    QVERIFY2(r.ok, qPrintable(r.message));
    const FrameSource source(in, s.frames, s.overlays, s.render);
    QImageReader reader(s.outputPath);
    QVERIFY(reader.supportsAnimation());
    QCOMPARE(reader.imageCount(), 4);
    QCOMPARE(reader.size(), QSize(96, 96));
    QCOMPARE(reader.loopCount(), -1);  // NETSCAPE2.0 with count 0: forever
    for (int k = 0; k < 4; ++k) {
        const QImage frame = reader.read();
        QVERIFY2(!frame.isNull(), qPrintable(reader.errorString()));
        QCOMPARE(reader.nextImageDelay(), 100);  // 10 fps
        QCOMPARE(frame.size(), QSize(96, 96));
        checkShowsXt(frame, in, source.viewBounds(), source.info(k).t);
        QCOMPARE(frame.pixelColor(2, 2), QColor(Qt::white));
    }
}

void TestExport::consecutiveRunsAreIdentical() {
    QTemporaryDir tmp;
    const ExportInput in = threePoints();
    for (ExportFormat format : {ExportFormat::Gif, ExportFormat::PngSequence}) {
        ExportSettings a =
            smallSettings(format, tmp.filePath(QStringLiteral("a.") + exportFormatName(format)));
        a.render.drawAxes = a.render.drawCaption = true;
        ExportSettings b = a;
        b.outputPath = tmp.filePath(QStringLiteral("b.") + exportFormatName(format));
        QVERIFY(runExport(in, a).ok);
        QVERIFY(runExport(in, b).ok);
        if (format == ExportFormat::Gif) {
            QCOMPARE(fileBytes(a.outputPath), fileBytes(b.outputPath));
        } else {
            for (int k = 0; k < 4; ++k) {
                const QString name = PngSequenceWriter::frameFileName(k);
                QCOMPARE(fileBytes(QDir(a.outputPath).filePath(name)),
                         fileBytes(QDir(b.outputPath).filePath(name)));
            }
        }
    }
}

void TestExport::reverseFramesFollowTheTrajectory() {
    QTemporaryDir tmp;
    ExportInput in = threePoints();
    dl::Trajectory tr;
    tr.sampler = "test sampler";
    for (int t = 10; t >= 0; t -= 2) {
        tr.timesteps.push_back(t);
        tr.states.push_back(in.data.points * (1.0f + 0.1f * static_cast<float>(t)));
    }
    in.reverse = tr;
    ExportSettings s = smallSettings(ExportFormat::PngSequence, tmp.filePath(QStringLiteral("rev")));
    s.frames.animation = AnimationKind::Both;
    s.frames.stride = 2;  // forward t = 0, 2, …, 10; reverse: every 2nd state: t = 10, 6, 2
    const ExportResult r = runExport(in, s);
    QVERIFY2(r.ok, qPrintable(r.message));
    QFile sidecarFile(QDir(s.outputPath).filePath(QStringLiteral("frames.json")));
    QVERIFY(sidecarFile.open(QIODevice::ReadOnly));
    const QJsonObject sidecar = QJsonDocument::fromJson(sidecarFile.readAll()).object();
    QCOMPARE(sidecar.value(QStringLiteral("sampler")).toString(), QStringLiteral("test sampler"));
    const QJsonArray frames = sidecar.value(QStringLiteral("frames")).toArray();
    QList<int> ts;
    QStringList phases;
    for (const QJsonValue& f : frames) {
        ts << f.toObject().value(QStringLiteral("t")).toInt();
        phases << f.toObject().value(QStringLiteral("phase")).toString();
    }
    QCOMPARE(ts, (QList<int>{0, 2, 4, 6, 8, 10, 10, 6, 2}));
    QCOMPARE(phases.count(QStringLiteral("reverse")), 3);
    // The reverse frame at t = 6 shows states[2] (t = 6): 1.6 × x_0 in normalised units.
    const FrameSource source(in, s.frames, s.overlays, s.render);
    const QImage frame(QDir(s.outputPath).filePath(PngSequenceWriter::frameFileName(7)));
    const dl::Batch x = in.data.norm.toData(tr.states[2]);
    for (int i = 0; i < 3; ++i)
        QVERIFY(
            isPointColour(frame.pixelColor(pixelOf(source.viewBounds(), frame.size(), x(i, 0), x(i, 1)))));
}

// A Langevin run keeps two states at t = T, x_T and the state after that level's updates, and the export
// had two frames captioned "t = 10". It now has one frame a t, the state the window shows there.
void TestExport::oneReverseFramePerTimestep() {
    ExportInput in = threePoints();
    dl::Trajectory tr;
    tr.sampler = "Langevin";
    tr.timesteps = {10, 10, 5, 0};
    for (int k = 0; k < 4; ++k) tr.states.push_back(in.data.points * (1.0f + static_cast<float>(k)));
    in.reverse = tr;
    FrameSelection selection;
    selection.animation = AnimationKind::Reverse;
    const std::vector<FrameInfo> frames = FrameSource::selectFrames(in, selection);
    QList<int> ts, states;
    for (const FrameInfo& f : frames) {
        ts << f.t;
        states << f.stateIndex;
    }
    QCOMPARE(ts, (QList<int>{10, 5, 0}));
    const int shownAtT = static_cast<int>(tr.stateAt(10) - tr.states.data());
    QCOMPARE(states.front(), shownAtT);
}

void TestExport::cancelLeavesNoFile_data() {
    QTest::addColumn<int>("format");
    QTest::newRow("png") << int(ExportFormat::PngSequence);
    QTest::newRow("gif") << int(ExportFormat::Gif);
    if (!VideoWriter::findFfmpeg().isEmpty()) QTest::newRow("mp4") << int(ExportFormat::Mp4);
}

void TestExport::cancelLeavesNoFile() {
    QFETCH(int, format);
    QTemporaryDir tmp;
    const auto f = static_cast<ExportFormat>(format);
    const QString out =
        tmp.filePath(f == ExportFormat::PngSequence ? QStringLiteral("frames")
                                                    : QStringLiteral("out.") + exportFormatName(f));
    ExportSettings s = smallSettings(f, out);
    s.frames.stride = 1;
    std::atomic<bool> cancel{false};
    int seen = 0;
    const ExportResult r = runExport(threePoints(), s, &cancel, [&](int done, int) {
        seen = done;
        if (done == 3) cancel = true;
    });
    QVERIFY(!r.ok);
    QVERIFY(r.cancelled);
    QCOMPARE(seen, 3);
    if (f == ExportFormat::PngSequence)
        QCOMPARE(visibleAndHidden(out), QStringList());  // the folder may stay, empty
    else
        QCOMPARE(visibleAndHidden(tmp.path()), QStringList());  // no final file, no temporary file
}

void TestExport::existingOutputNeedsOverwrite() {
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("exists.gif"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("old");
    f.close();
    ExportSettings s = smallSettings(ExportFormat::Gif, path);
    QVERIFY(exportOutputExists(s));
    ExportResult r = runExport(threePoints(), s);
    QVERIFY(!r.ok);
    QVERIFY2(r.message.contains(QStringLiteral("already exists")), qPrintable(r.message));
    QCOMPARE(fileBytes(path), QByteArray("old"));
    s.overwrite = true;
    r = runExport(threePoints(), s);
    QVERIFY2(r.ok, qPrintable(r.message));
    QCOMPARE(QImageReader(path).imageCount(), 4);
}

void TestExport::unwritableFolderGivesAMessage() {
    QTemporaryDir tmp;
    // A path below a regular file can never be created, whoever runs the test.
    const QString file = tmp.filePath(QStringLiteral("plain"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    ExportResult r =
        runExport(threePoints(), smallSettings(ExportFormat::Gif, file + QStringLiteral("/sub/out.gif")));
    QVERIFY(!r.ok);
    QVERIFY2(r.message.contains(QStringLiteral("cannot create the folder")), qPrintable(r.message));
    // …and says why: the file that stands where a folder should be.
    QVERIFY2(r.message.contains(QFileInfo(file).absoluteFilePath() + QStringLiteral(" is a file")),
             qPrintable(r.message));
    r = runExport(threePoints(), smallSettings(ExportFormat::PngSequence, file + QStringLiteral("/frames")));
    QVERIFY(!r.ok);
    QVERIFY2(r.message.contains(QStringLiteral("cannot create the folder")), qPrintable(r.message));
    QVERIFY2(r.message.contains(QStringLiteral(" is a file")), qPrintable(r.message));
    // A folder in a place nobody may write, not even root (Linux's /proc): the place is named.
    if (QFileInfo(QStringLiteral("/proc/self")).exists()) {
        r = runExport(threePoints(),
                      smallSettings(ExportFormat::PngSequence, QStringLiteral("/proc/dl-x/frames")));
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(QStringLiteral("/proc is read-only or not yours to write")),
                 qPrintable(r.message));
    }
    // A read-only folder (permissions do not bind root, so only checked for other users).
    if (::geteuid() != 0) {
        const QString ro = tmp.filePath(QStringLiteral("readonly"));
        QVERIFY(QDir().mkpath(ro));
        QFile::setPermissions(ro, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        r = runExport(threePoints(), smallSettings(ExportFormat::Gif, ro + QStringLiteral("/out.gif")));
        QFile::setPermissions(ro, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(QStringLiteral("cannot write to the folder")), qPrintable(r.message));
    }
}

void TestExport::limitsAndFormatChecks() {
    QTemporaryDir tmp;
    const ExportInput in = threePoints();
    ExportSettings s = smallSettings(ExportFormat::Gif, tmp.filePath(QStringLiteral("x.gif")));
    s.render.size = QSize(5000, 100);
    QVERIFY(validateExportSettings(in, s).contains(QStringLiteral("4096")));
    s.render.size = QSize(96, 96);
    s.render.background = Background::Transparent;
    QVERIFY(validateExportSettings(in, s).contains(QStringLiteral("transparent")));
    s.render.background = Background::White;
    s.frames.animation = AnimationKind::Reverse;
    QVERIFY(validateExportSettings(in, s).contains(QStringLiteral("sample first")));
    s.frames.animation = AnimationKind::Forward;
    s.frames.tFirst = 8;
    s.frames.tLast = 3;
    QVERIFY(!validateExportSettings(in, s).isEmpty());
    s.frames.tLast = -1;
    s.fps = 0;
    QVERIFY(validateExportSettings(in, s).contains(QStringLiteral("frames per second")));
    s.fps = 10;
    QCOMPARE(validateExportSettings(in, s), QString());
}

void TestExport::imageDataExportsAGridPerFrame() {
    QTemporaryDir tmp;
    ExportInput in;
    in.data.kind = dl::DataKind::Image;
    in.data.name = "squares";
    in.data.image = dl::ImageShape{4, 4, 1};
    in.data.points = dl::Batch::Constant(4, 16, 1.0f);  // four white images
    in.data.norm = dl::imageNormalisation(16);
    in.forwardNoise = dl::Batch::Zero(4, 16);
    in.schedule = threePoints().schedule;
    ExportSettings s = smallSettings(ExportFormat::PngSequence, tmp.filePath(QStringLiteral("images")));
    s.render.background = Background::Dark;
    const ExportResult r = runExport(in, s);
    QVERIFY2(r.ok, qPrintable(r.message));
    // t = 0: white images (2×2 grid); t = 9: √ᾱ_9 < 1, so the same pixels are darker but not black.
    const QImage first(QDir(s.outputPath).filePath(PngSequenceWriter::frameFileName(0)));
    const QImage last(QDir(s.outputPath).filePath(PngSequenceWriter::frameFileName(3)));
    QCOMPARE(first.pixelColor(30, 30), QColor(255, 255, 255));
    QVERIFY(last.pixelColor(30, 30).red() < 250);
    QVERIFY(last.pixelColor(30, 30).red() > 127);
}

void TestExport::documentGivesTheExportInput() {
    LabDocument doc;
    const ExportInput in = makeExportInput(doc);
    QCOMPARE(in.data.size(), doc.dataSet()->size());
    QCOMPARE(in.forwardNoise.rows(), in.data.points.rows());
    QCOMPARE(in.schedule.T(), doc.schedule().T());
    QVERIFY(!in.reverse);
    ExportSettings s;
    s.render.size = QSize(64, 64);
    const FrameSource source(in, s.frames, s.overlays, s.render);
    QCOMPARE(source.count(), doc.schedule().T() + 1);
}

void TestExport::videoThroughFfmpeg() {
    if (VideoWriter::findFfmpeg().isEmpty()) QSKIP("ffmpeg is not on PATH");
    QTemporaryDir tmp;
    for (ExportFormat f : {ExportFormat::Mp4, ExportFormat::WebM}) {
        ExportSettings s = smallSettings(f, tmp.filePath(QStringLiteral("v.") + exportFormatName(f)));
        const ExportResult r = runExport(threePoints(), s);
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(QFileInfo(s.outputPath).size() > 200);
    }
    QCOMPARE(visibleAndHidden(tmp.path()), (QStringList{QStringLiteral("v.mp4"), QStringLiteral("v.webm")}));
    // The permissions of any new file, as the GIF beside it has: the video was owner-only (0600), from the
    // temporary file ffmpeg writes into.
    const ExportSettings gif = smallSettings(ExportFormat::Gif, tmp.filePath(QStringLiteral("v.gif")));
    QVERIFY(runExport(threePoints(), gif).ok);
    const QFile::Permissions asGif = QFileInfo(gif.outputPath).permissions();
    QVERIFY(asGif & QFile::ReadOther);
    for (const char* name : {"v.mp4", "v.webm"})
        QCOMPARE(QFileInfo(tmp.filePath(QString::fromLatin1(name))).permissions(), asGif);
    ExportSettings odd = smallSettings(ExportFormat::Mp4, tmp.filePath(QStringLiteral("odd.mp4")));
    odd.render.size = QSize(95, 96);
    QVERIFY(validateExportSettings(threePoints(), odd).contains(QStringLiteral("even")));
}

void TestExport::missingFfmpegGivesAMessage() {
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", "/nonexistent-dl-test");
    QTemporaryDir tmp;
    const ExportResult r =
        runExport(threePoints(), smallSettings(ExportFormat::Mp4, tmp.filePath(QStringLiteral("v.mp4"))));
    qputenv("PATH", path);
    QVERIFY(!r.ok);
    QVERIFY2(r.message.contains(QStringLiteral("ffmpeg")), qPrintable(r.message));
}

QTEST_MAIN(TestExport)
#include "tst_export.moc"
