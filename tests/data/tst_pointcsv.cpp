// CSV import: every dialect reads to the same points, every bad input names its first bad line,
// the limits hold, a million lines parse back exactly, and progress can cancel a load.
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <fstream>

#include "core/data/datalimits.h"
#include "core/data/pointcsv.h"
#include "core/math/error.h"
#include "core/math/rng.h"

namespace {

void writeFile(const QString& path, const std::string& contents) {
    std::ofstream out(path.toStdString(), std::ios::binary);
    out << contents;
}

QString errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const dl::Error& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

}  // namespace

class TestPointCsv : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void dialects_data();
    void dialects();
    void badInput_data();
    void badInput();
    void limits();
    void fileErrors();
    void roundTrip();
    void millionLinesRoundTrip();
    void progressAndCancel();
};

void TestPointCsv::dialects_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("comma with header") << QByteArray("x,y\n1.5,-2\n3,4e-1\n");
    QTest::newRow("comma, no header") << QByteArray("1.5,-2\n3,0.4\n");
    QTest::newRow("comma and spaces") << QByteArray("x, y\n 1.5 , -2\n3 ,  .4\n");
    QTest::newRow("semicolon") << QByteArray("x;y\n1.5;-2\n3;0.4\n");
    QTest::newRow("semicolon, decimal comma") << QByteArray("\"x\";\"y\"\n1,5;-2\n3;0,4\n");
    QTest::newRow("tab") << QByteArray("x\ty\n1.5\t-2\n3\t0.4\n");
    QTest::newRow("spaces") << QByteArray("1.5   -2\n  3 0.4  \n");
    QTest::newRow("CRLF, BOM, no final newline") << QByteArray("\xEF\xBB\xBFx,y\r\n1.5,-2\r\n3,0.4");
    QTest::newRow("blank lines, comments, quotes, plus")
        << QByteArray("# exported\n\nx,y\n\"1.5\",\"-2\"\n\n+3,+0.4\n\n");
    QTest::newRow("header with spaces") << QByteArray("pos x  pos y\n1.5 -2\n3 0.4\n");
}

void TestPointCsv::dialects() {
    QFETCH(QByteArray, text);
    const dl::Batch p =
        dl::parsePointsCsv(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    QCOMPARE(p.rows(), 2);
    QCOMPARE(p(0, 0), 1.5f);
    QCOMPARE(p(0, 1), -2.0f);
    QCOMPARE(p(1, 0), 3.0f);
    QCOMPARE(p(1, 1), 0.4f);
}

void TestPointCsv::badInput_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("text in a row") << QByteArray("x,y\n1,2\n3,abc\n4,5\n")
                                   << "line 3 '3,abc': 'abc' is not a number";
    QTest::newRow("NaN") << QByteArray("1,2\nnan,2\n") << "line 2 'nan,2': 'nan' is not a finite number";
    QTest::newRow("infinity") << QByteArray("1,2\n3,4\n-inf,0\n")
                              << "line 3 '-inf,0': '-inf' is not a finite number";
    QTest::newRow("too large for float")
        << QByteArray("1,2\n1e39,0\n") << "line 2 '1e39,0': '1e39' is too large";
    QTest::newRow("ragged: three values")
        << QByteArray("x,y\n1,2\n3,4,5\n")
        << "line 3 '3,4,5': expected 2 values x,y separated by a comma, found 3";
    QTest::newRow("ragged: one value")
        << QByteArray("1;2\n3\n") << "line 2 '3': expected 2 values x,y separated by a semicolon, found 1";
    QTest::newRow("one column")
        << QByteArray("x\n1.5\n2.5\n")
        << "line 2 '1.5': found one value and no separator; every row needs 2 values x,y";
    QTest::newRow("empty value") << QByteArray("1,2\n,4\n") << "line 2 ',4': a value is empty";
    QTest::newRow("trailing junk") << QByteArray("1,2\n3,4x\n") << "line 2 '3,4x': '4x' is not a number";
    QTest::newRow("one point") << QByteArray("x,y\n1,2\n") << "has 1 point; a data set needs at least 2";
    QTest::newRow("header only") << QByteArray("x,y\n") << "has 0 points";
    QTest::newRow("nothing") << QByteArray("\n\n") << "has 0 points";
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << "not a text file";
    QTest::newRow("number then text on the first line")
        << QByteArray("1,y\n2,3\n") << "line 1 '1,y': 'y' is not a number";
}

void TestPointCsv::badInput() {
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const QString message = errorOf([&] {
        dl::parsePointsCsv(std::string_view(text.constData(), static_cast<std::size_t>(text.size())),
                           "pts.csv");
    });
    QVERIFY2(message.startsWith("pts.csv"), qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));
}

void TestPointCsv::limits() {
    QCOMPARE(dl::limits::kMaxPoints, 5'000'000);
    std::string text;
    text.reserve(static_cast<std::size_t>(dl::limits::kMaxPoints + 1) * 4);
    for (int i = 0; i <= dl::limits::kMaxPoints; ++i) text += "0,1\n";
    const QString message = errorOf([&] { dl::parsePointsCsv(text, "big.csv"); });
    QVERIFY2(message.contains("more than 5000000 points") && message.contains("line 5000001"),
             qPrintable(message));
    text.resize(text.size() - 4);  // exactly at the limit is fine
    QCOMPARE(dl::parsePointsCsv(text).rows(), dl::limits::kMaxPoints);
}

void TestPointCsv::fileErrors() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString empty = dir.filePath("empty.csv");
    writeFile(empty, "");
    QVERIFY(errorOf([&] { dl::readPointsCsv(empty.toStdString()); }).contains("is empty"));
    QVERIFY(errorOf([&] {
                dl::readPointsCsv(dir.filePath("missing.csv").toStdString());
            }).contains("no such file"));
    QVERIFY(errorOf([&] { dl::readPointsCsv(dir.path().toStdString()); }).contains("not a regular file"));
    const QString bad = dir.filePath("bad.csv");
    writeFile(bad, "x,y\n1,2\n1,2,3\n");
    const QString message = errorOf([&] { dl::readPointsCsv(bad.toStdString()); });
    QVERIFY2(message.contains("bad.csv', line 3"), qPrintable(message));
}

void TestPointCsv::roundTrip() {
    QTemporaryDir dir;
    dl::Batch p(3, 2);
    p << 0.1f, -1e-7f, 123456.789f, 3.0f, -0.0f, 1e30f;
    const std::string path = dir.filePath("p.csv").toStdString();
    dl::writePointsCsv(path, p);
    QVERIFY(dl::readPointsCsv(path) == p);
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::formatPointsCsv(dl::Batch::Zero(2, 3)));
}

void TestPointCsv::millionLinesRoundTrip() {
    dl::Rng rng(1);
    dl::Batch p(1'000'000, 2);
    rng.fillNormal(p);
    const std::string text = dl::formatPointsCsv(p);
    const dl::Batch back = dl::parsePointsCsv(text);
    // Speed is the benchmark's business (a wall-clock bound here fails on a busy machine); this checks
    // that a million lines parse back exactly.
    QVERIFY(back == p);
}

void TestPointCsv::progressAndCancel() {
    std::string text = "x,y\n";
    for (int i = 0; i < 300000; ++i) text += "1,2\n";
    std::vector<double> seen;
    const dl::Batch p = dl::parsePointsCsv(text, "CSV", [&](double f) {
        seen.push_back(f);
        return true;
    });
    QCOMPARE(p.rows(), 300000);
    QVERIFY(seen.size() >= 4);
    QVERIFY(std::is_sorted(seen.begin(), seen.end()));
    QCOMPARE(seen.back(), 1.0);
    int calls = 0;
    QVERIFY_THROWS_EXCEPTION(dl::Cancelled,
                             dl::parsePointsCsv(text, "CSV", [&](double) { return ++calls < 2; }));
    QCOMPARE(calls, 2);
}

QTEST_GUILESS_MAIN(TestPointCsv)
#include "tst_pointcsv.moc"
