// The built-in glyph image set: seeded, the documented shape and range, ink in the middle and
// background at the border, every character drawn, and clear errors for a missing font or bad options.
#include <QElapsedTimer>
#include <QFontInfo>
#include <QtTest>

#include "core/data/progress.h"
#include "core/io/fonts.h"
#include "core/io/glyphimages.h"
#include "core/math/error.h"

class TestGlyphImages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void progressStopsTheDrawing() {
        // A load of many glyphs can be stopped: false from the callback ends it with dl::Cancelled.
        int calls = 0;
        dl::Rng rng(1);
        QVERIFY_THROWS_EXCEPTION(dl::Cancelled, dl::makeGlyphImageSet(100'000, 8, 1, rng, {}, [&](double f) {
                                     [&] { QVERIFY(f >= 0.0 && f < 1.0); }();
                                     return ++calls < 2;
                                 }));
        QCOMPARE(calls, 2);
    }

    void seededShapeAndRange();
    void inkInTheMiddle();
    void charactersCycle();
    void rgbIsColoured();
    void fontsByName();
    void badOptions();
};

void TestGlyphImages::seededShapeAndRange() {
    dl::Rng a(3), b(3), c(4);
    QElapsedTimer timer;
    timer.start();
    const dl::DataSet set = dl::makeGlyphImageSet(2000, 16, 1, a);
    qInfo("2000 glyph images at 16×16 in %lld ms", static_cast<long long>(timer.elapsed()));
    QCOMPARE(set.kind, dl::DataKind::Image);
    QCOMPARE(set.size(), 2000);
    QCOMPARE(set.dim(), 256);
    QCOMPARE(set.image.width, 16);
    QCOMPARE(set.image.height, 16);
    QCOMPARE(set.name, std::string("glyphs"));
    QVERIFY(set.points.minCoeff() >= -1.0f && set.points.maxCoeff() <= 1.0f);
    QCOMPARE(set.points.maxCoeff(), 1.0f);
    QVERIFY(set.points == dl::makeGlyphImageSet(2000, 16, 1, b).points);
    QVERIFY(set.points != dl::makeGlyphImageSet(2000, 16, 1, c).points);
}

void TestGlyphImages::inkInTheMiddle() {
    dl::Rng rng(1);
    const int s = 20;
    const dl::DataSet set = dl::makeGlyphImageSet(500, s, 1, rng);
    const dl::Batch pixels = set.norm.toData(set.points);  // 0..255
    double border = 0, centre = 0, ink = 0;
    for (Eigen::Index i = 0; i < pixels.rows(); ++i) {
        for (int y = 0; y < s; ++y)
            for (int x = 0; x < s; ++x) {
                const double v = pixels(i, y * s + x) / 255.0;
                ink += v;
                if (x == 0 || y == 0 || x == s - 1 || y == s - 1) border += v / (4 * s - 4);
                if (x >= s / 4 && x < 3 * s / 4 && y >= s / 4 && y < 3 * s / 4) centre += v / (s * s / 4);
            }
    }
    border /= pixels.rows();
    centre /= pixels.rows();
    ink /= pixels.rows() * s * s;
    qInfo("mean ink: border %.3f, centre %.3f, whole %.3f", border, centre, ink);
    QVERIFY(border < 0.02);
    QVERIFY(centre > 0.25);
    QVERIFY(ink > 0.1 && ink < 0.5);  // strokes, not filled squares
}

void TestGlyphImages::charactersCycle() {
    dl::Rng rng(2);
    dl::GlyphSetOptions o;
    o.characters = dl::glyphCharacters("alnum");
    QCOMPARE(o.characters.size(), std::size_t(62));
    QCOMPARE(dl::glyphCharacters("digits"), std::string("0123456789"));
    QCOMPARE(dl::glyphCharacters("letters").size(), std::size_t(52));
    QCOMPARE(dl::glyphCharacters("XO"), std::string("XO"));
    const dl::DataSet set = dl::makeGlyphImageSet(124, 24, 1, rng, o);
    // Image i shows character i mod 62: 'I' (thin) has much less ink than 'W' or 'M' on average.
    const auto inkOf = [&](char c) {
        const int k = static_cast<int>(o.characters.find(c));
        return (set.points.row(k).array() + 1).sum() + (set.points.row(k + 62).array() + 1).sum();
    };
    QVERIFY2(inkOf('l') < 0.6 * inkOf('W'),
             qPrintable(QStringLiteral("%1 vs %2").arg(inkOf('l')).arg(inkOf('W'))));
    QVERIFY2(inkOf('i') < 0.6 * inkOf('M'),
             qPrintable(QStringLiteral("%1 vs %2").arg(inkOf('i')).arg(inkOf('M'))));
}

void TestGlyphImages::rgbIsColoured() {
    dl::Rng rng(5);
    const dl::DataSet set = dl::makeGlyphImageSet(50, 16, 3, rng);
    QCOMPARE(set.dim(), 16 * 16 * 3);
    QCOMPARE(set.image.channels, 3);
    // Somewhere a pixel's channels differ: the glyphs are not all gray.
    double spread = 0;
    for (Eigen::Index i = 0; i < set.points.rows(); ++i)
        for (int p = 0; p < 256; ++p)
            spread = std::max(spread, double(std::abs(set.points(i, 3 * p) - set.points(i, 3 * p + 1))));
    QVERIFY(spread > 0.5);
}

void TestGlyphImages::fontsByName() {
    for (const QString& family : dl::glyphFontFamilies()) {
        const QFont font = dl::requireFont(family, true, 40);
        QCOMPARE(QFontInfo(font).family(), family);
    }
    try {
        dl::requireFont(QStringLiteral("No Such Font Family 4711"), false, 20);
        QFAIL("a missing font was accepted");
    } catch (const dl::Error& e) {
        QVERIFY2(QString(e.what()).contains("fonts-dejavu-core"), e.what());
    }
}

void TestGlyphImages::badOptions() {
    dl::Rng rng(0);
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::makeGlyphImageSet(10, 7, 1, rng));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::makeGlyphImageSet(10, 65, 1, rng));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::makeGlyphImageSet(10, 16, 2, rng));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::makeGlyphImageSet(0, 16, 1, rng));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::makeGlyphImageSet(100'000'000, 16, 1, rng));
    dl::GlyphSetOptions o;
    o.characters = "A-B";
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::makeGlyphImageSet(10, 16, 1, rng, o));
    o.characters = "";
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::makeGlyphImageSet(10, 16, 1, rng, o));
}

QTEST_MAIN(TestGlyphImages)
#include "tst_glyphimages.moc"
