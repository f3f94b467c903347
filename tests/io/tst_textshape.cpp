// Text shapes: points fill the glyphs of the typed text (wide for a word, with holes where the
// letters have counters), seeded, and bad text is a clear error.
#include <QtTest>

#include "core/io/textshape.h"
#include "core/math/error.h"

class TestTextShape : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ddpm();
    void holeInTheO();
    void badText_data();
    void badText();
};

void TestTextShape::ddpm() {
    dl::Rng a(1), b(1);
    const dl::Batch p = dl::pointsFromText("DDPM", 5000, a);
    QCOMPARE(p.rows(), 5000);
    QVERIFY(p == dl::pointsFromText("DDPM", 5000, b));
    const float width = p.col(0).maxCoeff() - p.col(0).minCoeff();
    const float height = p.col(1).maxCoeff() - p.col(1).minCoeff();
    QVERIFY2(width > 3 * height && height > 0.5f && height < 1.0f,
             qPrintable(QStringLiteral("%1×%2").arg(width).arg(height)));
    // Centred, in units of the font's size: the view's axes read like the other shapes' (they read up
    // to 1,600 in pixels).
    const Eigen::RowVector2f centre = 0.5f * (p.colwise().minCoeff() + p.colwise().maxCoeff());
    QVERIFY2(centre.norm() < 0.1f, qPrintable(QStringLiteral("%1, %2").arg(centre.x()).arg(centre.y())));
}

void TestTextShape::holeInTheO() {
    dl::Rng rng(2);
    const dl::Batch p = dl::pointsFromText("O", 20000, rng);
    const Eigen::Vector2f centre = 0.5f * (p.colwise().minCoeff() + p.colwise().maxCoeff()).transpose();
    const float size = p.col(1).maxCoeff() - p.col(1).minCoeff();
    int inHole = 0;
    for (Eigen::Index i = 0; i < p.rows(); ++i)
        inHole += (p.row(i).transpose() - centre).norm() < 0.15f * size ? 1 : 0;
    QCOMPARE(inHole, 0);
}

void TestTextShape::badText_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("blank") << "   "
                           << "empty";
    QTest::newRow("too long") << QString(65, 'A') << "more than the limit of 64";
    QTest::newRow("control character") << "A\tB"
                                       << "control character";
    QTest::newRow("no glyph") << QString::fromUtf8("Hi \xE6\xBC\xA2") << "has no glyph";
}

void TestTextShape::badText() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    dl::Rng rng(0);
    try {
        dl::pointsFromText(text.toStdString(), 100, rng);
        QFAIL("bad text accepted");
    } catch (const dl::Error& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(expected), e.what());
    }
}

QTEST_MAIN(TestTextShape)
#include "tst_textshape.moc"
