// diffusion-lab-cli schedule: the JSON arrays for every kind match the schedule definitions, and bad
// arguments give a one-line error naming the flag with exit status 2.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

#include "cliprocess.h"
#include "core/math/schedule.h"

class TestCliSchedule : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jsonMatchesDefinitions_data();
    void jsonMatchesDefinitions();
    void defaultsAreLinear1000();
    void tableIsReadable();
    void badArgumentsNameTheFlag_data();
    void badArgumentsNameTheFlag();
    void helpOnEveryCommand();
};

void TestCliSchedule::jsonMatchesDefinitions_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("T");
    QTest::addColumn<double>("b0");
    QTest::addColumn<double>("b1");
    QTest::addColumn<bool>("zeroSnr");
    using K = dl::ScheduleKind;
    QTest::newRow("linear") << QStringList{"--schedule",   "linear", "--T",        "100",
                                           "--beta-start", "0.001",  "--beta-end", "0.2"}
                            << int(K::Linear) << 100 << 0.001 << 0.2 << false;
    QTest::newRow("scaled_linear") << QStringList{"--schedule",   "scaled_linear", "--T",        "1000",
                                                  "--beta-start", "0.00085",       "--beta-end", "0.012"}
                                   << int(K::ScaledLinear) << 1000 << 0.00085 << 0.012 << false;
    QTest::newRow("cosine") << QStringList{"--schedule", "cosine", "--T", "500"} << int(K::Cosine) << 500
                            << 1e-4 << 0.02 << false;
    QTest::newRow("sigmoid") << QStringList{"--schedule", "sigmoid", "--T", "300"} << int(K::Sigmoid) << 300
                             << 1e-4 << 0.02 << false;
    QTest::newRow("linear zero-snr") << QStringList{"--T", "50", "--zero-snr"} << int(K::Linear) << 50 << 1e-4
                                     << 0.02 << true;
}

void TestCliSchedule::jsonMatchesDefinitions() {
    QFETCH(QStringList, args);
    QFETCH(int, kind);
    QFETCH(int, T);
    QFETCH(double, b0);
    QFETCH(double, b1);
    QFETCH(bool, zeroSnr);
    const CliRun run = runCli(QStringList{"schedule", "--json"} + args);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject object = doc.object();

    dl::ScheduleParams p;
    p.kind = dl::ScheduleKind(kind);
    p.T = T;
    p.betaStart = b0;
    p.betaEnd = b1;
    p.zeroTerminalSnr = zeroSnr;
    const dl::Schedule s(p);
    const std::pair<const char*, double (dl::Schedule::*)(int) const> arrays[] = {
        {"beta", &dl::Schedule::beta},
        {"alpha", &dl::Schedule::alpha},
        {"alpha_bar", &dl::Schedule::alphaBar},
        {"posterior_variance", &dl::Schedule::posteriorVariance},
        {"posterior_mean_coef1", &dl::Schedule::posteriorMeanCoef1},
        {"posterior_mean_coef2", &dl::Schedule::posteriorMeanCoef2},
        {"snr", &dl::Schedule::snr},
    };
    for (const auto& [name, value] : arrays) {
        const QJsonArray array = object.value(QLatin1String(name)).toArray();
        QVERIFY2(array.size() == T, name);
        for (int k = 0; k < T; ++k) {
            // Printed with full double precision, so the numbers read back exactly.
            const double expected = (s.*value)(k + 1);
            if (array.at(k).toDouble() != expected)
                QFAIL(qPrintable(QStringLiteral("%1[%2]: %3 vs %4")
                                     .arg(name)
                                     .arg(k)
                                     .arg(array.at(k).toDouble(), 0, 'g', 17)
                                     .arg(expected, 0, 'g', 17)));
        }
    }
}

void TestCliSchedule::defaultsAreLinear1000() {
    const CliRun run = runCli({"schedule", "--json"});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(object.value("beta_schedule").toString(), QStringLiteral("linear"));
    QCOMPARE(object.value("num_train_timesteps").toInt(), 1000);
    QCOMPARE(object.value("rescale_betas_zero_snr").toBool(true), false);
    const QJsonArray beta = object.value("beta").toArray();
    QCOMPARE(beta.size(), 1000);
    QCOMPARE(beta.first().toDouble(), 1e-4);
    QCOMPARE(beta.last().toDouble(), 0.02);
}

void TestCliSchedule::tableIsReadable() {
    const CliRun run = runCli({"schedule", "--T", "10"});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("alpha_bar"));
    QCOMPARE(run.out.count('\n'), 3 + 1 + 10);  // summary, blank, header, 10 rows
}

void TestCliSchedule::badArgumentsNameTheFlag_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("flag");
    QTest::newRow("T=0") << QStringList{"--T", "0"} << "--T";
    QTest::newRow("T text") << QStringList{"--T", "many"} << "--T";
    QTest::newRow("beta-start 0") << QStringList{"--beta-start", "0"} << "--beta-start";
    QTest::newRow("beta-end 1.5") << QStringList{"--beta-end", "1.5"} << "--beta-end";
    QTest::newRow("beta-end nan") << QStringList{"--beta-end", "nan"} << "--beta-end";
    QTest::newRow("start > end") << QStringList{"--beta-start", "0.1", "--beta-end", "0.01"}
                                 << "--beta-start";
    QTest::newRow("unknown kind") << QStringList{"--schedule", "exponential"} << "--schedule";
    QTest::newRow("unknown flag") << QStringList{"--colour", "red"} << "--colour";
    QTest::newRow("missing value") << QStringList{"--T"} << "--T";
}

void TestCliSchedule::badArgumentsNameTheFlag() {
    QFETCH(QStringList, args);
    QFETCH(QString, flag);
    const CliRun run = runCli(QStringList{"schedule"} + args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(flag.toUtf8()), run.err.constData());
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY(run.out.isEmpty());
}

void TestCliSchedule::helpOnEveryCommand() {
    for (const char* command : {"schedule", "forward", "dataset", "train", "sample", "bench", "render"}) {
        const CliRun run = runCli({QString::fromLatin1(command), "--help"});
        QVERIFY2(run.exitCode == 0, command);
        QVERIFY2(run.out.contains("usage: diffusion-lab-cli"), command);
    }
    QCOMPARE(runCli({"no-such-command"}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliSchedule)
#include "tst_cli_schedule.moc"
