// Tabular data on the command line. --columns on the commands that take --csv: two columns of a wider CSV
// by number or header name, and a clear one-line error (status 2 for a malformed flag, 1 for a column the
// file does not have). --per-axis: columns in different units are standardised per axis, the scales go
// into the model file, and sample maps its output back to each column's own units.
#include <QFile>
#include <QTemporaryDir>
#include <cmath>

#include "cliprocess.h"
#include "core/data/pointcsv.h"

class TestCliTabular : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void byNumberAndByName_data();
    void byNumberAndByName();
    void trainTakesColumns();
    void errors_data();
    void errors();
    void perAxisScalingRoundTrips();

private:
    QTemporaryDir mDir;
    QString mIris;
};

void TestCliTabular::initTestCase() {
    QVERIFY(mDir.isValid());
    mIris = mDir.filePath("iris.csv");
    QFile f(mIris);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("sepal_length,sepal_width,petal_length,petal_width,species\n");
    for (int i = 0; i < 60; ++i)
        f.write(QByteArray::number(5.0 + 0.01 * i) + ",3.1," + QByteArray::number(1.0 + 0.1 * i) + "," +
                QByteArray::number(0.2 + 0.03 * i) + (i % 2 ? ",setosa\n" : ",virginica\n"));
}

void TestCliTabular::byNumberAndByName_data() {
    QTest::addColumn<QString>("columns");
    QTest::newRow("by number") << "3,4";
    QTest::newRow("by name") << "petal_length,petal_width";
}

void TestCliTabular::byNumberAndByName() {
    QFETCH(QString, columns);
    const QString out = mDir.filePath("petals.csv");
    const CliRun run = runCli({"dataset", "--csv", mIris, "--columns", columns, "--out", out});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const dl::Batch p = dl::readPointsCsv(out.toStdString());
    QCOMPARE(p.rows(), 60);
    QCOMPARE(p(0, 0), 1.0f);
    QCOMPARE(p(0, 1), 0.2f);
    QVERIFY(qAbs(p(59, 0) - 6.9f) < 1e-5f);
}

void TestCliTabular::trainTakesColumns() {
    const CliRun run =
        runCli({"train", "--csv", mIris, "--columns", "petal_length,petal_width", "--steps", "20", "--hidden",
                "16", "--layers", "1", "--quality-samples", "0", "--out", mDir.filePath("iris.dlmodel")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
}

void TestCliTabular::errors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::newRow("no choice") << QStringList{} << 1
                               << "choose two of the 5 columns by number or header name";
    QTest::newRow("one column") << QStringList{"--columns", "3"} << 2
                                << "--columns: expected two columns separated by a comma";
    QTest::newRow("unknown name") << QStringList{"--columns", "petal_length,colour"} << 1
                                  << "no column is named 'colour'";
    QTest::newRow("out of range") << QStringList{"--columns", "3,7"} << 1 << "there is no column 7";
}

void TestCliTabular::errors() {
    QFETCH(QStringList, args);
    QFETCH(int, status);
    QFETCH(QString, message);
    const CliRun run = runCli(QStringList{"dataset", "--csv", mIris, "--out", mDir.filePath("x.csv")} + args);
    QCOMPARE(run.exitCode, status);
    QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
    QCOMPARE(run.err.count('\n'), 1);  // one line
    const CliRun noCsv =
        runCli({"dataset", "--dataset", "moons", "--columns", "1,2", "--out", mDir.filePath("y.csv")});
    QCOMPARE(noCsv.exitCode, 2);
    QVERIFY2(noCsv.err.contains("--columns: only applies with --csv"), noCsv.err.constData());
}

void TestCliTabular::perAxisScalingRoundTrips() {
    // Column x near 750 (sd ≈ 29), column y near 1 (sd ≈ 0.29): spreads 100× apart.
    const QString wide = mDir.filePath("wide.csv");
    QFile f(wide);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("price,weight\n");
    for (int i = 0; i < 400; ++i) {
        const double u = (i % 20) / 19.0, v = (i / 20) / 19.0;
        f.write(QByteArray::number(700 + 100 * u) + "," + QByteArray::number(0.5 + v) + "\n");
    }
    f.close();
    const QString common = mDir.filePath("common.csv");
    CliRun run = runCli({"dataset", "--csv", wide, "--out", common});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("data: the axes' spreads differ 100×") && run.err.contains("(--per-axis)"),
             run.err.constData());
    run = runCli({"dataset", "--csv", wide, "--per-axis", "--normalised", "--out", common});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(!run.err.contains("spreads differ") && run.err.contains("per-axis scales"), run.err.constData());
    const dl::Batch normalised = dl::readPointsCsv(common.toStdString());
    for (int k = 0; k < 2; ++k) {  // every axis at unit spread
        const double rms = std::sqrt(normalised.col(k).cast<double>().squaredNorm() / normalised.rows());
        QVERIFY2(std::abs(rms - 1.0) < 1e-3, qPrintable(QString::number(rms)));
    }

    const QString model = mDir.filePath("wide.dlmodel"), samples = mDir.filePath("wide-samples.csv");
    run = runCli({"train", "--csv", wide, "--per-axis", "--steps", "300", "--hidden", "32", "--layers", "1",
                  "--T", "50", "--beta-end", "0.3", "--quality-samples", "200", "--out", model});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = runCli({"sample", "--model", model, "--n", "500", "--out", samples});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const dl::Batch s = dl::readPointsCsv(samples.toStdString());
    const Eigen::RowVectorXf mean = s.colwise().mean();
    // Back in each column's units: x around 750 over ~100, y around 1 over ~1 (clipped to the data's range).
    QVERIFY2(std::abs(mean(0) - 750.0f) < 15.0f && std::abs(mean(1) - 1.0f) < 0.15f,
             qPrintable(QString("%1, %2").arg(mean(0)).arg(mean(1))));
    QVERIFY(s.col(0).maxCoeff() - s.col(0).minCoeff() > 50.0f);
    QVERIFY(s.col(1).maxCoeff() - s.col(1).minCoeff() > 0.5f &&
            s.col(1).maxCoeff() - s.col(1).minCoeff() < 2.0f);
}

QTEST_GUILESS_MAIN(TestCliTabular)
#include "tst_cli_tabular.moc"
