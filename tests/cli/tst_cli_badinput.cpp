// Hostile and mistaken input through the real diffusion-lab-cli: every row of docs/bad-input.md that
// concerns the CLI is checked here. Each case asserts the exit status, a one-line message on stderr
// (no raw control bytes) naming the problem, and that nothing was written or destroyed.
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtEndian>
#include <cmath>
#include <csignal>
#include <string>

#include "../model/modelbytes.h"
#include "cliprocess.h"

namespace {

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeBytes(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

/// stderr is exactly one line of printable text (plus UTF-8), ending in a newline.
bool isOneLine(const QByteArray& err) {
    if (!err.endsWith('\n') || err.count('\n') != 1) return false;
    for (const char c : err.chopped(1))
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
    return true;
}

/// The id of a process that has ended, for names of stale temporaries.
qint64 deadPid() {
    QProcess p;
    p.start(QStringLiteral("true"), {});
    p.waitForStarted();
    const qint64 pid = p.processId();
    p.waitForFinished();
    return pid > 0 ? pid : 4000000;  // beyond the default pid_max when unknown
}

/// Runs the CLI with a file-size limit (RLIMIT_FSIZE), which makes write(2) fail as on a full disk
/// (EFBIG "File too large" instead of ENOSPC): the message must carry the system's reason.
CliRun runCliWithFileLimit(const QStringList& args, rlim_t bytes) {
    struct rlimit old {};
    getrlimit(RLIMIT_FSIZE, &old);
    struct rlimit limited = old;
    limited.rlim_cur = bytes;
    std::signal(SIGXFSZ, SIG_IGN);  // inherited by the child: the write fails instead of killing it
    setrlimit(RLIMIT_FSIZE, &limited);
    CliRun run = runCli(args);
    setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, SIG_DFL);
    return run;
}

}  // namespace

class TestCliBadInput : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void refusedBeforeWork_data();
    void refusedBeforeWork();
    void hostileModelsAreRefusedOnLoad_data();
    void hostileModelsAreRefusedOnLoad();
    void onlyRegularModelFiles();
    void farAwayPointsRender();
    void hugeCoordinatesAreRefusedNotNaN();
    void outputOntoLinkOrDeviceIsRefused();
    void checksComeBeforeLongWork();
    void framesFolderIsReplacedWhole();
    void failedExportKeepsOldFramesAndSaysWhy();
    void staleTemporariesAreRemoved();
    void messagesAreOneLine();
    void imageLibraryWarningsAreNotPrinted();

private:
    QString path(const QString& name) const { return mDir.filePath(name); }
    QTemporaryDir mDir;
    QByteArray mModel;
};

void TestCliBadInput::initTestCase() {
    QVERIFY(mDir.isValid());
    const CliRun run = runCli({"train",
                               "--dataset",
                               "moons",
                               "--n",
                               "200",
                               "--T",
                               "20",
                               "--steps",
                               "3",
                               "--hidden",
                               "8",
                               "--layers",
                               "1",
                               "--input-features",
                               "4",
                               "--time-embedding",
                               "4",
                               "--quality-samples",
                               "0",
                               "--out",
                               path("tiny.dlmodel")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    mModel = fileBytes(path("tiny.dlmodel"));
    QVERIFY(!mModel.isEmpty());
}

// Bad values are refused (exit 2) with a message naming the flag, never silently ignored.
void TestCliBadInput::refusedBeforeWork_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("status");
    QTest::newRow("dataset --grid-columns abc")
        << QStringList{"dataset", "--out", "OUT/x.csv", "--grid-columns", "abc"}
        << "--grid-columns: expected an integer" << 2;
    QTest::newRow("dataset --size nan") << QStringList{"dataset", "--out", "OUT/x.png", "--size", "nan"}
                                        << "--size: expected an integer" << 2;
    QTest::newRow("dataset --scale ''")
        << QStringList{"dataset", "--out", "OUT/x.csv", "--scale", ""} << "--scale: expected an integer" << 2;
    QTest::newRow("sample --trajectory-stride without --trajectory")
        << QStringList{"sample", "--model", "OUT/tiny.dlmodel", "--out", "OUT/s.csv", "--trajectory-stride",
                       "abc"}
        << "--trajectory-stride: only applies with --trajectory" << 2;
    QTest::newRow("sample --precision abc")
        << QStringList{"sample", "--model", "OUT/tiny.dlmodel", "--out", "OUT/s.csv", "--precision", "abc"}
        << "--precision: expected fp32, bf16 or int16" << 2;
    QTest::newRow("sample --precision with the exact denoiser")
        << QStringList{"sample",    "--model", "OUT/tiny.dlmodel", "--out", "OUT/s.csv",
                       "--sampler", "exact",   "--precision",      "bf16"}
        << "--precision: only applies to the model" << 2;
    QTest::newRow("render --sampler in forward mode")
        << QStringList{"render", "--frames", "OUT/f", "--sampler", "abc"}
        << "--sampler: only applies with --what" << 2;
    QTest::newRow("train --out in a missing folder")
        << QStringList{"train", "--out", "/nonexistent/x.dlmodel", "--steps", "100000000"} << "does not exist"
        << 1;
    QTest::newRow("sample --out through a file")
        << QStringList{"sample", "--model", "OUT/tiny.dlmodel", "--out", "OUT/tiny.dlmodel/s.csv"}
        << "tiny.dlmodel' is a file, not a folder" << 1;
    QTest::newRow("train --quality-samples 1000000")
        << QStringList{"train", "--out", "OUT/q.dlmodel", "--quality-samples", "1000000"}
        << "--quality-samples: must be from 0 to 625000" << 2;
    QTest::newRow("sample --out onto a folder")
        << QStringList{"sample", "--model", "OUT/tiny.dlmodel", "--out", "OUT/"}
        << "--out: expected a file name ending in .csv or .png" << 2;
}

void TestCliBadInput::refusedBeforeWork() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QFETCH(int, status);
    for (QString& a : args) a.replace(QStringLiteral("OUT"), mDir.path());
    QElapsedTimer timer;
    timer.start();
    const CliRun run = runCli(args);
    QCOMPARE(run.exitCode, status);
    QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
    QVERIFY2(isOneLine(run.err), run.err.constData());
    QVERIFY2(timer.elapsed() < 20000, "refused only after work");
    QVERIFY(!QFileInfo::exists(path("q.dlmodel")));
}

void TestCliBadInput::hostileModelsAreRefusedOnLoad_data() {
    QTest::addColumn<int>("edit");
    QTest::addColumn<QString>("message");
    QTest::newRow("image header 1x1xC") << 0 << "channels must be 1, 3 or 4";
    QTest::newRow("infinite data offset") << 1 << "offset contains NaN or infinite values";
    QTest::newRow("NaN data offset") << 2 << "offset contains NaN or infinite values";
    QTest::newRow("huge data scale") << 3 << "scale must be positive and below 1e30";
    QTest::newRow("hidden 4096 x 64 layers in 4 KB") << 4 << "more than the limit of";
}

void TestCliBadInput::hostileModelsAreRefusedOnLoad() {
    QFETCH(int, edit);
    QFETCH(QString, message);
    std::string bytes = mModel.toStdString();
    const modelbytes::DataLayout l = modelbytes::dataLayout(bytes);
    switch (edit) {
        case 0:
            bytes[modelbytes::sectionBody(bytes, "DATA")] = 1;  // DataKind::Image
            modelbytes::put<std::int32_t>(bytes, l.width, 1);
            modelbytes::put<std::int32_t>(bytes, l.height, 1);
            modelbytes::put<std::int32_t>(bytes, l.channels, 2);
            break;
        case 1:
            modelbytes::put<float>(bytes, l.offsetValues, INFINITY);
            break;
        case 2:
            modelbytes::put<float>(bytes, l.offsetValues, NAN);
            break;
        case 3:
            modelbytes::put<float>(bytes, l.scale, 3e38f);
            break;
        case 4:
            modelbytes::put<std::int32_t>(bytes, modelbytes::sectionBody(bytes, "ARCH") + 16, 4096);
            modelbytes::put<std::int32_t>(bytes, modelbytes::sectionBody(bytes, "ARCH") + 20, 64);
            break;
    }
    modelbytes::fixChecksum(bytes);
    const QString file = path(QStringLiteral("hostile%1.dlmodel").arg(edit));
    writeBytes(file, QByteArray::fromStdString(bytes));
    for (const QStringList& args :
         {QStringList{"render", "--model", file, "--what", "reverse", "--T", "5", "--samples", "4", "--size",
                      "64x64", "--gif", path("h.gif")},
          QStringList{"sample", "--model", file, "--n", "4", "--out", path("h.csv")}}) {
        const CliRun run = runCli(args, 30000);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
        QVERIFY2(isOneLine(run.err), run.err.constData());
    }
    QVERIFY(!QFileInfo::exists(path("h.csv")));
    QVERIFY(!QFileInfo::exists(path("h.gif")));
}

void TestCliBadInput::onlyRegularModelFiles() {
    const QString fifo = path("pipe.dlmodel");
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const QList<QPair<QString, QString>> cases{{"/dev/zero", "not a regular file"},
                                               {fifo, "not a regular file"},
                                               {mDir.path(), "it is a folder, not a file"}};
    for (const auto& [file, message] : cases) {
        const CliRun run = runCli({"sample", "--model", file, "--out", path("r.csv")}, 20000);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
        QVERIFY2(isOneLine(run.err), run.err.constData());
    }
}

void TestCliBadInput::farAwayPointsRender() {
    // x = 1e17: the axis ticks once looped forever. Any finite data must render.
    writeBytes(path("far.csv"), "x,y\n1e17,0\n1e17,1\n1e17,2\n");
    const CliRun run = runCli(
        {"render", "--csv", path("far.csv"), "--T", "3", "--size", "96x96", "--frames", path("far")}, 60000);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QDir(path("far")).entryList({"frame_*.png"}).size(), 4);
}

void TestCliBadInput::hugeCoordinatesAreRefusedNotNaN() {
    writeBytes(path("big.csv"), "x,y\n3e38,0\n3e38,1\n-3e38,2\n");
    const CliRun run = runCli({"dataset", "--csv", path("big.csv"), "--out", path("big-out.csv")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("too large to normalise"), run.err.constData());
    QVERIFY(!QFileInfo::exists(path("big-out.csv")));
}

void TestCliBadInput::outputOntoLinkOrDeviceIsRefused() {
    writeBytes(path("target.csv"), "keep");
    QVERIFY(QFile::link(path("target.csv"), path("link.csv")));
    CliRun run = runCli({"dataset", "--out", path("link.csv")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("symbolic link"), run.err.constData());
    QVERIFY(QFileInfo(path("link.csv")).isSymLink());
    QCOMPARE(fileBytes(path("target.csv")), QByteArray("keep"));
    // A device node, even with --force (as root this once replaced /dev/full by a regular file).
    run = runCli({"render", "--T", "3", "--size", "64x64", "--gif", "/dev/full", "--force"});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("not a regular file"), run.err.constData());
    struct stat st {};
    QCOMPARE(::stat("/dev/full", &st), 0);
    QVERIFY(S_ISCHR(st.st_mode));
}

void TestCliBadInput::checksComeBeforeLongWork() {
    // 20,002 frames: refused before sampling (which took 47 s at T = 10000).
    QElapsedTimer timer;
    timer.start();
    const CliRun run = runCli(
        {"render", "--what", "both", "--T", "10000", "--beta-end", "0.002", "--frames", path("many")}, 60000);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("more than the limit of 10000"), run.err.constData());
    QVERIFY2(!run.err.contains("sampled"), run.err.constData());
    QVERIFY2(timer.elapsed() < 20000, "refused only after sampling");
}

void TestCliBadInput::framesFolderIsReplacedWhole() {
    const QString dir = path("frames");
    const QStringList common{"render", "--T", "4", "--size", "64x64", "--frames", dir};
    CliRun run = runCli(common);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QDir(dir).entryList({"frame_*.png"}).size(), 5);
    run = runCli(QStringList(common) << "--stride"
                                     << "2"
                                     << "--force");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    // The new set alone (no frame_0003/0004 left from the old one), and no staging folder beside it.
    QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             (QStringList{"frame_0000.png", "frame_0001.png", "frame_0002.png", "frames.json"}));
    QCOMPARE(QDir(mDir.path()).entryList({".frames.frames-*"}, QDir::AllEntries | QDir::Hidden),
             QStringList());
    // A folder with other files and old frames is not replaced.
    writeBytes(QDir(dir).filePath("notes.txt"), "mine");
    run = runCli(QStringList(common) << "--force");
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("other files besides exported frames"), run.err.constData());
    QCOMPARE(fileBytes(QDir(dir).filePath("notes.txt")), QByteArray("mine"));
}

void TestCliBadInput::failedExportKeepsOldFramesAndSaysWhy() {
    const QString dir = path("keep");
    const QStringList common{"render", "--T", "4", "--size", "256x256", "--frames", dir};
    CliRun run = runCli(common);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QByteArray oldSidecar = fileBytes(QDir(dir).filePath("frames.json"));
    run = runCliWithFileLimit(QStringList(common) << "--force"
                                                  << "--stride"
                                                  << "2",
                              2000);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("File too large"), run.err.constData());
    QVERIFY2(isOneLine(run.err), run.err.constData());
    QCOMPARE(QDir(dir).entryList({"frame_*.png"}).size(), 5);
    QCOMPARE(fileBytes(QDir(dir).filePath("frames.json")), oldSidecar);
    run = runCliWithFileLimit({"render", "--T", "4", "--size", "256x256", "--gif", path("full.gif")}, 2000);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("File too large"), run.err.constData());
    QVERIFY2(!run.err.contains("Unknown error"), run.err.constData());
    QVERIFY(!QFileInfo::exists(path("full.gif")));
}

void TestCliBadInput::staleTemporariesAreRemoved() {
    const qint64 dead = deadPid();
    const QString staleFile = path(QStringLiteral("points.csv.tmp-%1-77").arg(dead));
    const QString liveFile =
        path(QStringLiteral("points.csv.tmp-%1-78").arg(QCoreApplication::applicationPid()));
    writeBytes(staleFile, "half");
    writeBytes(liveFile, "busy");
    CliRun run = runCli({"dataset", "--n", "10", "--out", path("points.csv")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(!QFileInfo::exists(staleFile));
    QVERIFY(QFileInfo::exists(liveFile));  // its process is still running
    const QString staleFrames = path(QStringLiteral(".shots.frames-%1-0").arg(dead));
    QVERIFY(QDir().mkpath(staleFrames));
    writeBytes(QDir(staleFrames).filePath("frame_0000.png"), "x");
    run = runCli({"render", "--T", "2", "--size", "64x64", "--frames", path("shots")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(!QFileInfo::exists(staleFrames));
}

void TestCliBadInput::messagesAreOneLine() {
    const CliRun run =
        runCli({"dataset", "--csv", QString::fromUtf8("x\r\ny\x01.csv"), "--out", path("o.csv")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(isOneLine(run.err), run.err.constData());
    QVERIFY2(run.err.contains("x\\r\\ny\\x01.csv"), run.err.constData());
}

void TestCliBadInput::imageLibraryWarningsAreNotPrinted() {
    // A PNG whose ancillary tEXt chunk has a bad CRC: libpng warns ("tEXt: CRC error") and reads on.
    QImage image(8, 8, QImage::Format_Grayscale8);
    image.fill(0);
    image.setText(QStringLiteral("Comment"), QStringLiteral("hello"));
    QVERIFY(image.save(path("warn.png")));
    QByteArray png = fileBytes(path("warn.png"));
    const qsizetype text = png.indexOf("tEXt");
    QVERIFY(text > 0);
    const quint32 length = qFromBigEndian<quint32>(png.constData() + text - 4);
    png[text + 4 + length] = static_cast<char>(png[text + 4 + length] ^ 0xFF);  // first CRC byte
    writeBytes(path("warn.png"), png);
    const QStringList args{"dataset", "--image", path("warn.png"), "--n", "50", "--out", path("w.csv")};
    const CliRun run = runCli(args);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(!run.err.contains("libpng"), run.err.constData());
    // The file does make libpng warn: with Qt's diagnostics asked for, the warning is there.
    QProcess verbose;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DIFFUSION_LAB_QT_MESSAGES"), QStringLiteral("1"));
    verbose.setProcessEnvironment(env);
    verbose.start(QStringLiteral(DL_CLI_PATH), args);
    QVERIFY(verbose.waitForFinished(60000));
    const QByteArray err = verbose.readAllStandardError();
    QVERIFY2(err.contains("libpng"), err.constData());
}

QTEST_GUILESS_MAIN(TestCliBadInput)
#include "tst_cli_badinput.moc"
