// diffusion-lab-cli sample: a tiny model trained by the train command, sampled with every sampler; CSV in
// data coordinates, reproducible per seed, quality lines on stdout, the exact denoiser, the trajectory file,
// and flag errors.
#include <QFile>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "cliprocess.h"

namespace {

/// The key=value lines a command printed on stdout.
std::map<QString, double> keyValues(const QByteArray& out) {
    std::map<QString, double> values;
    for (const QByteArray& line : out.split('\n')) {
        const int eq = line.indexOf('=');
        if (eq > 0) values[QString::fromUtf8(line.left(eq))] = line.mid(eq + 1).toDouble();
    }
    return values;
}

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestCliSample : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void writesSamplesInDataCoordinates();
    void everySamplerRuns_data();
    void everySamplerRuns();
    void reproducibleForASeed();
    void exactDenoiserReproducesData();
    void writesTrajectory();
    void writesScatterPng();
    void reducedProductsMoveSamplesLittle_data();
    void reducedProductsMoveSamplesLittle();
    void badArguments();

private:
    QTemporaryDir mDir;
    QString mModel;
};

void TestCliSample::initTestCase() {
    QVERIFY(mDir.isValid());
    mModel = mDir.filePath("tiny.dlmodel");
    const CliRun run = runCli({"train", "--dataset",
                               "moons", "--n",
                               "2000",  "--seed",
                               "3",     "--T",
                               "50",    "--beta-start",
                               "0.001", "--beta-end",
                               "0.3",   "--steps",
                               "300",   "--batch",
                               "64",    "--hidden",
                               "32",    "--layers",
                               "1",     "--input-features",
                               "0",     "--time-embedding",
                               "16",    "--quality-samples",
                               "0",     "--out",
                               mModel});
    QVERIFY2(run.exitCode == 0, run.err.constData());
}

void TestCliSample::writesSamplesInDataCoordinates() {
    const QString out = mDir.filePath("samples.csv");
    const CliRun run =
        runCli({"sample", "--model", mModel, "--n", "600", "--seed", "1", "--clip", "--out", out});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const auto rows = readCsv(out);
    QCOMPARE(rows.size(), 600);
    // Moons span x ∈ [−1, 2], y ∈ [−0.5, 1]; clipped x̂_0 keeps samples within 5% of that range (plus noise).
    for (const auto& [x, y] : rows)
        QVERIFY2(x > -1.6 && x < 2.6 && y > -1.0 && y < 1.5, qPrintable(QString("%1,%2").arg(x).arg(y)));
    const auto kv = keyValues(run.out);
    for (const char* key : {"swd", "swd_floor", "swd_ratio", "mmd", "mmd_floor", "sample_seconds"})
        QVERIFY2(kv.count(key) == 1,
                 qPrintable(QString("missing %1 in:\n%2").arg(key, QString::fromUtf8(run.out))));
    QVERIFY(kv.at("swd") > 0.0 && kv.at("swd_floor") > 0.0 && kv.at("mmd") >= 0.0);
}

void TestCliSample::everySamplerRuns_data() {
    QTest::addColumn<QStringList>("flags");
    QTest::newRow("ddpm") << QStringList{"--sampler", "ddpm"};
    QTest::newRow("ddpm-beta, 10 trailing")
        << QStringList{"--sampler", "ddpm-beta", "--steps", "10", "--spacing", "trailing"};
    QTest::newRow("ddim, 10 leading")
        << QStringList{"--sampler", "ddim", "--steps", "10", "--spacing", "leading"};
    QTest::newRow("ddim, eta 1") << QStringList{"--sampler", "ddim", "--eta", "1", "--steps", "25"};
    QTest::newRow("langevin") << QStringList{"--sampler",   "langevin", "--steps", "20",
                                             "--step-size", "0.05",     "--clip"};
    QTest::newRow("exact") << QStringList{"--sampler", "exact", "--steps", "20"};
    QTest::newRow("ddim with exact") << QStringList{"--sampler", "ddim", "--exact", "--steps", "20"};
}

void TestCliSample::everySamplerRuns() {
    QFETCH(QStringList, flags);
    const QString out = mDir.filePath("each.csv");
    const CliRun run = runCli(QStringList{"sample", "--model", mModel, "--n", "300", "--out", out} + flags);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const auto rows = readCsv(out);
    QCOMPARE(rows.size(), 300);
    for (const auto& [x, y] : rows) QVERIFY(std::isfinite(x) && std::isfinite(y));
}

void TestCliSample::reproducibleForASeed() {
    const QString a = mDir.filePath("a.csv"), b = mDir.filePath("b.csv"), c = mDir.filePath("c.csv");
    const QStringList common{"sample", "--model", mModel, "--n",     "200", "--sampler",
                             "ddim",   "--eta",   "0.5",  "--steps", "20"};
    QCOMPARE(runCli(common + QStringList{"--seed", "7", "--out", a}).exitCode, 0);
    QCOMPARE(runCli(common + QStringList{"--seed", "7", "--out", b}).exitCode, 0);
    QCOMPARE(runCli(common + QStringList{"--seed", "8", "--out", c}).exitCode, 0);
    QCOMPARE(fileBytes(a), fileBytes(b));
    QVERIFY(fileBytes(a) != fileBytes(c));
}

// The exact denoiser of the reference rows puts samples on the training data; a single jump from t = T
// (trailing, K = 1) gives E[x_0 | x_T], all near the data mean, which the metrics must tell apart.
void TestCliSample::exactDenoiserReproducesData() {
    const QString out = mDir.filePath("exact.csv");
    CliRun run = runCli(
        {"sample", "--model", mModel, "--n", "1000", "--sampler", "exact", "--steps", "25", "--out", out});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const double good = keyValues(run.out).at("swd_ratio");
    run = runCli({"sample", "--model", mModel, "--n", "1000", "--sampler", "exact", "--steps", "1",
                  "--spacing", "trailing", "--out", out});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const double collapsed = keyValues(run.out).at("swd_ratio");
    QVERIFY2(good < 3.0 && collapsed > 5.0,
             qPrintable(QString("swd ratio %1 (25 steps), %2 (one jump)").arg(good).arg(collapsed)));
}

void TestCliSample::writesTrajectory() {
    const QString out = mDir.filePath("traj-samples.csv"), traj = mDir.filePath("traj.csv");
    const CliRun run = runCli({"sample", "--model", mModel, "--n", "50", "--sampler", "ddim", "--steps", "10",
                               "--trajectory", traj, "--out", out});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QFile f(traj);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(lines.first(), QByteArray("step,id,x,y"));
    // x_T and the state after each of the 10 steps, 50 points each.
    QList<QList<double>> rows;
    for (int i = 1; i < lines.size(); ++i) {
        if (lines[i].isEmpty()) continue;
        QList<double> r;
        for (const QByteArray& cell : lines[i].split(',')) r.append(cell.toDouble());
        QCOMPARE(r.size(), 4);
        rows.append(r);
    }
    QCOMPARE(rows.size(), 11 * 50);
    QCOMPARE(rows.first()[0], 0.0);
    QCOMPARE(rows.last()[0], 10.0);
    QCOMPARE(rows.last()[1], 49.0);
    // The last state is the output.
    const auto samples = readCsv(out);
    for (int i = 0; i < 50; ++i) {
        const QList<double>& r = rows[10 * 50 + i];
        QVERIFY(std::abs(r[2] - samples[i].first) < 1e-5 && std::abs(r[3] - samples[i].second) < 1e-5);
    }
}

void TestCliSample::writesScatterPng() {
    const QString out = mDir.filePath("samples.png");
    const CliRun run =
        runCli({"sample", "--model", mModel, "--n", "100", "--steps", "10", "--no-quality", "--out", out});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(fileBytes(out).startsWith("\x89PNG"));
    QVERIFY(!run.out.contains("swd="));
}

void TestCliSample::reducedProductsMoveSamplesLittle_data() {
    QTest::addColumn<QString>("precision");
    QTest::addColumn<QString>("usedNote");
    QTest::addColumn<QString>("fallbackNote");
    QTest::newRow("bf16") << "bf16"
                          << "(bf16 products)"
                          << "this CPU has no bf16";
    QTest::newRow("int16") << "int16"
                           << "(int16 products)"
                           << "int16 products need AVX2";
}

// --precision bf16 rounds the network's products to bfloat16 (where the CPU has AVX-512 BF16), int16
// scales them to 16-bit integers (AVX2 CPUs without AVX-512, or AVX-512 VNNI): the deterministic DDIM chain
// from the same noise must end where the float32 one does, to a fraction of the data's spread (measured:
// median 6·10⁻⁴ for bf16, 6·10⁻⁵ for int16, against a spread of 0.5–0.8), and must differ from it when the
// CPU runs those products, or the flag did nothing; elsewhere it must be float32 to the bit.
void TestCliSample::reducedProductsMoveSamplesLittle() {
    QFETCH(QString, precision);
    QFETCH(QString, usedNote);
    QFETCH(QString, fallbackNote);
    const QString f = mDir.filePath("fp32.csv"), b = mDir.filePath(precision + ".csv");
    const QStringList common{"sample", "--model", mModel, "--n",    "500", "--sampler",
                             "ddim",   "--steps", "20",   "--seed", "3",   "--no-quality"};
    CliRun run = runCli(common + QStringList{"--precision", "fp32", "--out", f});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = runCli(common + QStringList{"--precision", precision, "--out", b});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const bool used = run.err.contains(usedNote.toUtf8());
    QVERIFY2(used || run.err.contains(fallbackNote.toUtf8()), run.err.constData());
    const auto a = readCsv(f), c = readCsv(b);
    QCOMPARE(a.size(), c.size());
    std::vector<double> moved;
    double meanX = 0.0, meanX2 = 0.0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        moved.push_back(std::hypot(a[i].first - c[i].first, a[i].second - c[i].second));
        meanX += a[i].first / a.size();
        meanX2 += a[i].first * a[i].first / a.size();
    }
    std::sort(moved.begin(), moved.end());
    const double spread = std::sqrt(meanX2 - meanX * meanX), median = moved[moved.size() / 2];
    qInfo("%s products: median displacement %.3g, spread of x %.3g", qPrintable(precision), median, spread);
    QVERIFY2(median < 0.01 * spread, qPrintable(QString::number(median)));
    if (used)
        QVERIFY(fileBytes(f) != fileBytes(b));
    else
        QCOMPARE(fileBytes(f), fileBytes(b));
}

void TestCliSample::badArguments() {
    const QString out = mDir.filePath("bad.csv");
    CliRun run = runCli({"sample", "--model", mModel, "--sampler", "euler", "--out", out});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("--sampler"));
    run = runCli({"sample", "--model", mModel, "--eta", "0.5", "--out", out});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("--eta"));
    run = runCli({"sample", "--model", mModel, "--steps", "51", "--out", out});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("--steps"));
    run = runCli({"sample", "--model", mModel, "--spacing", "uniform", "--out", out});
    QCOMPARE(run.exitCode, 2);
    run = runCli({"sample", "--model", mModel, "--out", mDir.filePath("x.txt")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("--out"));
    run = runCli({"sample", "--model", mDir.filePath("missing.dlmodel"), "--out", out});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains("missing.dlmodel"));
    QVERIFY(!QFile::exists(out));
}

QTEST_GUILESS_MAIN(TestCliSample)
#include "tst_cli_sample.moc"
