// diffusion-lab-cli render, headless (QT_QPA_PLATFORM=offscreen): frames and GIFs decoded back, the
// same flags give byte-identical PNGs, reverse with the exact denoiser, and clear refusals.
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include "cliprocess.h"

namespace {

QByteArray bytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QStringList kSmall{"render", "--dataset", "moons",  "--n",          "300",  "--seed",
                         "3",      "--T",       "20",     "--beta-start", "0.01", "--beta-end",
                         "0.3",    "--size",    "120x96", "--stride",     "5"};

}  // namespace

class TestCliRender : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void framesAreReproducible();
    void gifHasEveryFrame();
    void reverseWithTheExactDenoiser();
    void refusals();

private:
    QTemporaryDir mDir;
};

void TestCliRender::framesAreReproducible() {
    const QString a = mDir.filePath("a"), b = mDir.filePath("b");
    CliRun run = runCli(QStringList(kSmall) << "--frames" << a);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.trimmed().endsWith("/a"));  // prints where the output is
    run = runCli(QStringList(kSmall) << "--frames" << b);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QStringList frames = QDir(a).entryList({"frame_*.png"}, QDir::Files, QDir::Name);
    QCOMPARE(frames, (QStringList{"frame_0000.png", "frame_0001.png", "frame_0002.png", "frame_0003.png",
                                  "frame_0004.png"}));
    for (const QString& f : frames) {
        QCOMPARE(QImageReader(QDir(a).filePath(f)).size(), QSize(120, 96));
        QVERIFY2(bytes(QDir(a).filePath(f)) == bytes(QDir(b).filePath(f)), qPrintable(f));
    }
    const QJsonObject sidecar = QJsonDocument::fromJson(bytes(QDir(a).filePath("frames.json"))).object();
    QList<int> ts;
    for (const QJsonValue& v : sidecar.value("frames").toArray()) ts << v.toObject().value("t").toInt();
    QCOMPARE(ts, (QList<int>{0, 5, 10, 15, 20}));
    QCOMPARE(sidecar.value("extra").toObject().value("seed").toString(), QStringLiteral("3"));
    // Another seed: other points.
    run = runCli(QStringList(kSmall) << "--frames" << mDir.filePath("c") << "--seed"
                                     << "4");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(bytes(QDir(a).filePath("frame_0000.png")) != bytes(mDir.filePath("c/frame_0000.png")));
}

void TestCliRender::gifHasEveryFrame() {
    const QString gif = mDir.filePath("forward.gif");
    const CliRun run = runCli(QStringList(kSmall) << "--gif" << gif << "--fps"
                                                  << "25");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QImageReader reader(gif);
    QCOMPARE(reader.imageCount(), 5);
    QCOMPARE(reader.size(), QSize(120, 96));
    QVERIFY(!reader.read().isNull());
    QCOMPARE(reader.nextImageDelay(), 40);
}

void TestCliRender::reverseWithTheExactDenoiser() {
    const QString dir = mDir.filePath("reverse");
    const CliRun run = runCli(QStringList(kSmall) << "--what"
                                                  << "both"
                                                  << "--samples"
                                                  << "200"
                                                  << "--frames" << dir);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject sidecar = QJsonDocument::fromJson(bytes(QDir(dir).filePath("frames.json"))).object();
    QVERIFY(sidecar.value("sampler").toString().contains("exact denoiser"));
    QList<int> ts;
    for (const QJsonValue& v : sidecar.value("frames").toArray()) ts << v.toObject().value("t").toInt();
    QCOMPARE(ts, (QList<int>{0, 5, 10, 15, 20, 20, 15, 10, 5, 0}));
    QCOMPARE(QDir(dir).entryList({"frame_*.png"}, QDir::Files).size(), 10);
}

void TestCliRender::refusals() {
    const QString gif = mDir.filePath("taken.gif");
    QFile f(gif);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("keep");
    f.close();
    CliRun run = runCli(QStringList(kSmall) << "--gif" << gif);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("already exists"), run.err.constData());
    QCOMPARE(bytes(gif), QByteArray("keep"));
    run = runCli(QStringList(kSmall) << "--gif" << gif << "--force");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QImageReader(gif).imageCount(), 5);

    run = runCli(QStringList(kSmall) << "--gif" << mDir.filePath("x.gif") << "--size"
                                     << "5000x10");
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("--size"));
    run =
        runCli(QStringList(kSmall) << "--gif" << mDir.filePath("x.gif") << "--frames" << mDir.filePath("y"));
    QCOMPARE(run.exitCode, 2);
    run = runCli(QStringList(kSmall) << "--video" << mDir.filePath("x.avi"));
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(".mp4"));
    run = runCli(QStringList(kSmall) << "--gif" << mDir.filePath("x.gif") << "--background"
                                     << "transparent");
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains("transparent"));
    QVERIFY(!QFile::exists(mDir.filePath("x.gif")));
}

QTEST_MAIN(TestCliRender)
#include "tst_cli_render.moc"
