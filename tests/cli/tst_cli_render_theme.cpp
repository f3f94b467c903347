// diffusion-lab-cli render --theme / --palette: the same themes and colours as the window. A dark,
// colour-blind-safe render has the dark background and records both choices in its sidecar; high
// contrast draws a black frame; bad values and --theme with --background are refused with exit status 2.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include "cliprocess.h"

namespace {

const QStringList kSmall{"render", "--dataset", "moons",  "--n",   "200",      "--seed", "3",
                         "--T",    "20",        "--size", "96x96", "--stride", "10",     "--no-caption"};

QJsonObject sidecarOf(const QString& dir) {
    QFile f(QDir(dir).filePath("frames.json"));
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

}  // namespace

class TestCliRenderTheme : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void darkColourBlindSafe();
    void highContrastFrameIsBlack();
    void refusals();

private:
    QTemporaryDir mDir;
};

void TestCliRenderTheme::darkColourBlindSafe() {
    const QString out = mDir.filePath("dark");
    const CliRun run = runCli(QStringList(kSmall) << "--frames" << out << "--theme"
                                                  << "dark"
                                                  << "--palette"
                                                  << "colour-blind");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QImage first(QDir(out).filePath("frame_0000.png"));
    QCOMPARE(first.pixelColor(4, 50), QColor(24, 26, 32));  // the dark theme's background
    const QJsonObject sidecar = sidecarOf(out);
    QVERIFY(!sidecar.isEmpty());
    const QString text = QString::fromUtf8(QJsonDocument(sidecar).toJson(QJsonDocument::Compact));
    QVERIFY2(text.contains("\"background\":\"dark\""), qPrintable(text.left(400)));
    QVERIFY(text.contains("\"palette\":\"colour-blind\""));
}

void TestCliRenderTheme::highContrastFrameIsBlack() {
    const QString light = mDir.filePath("light"), high = mDir.filePath("high");
    CliRun run = runCli(QStringList(kSmall) << "--frames" << light << "--theme"
                                            << "light");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = runCli(QStringList(kSmall) << "--frames" << high << "--theme"
                                     << "high-contrast");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QImage a(QDir(light).filePath("frame_0000.png")), b(QDir(high).filePath("frame_0000.png"));
    QCOMPARE(b.pixelColor(0, 50), QColor(0, 0, 0));
    QVERIFY(a.pixelColor(0, 50) != QColor(0, 0, 0));  // the light theme's frame is grey
}

void TestCliRenderTheme::refusals() {
    CliRun run = runCli(QStringList(kSmall) << "--frames" << mDir.filePath("x") << "--theme"
                                            << "sepia");
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("--theme"));
    run = runCli(QStringList(kSmall) << "--frames" << mDir.filePath("x") << "--palette"
                                     << "rainbow");
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("--palette"));
    run = runCli(QStringList(kSmall) << "--frames" << mDir.filePath("x") << "--theme"
                                     << "dark"
                                     << "--background"
                                     << "white");
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!QFile::exists(mDir.filePath("x")));
}

QTEST_MAIN(TestCliRenderTheme)
#include "tst_cli_render_theme.moc"
