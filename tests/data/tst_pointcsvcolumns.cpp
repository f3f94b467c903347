// CSVs with more than two columns: two are chosen by 1-based number or header name (ignoring case),
// the other columns may hold anything, and every mistake (no choice, a column that does not exist, a
// name without a header, the same column twice, a malformed choice) is one clear message. The layout of
// a file (its column names) feeds the window's chooser.
#include <QtTest>
#include <functional>

#include "core/data/pointcsv.h"
#include "core/math/error.h"

namespace {

const std::string kIris =
    "sepal_length,sepal_width,petal_length,petal_width,species\n"
    "5.1,3.5,1.4,0.2,setosa\n"
    "7.0,3.2,4.7,1.4,versicolor\n"
    "6.3,3.3,6.0,2.5,virginica\n";

QString errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const dl::Error& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

}  // namespace

class TestPointCsvColumns : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void choosesColumns_data();
    void choosesColumns();
    void errors_data();
    void errors();
    void parsesTheChoice();
    void layoutNamesTheColumns();
};

void TestPointCsvColumns::choosesColumns_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("columns");
    QTest::addColumn<QList<float>>("firstRow");
    QTest::newRow("by number") << QString::fromStdString(kIris) << "3,4" << QList<float>{1.4f, 0.2f};
    QTest::newRow("by name") << QString::fromStdString(kIris) << "petal_length,petal_width"
                             << QList<float>{1.4f, 0.2f};
    QTest::newRow("by name, any case, swapped")
        << QString::fromStdString(kIris) << "Petal_Width, SEPAL_LENGTH" << QList<float>{0.2f, 5.1f};
    QTest::newRow("mixed") << QString::fromStdString(kIris) << "1,petal_width" << QList<float>{5.1f, 0.2f};
    QTest::newRow("no header, semicolons")
        << QStringLiteral("1;2;3\n4;5;6\n") << "3,1" << QList<float>{3.0f, 1.0f};
    QTest::newRow("quoted header") << QStringLiteral("\"a\",\"b\",\"c\"\n1,2,3\n4,5,6\n") << "c,b"
                                   << QList<float>{3.0f, 2.0f};
    QTest::newRow("two columns, chosen anyway")
        << QStringLiteral("x,y\n1,2\n3,4\n") << "2,1" << QList<float>{2.0f, 1.0f};
}

void TestPointCsvColumns::choosesColumns() {
    QFETCH(QString, text);
    QFETCH(QString, columns);
    QFETCH(QList<float>, firstRow);
    const std::string bytes = text.toStdString();
    const dl::Batch p = dl::parsePointsCsv(bytes, "iris.csv", {}, dl::parseCsvColumns(columns.toStdString()));
    QVERIFY(p.rows() >= 2);
    QCOMPARE(p(0, 0), firstRow[0]);
    QCOMPARE(p(0, 1), firstRow[1]);
}

void TestPointCsvColumns::errors_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("columns");
    QTest::addColumn<QString>("message");
    const QString iris = QString::fromStdString(kIris);
    QTest::newRow("five columns, no choice")
        << iris << ""
        << "iris.csv, line 2 '5.1,3.5,1.4,0.2,setosa': found 5 values separated by a comma; choose two of "
           "the 5 columns "
           "by number or header name (sepal_length, sepal_width, petal_length, petal_width, species)";
    QTest::newRow("number too large")
        << iris << "3,9"
        << "iris.csv: there is no column 9; the rows have 5 columns, numbered 1 to 5";
    QTest::newRow("number zero") << iris << "0,1"
                                 << "iris.csv: there is no column 0";
    QTest::newRow("unknown name")
        << iris << "petal_length,petal_area"
        << "iris.csv: no column is named 'petal_area'; the header has sepal_length, "
           "sepal_width, petal_length, petal_width, species";
    QTest::newRow("name without header")
        << QStringLiteral("1,2,3\n4,5,6\n") << "a,b"
        << "iris.csv: column 'a' is a name, but the file has no header line; give "
           "its number (1 to 3)";
    QTest::newRow("same column twice") << iris << "3,petal_length"
                                       << "iris.csv: x and y are the same column (3)";
    QTest::newRow("text in a chosen column") << iris << "4,5"
                                             << "'setosa' is not a number";
    QTest::newRow("short row")
        << QStringLiteral("a,b,c\n1,2,3\n4,5\n") << "1,3"
        << "iris.csv, line 3 '4,5': expected at least 3 values separated by a comma, found 2";
}

void TestPointCsvColumns::errors() {
    QFETCH(QString, text);
    QFETCH(QString, columns);
    QFETCH(QString, message);
    const std::string bytes = text.toStdString();
    const dl::CsvColumns chosen =
        columns.isEmpty() ? dl::CsvColumns{} : dl::parseCsvColumns(columns.toStdString());
    const QString got = errorOf([&] { dl::parsePointsCsv(bytes, "iris.csv", {}, chosen); });
    QVERIFY2(got.contains(message), qPrintable(got));
}

void TestPointCsvColumns::parsesTheChoice() {
    const dl::CsvColumns c = dl::parseCsvColumns(" 3 , petal_width ");
    QCOMPARE(c.x, std::string("3"));
    QCOMPARE(c.y, std::string("petal_width"));
    QVERIFY(c.chosen());
    QVERIFY(!dl::CsvColumns{}.chosen());
    for (const char* bad : {"3", "3,", ",4", "1,2,3", ""})
        QVERIFY2(
            errorOf([&] { dl::parseCsvColumns(bad); }).contains("expected two columns separated by a comma"),
            bad);
}

void TestPointCsvColumns::layoutNamesTheColumns() {
    const dl::CsvLayout iris = dl::inspectPointsCsv(kIris);
    QVERIFY(iris.hasHeader);
    QCOMPARE(iris.columns, 5);
    QCOMPARE(iris.names.size(), std::size_t(5));
    QCOMPARE(iris.names[2], std::string("petal_length"));
    const dl::CsvLayout plain = dl::inspectPointsCsv("# comment\n1;2;3\n");
    QVERIFY(!plain.hasHeader);
    QCOMPARE(plain.columns, 3);
    QCOMPARE(plain.names.back(), std::string("3"));
    QVERIFY(errorOf([] { dl::inspectPointsCsv("a,b\n"); }).contains("no data row"));
    // A binary file filled the window's column chooser with "columns" of random bytes.
    const std::string binary("\x8f\x03y\xb1,\x00\x17\x8a,\xfe\n1,2\n", 15);
    QVERIFY(errorOf([&] { dl::inspectPointsCsv(binary); }).contains("not a text file"));
}

QTEST_APPLESS_MAIN(TestPointCsvColumns)
#include "tst_pointcsvcolumns.moc"
