// diffusion-lab-cli dataset: every source writes what it produces (CSV points in data coordinates,
// PNG grids of images), and every bad source exits non-zero with a one-line reason on stderr.
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include "cliprocess.h"
#include "core/data/pointcsv.h"
#include "core/data/pointgenerators.h"

class TestCliDataset : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyPointSourceWritesCsv_data();
    void everyPointSourceWritesCsv();
    void csvIsInDataCoordinates();
    void imagesWriteAPngGrid_data();
    void imagesWriteAPngGrid();
    void badSources_data();
    void badSources();

private:
    QTemporaryDir mDir;
};

void TestCliDataset::initTestCase() {
    QImage shape(40, 20, QImage::Format_RGB32);
    shape.fill(Qt::white);
    QPainter(&shape).fillRect(5, 5, 10, 10, Qt::black);
    QVERIFY(shape.save(mDir.filePath("shape.png")));
    QFile csv(mDir.filePath("points.csv"));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("px;py\n1,5;2\n3;4\n5;6,25\n");
    csv.close();
    QFile bad(mDir.filePath("bad.csv"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("x,y\n1,2\n3,nan\n");
    bad.close();
    QFile empty(mDir.filePath("empty.png"));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
}

void TestCliDataset::everyPointSourceWritesCsv_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("rows");
    for (const auto& name : dl::builtInPointShapes())
        QTest::newRow(name.c_str()) << QStringList{"--dataset", QString::fromStdString(name), "--n", "300"}
                                    << 300;
    QTest::newRow("text") << QStringList{"--text", "DDPM", "--n", "500"} << 500;
    QTest::newRow("image shape") << QStringList{"--image", mDir.filePath("shape.png"), "--n", "400"} << 400;
    QTest::newRow("csv") << QStringList{"--csv", mDir.filePath("points.csv")} << 3;
    QTest::newRow("default moons") << QStringList{"--n", "10"} << 10;
}

void TestCliDataset::everyPointSourceWritesCsv() {
    QFETCH(QStringList, args);
    QFETCH(int, rows);
    const QString out = mDir.filePath("out.csv");
    const CliRun run = runCli(QStringList{"dataset", "--out", out} + args);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const dl::Batch points = dl::readPointsCsv(out.toStdString());
    QCOMPARE(points.rows(), rows);
    // Same seed, same file.
    const QString again = mDir.filePath("again.csv");
    QCOMPARE(runCli(QStringList{"dataset", "--out", again} + args).exitCode, 0);
    QVERIFY(dl::readPointsCsv(again.toStdString()) == points);
}

void TestCliDataset::csvIsInDataCoordinates() {
    const QString out = mDir.filePath("copy.csv");
    QCOMPARE(runCli({"dataset", "--csv", mDir.filePath("points.csv"), "--out", out}).exitCode, 0);
    dl::Batch expected(3, 2);
    expected << 1.5f, 2.0f, 3.0f, 4.0f, 5.0f, 6.25f;
    QVERIFY((dl::readPointsCsv(out.toStdString()) - expected).cwiseAbs().maxCoeff() < 1e-5f);
    // The image shape keeps pixel units, y up: the square at x 5..15, rows 5..15 → y 5..15 of 20.
    const QString shape = mDir.filePath("shape.csv");
    QCOMPARE(
        runCli({"dataset", "--image", mDir.filePath("shape.png"), "--n", "500", "--out", shape}).exitCode, 0);
    const dl::Batch p = dl::readPointsCsv(shape.toStdString());
    QVERIFY(p.minCoeff() >= 5.0f - 1e-3f && p.maxCoeff() <= 15.0f + 1e-3f);
}

void TestCliDataset::imagesWriteAPngGrid_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QSize>("size");
    // 16 glyphs of 16×16 → 4×4 grid of 17-pixel cells + 1, scaled ×3 (auto: 48 px tiles).
    QTest::newRow("glyphs gray") << QStringList{"--dataset", "glyphs", "--n", "16"} << QSize(69 * 3, 69 * 3);
    QTest::newRow("glyphs rgb 8") << QStringList{"--dataset", "glyphs",     "--n", "9",       "--image-size",
                                                 "8",         "--channels", "3",   "--scale", "1"}
                                  << QSize(28, 28);
    QTest::newRow("image pixels") << QStringList{"--image",      mDir.filePath("shape.png"),
                                                 "--image-mode", "pixels",
                                                 "--image-size", "12",
                                                 "--augment",    "4",
                                                 "--scale",      "2"}
                                  << QSize(2 * 27, 2 * 27);
}

void TestCliDataset::imagesWriteAPngGrid() {
    QFETCH(QStringList, args);
    QFETCH(QSize, size);
    const QString out = mDir.filePath("grid.png");
    QFile::remove(out);
    const CliRun run = runCli(QStringList{"dataset", "--out", out} + args);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QImage(out).size(), size);
}

void TestCliDataset::badSources_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown dataset") << QStringList{"--dataset", "banana"} << 2
                                     << "unknown data set 'banana'";
    QTest::newRow("two sources") << QStringList{"--dataset", "moons", "--text", "A"} << 2
                                 << "choose one data source";
    QTest::newRow("missing csv") << QStringList{"--csv", mDir.filePath("nope.csv")} << 1 << "no such file";
    QTest::newRow("NaN in csv") << QStringList{"--csv", mDir.filePath("bad.csv")} << 1 << "line 3";
    QTest::newRow("empty image") << QStringList{"--image", mDir.filePath("empty.png")} << 1
                                 << "is empty (0 bytes)";
    QTest::newRow("bad image mode") << QStringList{"--image", mDir.filePath("shape.png"), "--image-mode", "x"}
                                    << 2 << "--image-mode";
    QTest::newRow("image size out of range")
        << QStringList{"--dataset", "glyphs", "--image-size", "100"} << 2 << "--image-size";
    QTest::newRow("option for another source")
        << QStringList{"--dataset", "moons", "--threshold", "0.5"} << 2 << "--threshold";
    QTest::newRow("images as csv") << QStringList{"--dataset", "glyphs", "--n",
                                                  "4",         "--out",  mDir.filePath("g.csv")}
                                   << 2 << "PNG";
    QTest::newRow("bad suffix") << QStringList{"--dataset", "moons", "--out", mDir.filePath("x.txt")} << 2
                                << ".csv or .png";
    QTest::newRow("empty text") << QStringList{"--text", " "} << 1 << "empty";
}

void TestCliDataset::badSources() {
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    if (!args.contains("--out")) args << "--out" << mDir.filePath("bad-out.csv");
    const CliRun run = runCli(QStringList{"dataset"} + args);
    QCOMPARE(run.exitCode, exitCode);
    const QString err = QString::fromUtf8(run.err).trimmed();
    QVERIFY2(err.contains(expected), qPrintable(err));
    QVERIFY2(!err.contains('\n'), qPrintable(err));
    QVERIFY(run.out.isEmpty());
}

QTEST_MAIN(TestCliDataset)
#include "tst_cli_dataset.moc"
