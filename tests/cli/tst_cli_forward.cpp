// diffusion-lab-cli forward: x_t as CSV, closed form and chain, reproducible, and flag errors.
#include <QFile>
#include <QTemporaryDir>
#include <cmath>

#include "cliprocess.h"

class TestCliForward : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesNoisedPoints();
    void lastStepIsNearlyStandardNormal();
    void badArguments();

private:
    QTemporaryDir mDir;
};

void TestCliForward::writesNoisedPoints() {
    const QString clean = mDir.filePath("clean.csv"), noisy = mDir.filePath("noisy.csv"),
                  again = mDir.filePath("again.csv");
    const QStringList common{"forward", "--dataset", "moons", "--n", "500", "--seed", "4", "--T", "100"};
    QCOMPARE(runCli(common + QStringList{"--t", "0", "--out", clean}).exitCode, 0);
    QCOMPARE(runCli(common + QStringList{"--t", "30", "--out", noisy}).exitCode, 0);
    QCOMPARE(runCli(common + QStringList{"--t", "30", "--out", again}).exitCode, 0);
    const auto x0 = readCsv(clean), xt = readCsv(noisy);
    QCOMPARE(x0.size(), 500);
    QCOMPARE(xt.size(), 500);
    // Moons live in x ∈ [−1, 2], y ∈ [−0.5, 1] (plus noise 0.05).
    for (const auto& [x, y] : x0) QVERIFY(x > -1.3 && x < 2.3 && y > -0.8 && y < 1.3);
    QVERIFY(x0 != xt);
    QFile a(noisy), b(again);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(a.readAll(), b.readAll());
}

void TestCliForward::lastStepIsNearlyStandardNormal() {
    // With T = 100, β 0.001..0.2, ᾱ_T ≈ 4e-5: the normalised x_T is N(0, I) up to sampling error,
    // for the closed form and for the step-by-step chain alike.
    for (const bool chain : {false, true}) {
        const QString out = mDir.filePath(chain ? "chain.csv" : "closed.csv");
        QStringList args{"forward", "--dataset", "moons", "--n",          "4000",  "--seed",
                         "1",       "--T",       "100",   "--beta-start", "0.001", "--beta-end",
                         "0.2",     "--t",       "100",   "--normalised", "--out", out};
        if (chain) args << "--chain";
        const CliRun run = runCli(args);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const auto rows = readCsv(out);
        QCOMPARE(rows.size(), 4000);
        for (int c = 0; c < 2; ++c) {
            double sum = 0, sq = 0;
            for (const auto& r : rows) {
                const double v = c == 0 ? r.first : r.second;
                sum += v;
                sq += v * v;
            }
            const double mean = sum / rows.size(), var = sq / rows.size() - mean * mean;
            QVERIFY2(std::abs(mean) < 5 * std::sqrt(1.0 / 4000), qPrintable(QString::number(mean)));
            QVERIFY2(std::abs(var - 1) < 5 * std::sqrt(2.0 / 4000), qPrintable(QString::number(var)));
        }
    }
}

void TestCliForward::badArguments() {
    const QString out = mDir.filePath("bad.csv");
    CliRun run = runCli({"forward", "--dataset", "moons", "--T", "10", "--t", "11", "--out", out});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("--t"));
    run = runCli({"forward", "--dataset", "moons", "--t", "5"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("--out"));
    run = runCli({"forward", "--dataset", "no-such-shape", "--t", "5", "--out", out});
    QVERIFY(run.exitCode != 0);
    QVERIFY(run.err.contains("no-such-shape"));
    run = runCli({"forward", "--dataset", "moons", "--t", "5", "--out", "/nonexistent-folder/x.csv"});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains("/nonexistent-folder/x.csv"));
    QVERIFY(!QFile::exists(out));
}

QTEST_GUILESS_MAIN(TestCliForward)
#include "tst_cli_forward.moc"
