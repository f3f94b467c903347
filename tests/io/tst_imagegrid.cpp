// Image grids and PNG output: layout, gaps, value mapping (−1 → 0, 1 → 255), RGB order, an atomic
// PNG that reads back, and the quick scatter image of points.
#include <QTemporaryDir>
#include <QtTest>

#include "core/io/imagegrid.h"
#include "core/io/pointscatter.h"
#include "core/math/error.h"

class TestImageGrid : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void layoutAndValues();
    void rgb();
    void writesPng();
    void badInput();
    void scatter();
};

void TestImageGrid::layoutAndValues() {
    // Five 2×3 gray images: ⌈√5⌉ = 3 columns, 2 rows, 1-pixel gaps.
    const dl::ImageShape shape{2, 3, 1};
    dl::Batch images = dl::Batch::Constant(5, 6, -1.0f);
    images.row(1).setConstant(1.0f);
    images.row(2).setConstant(0.0f);
    images(4, 5) = 3.0f;  // out of range: clamped to 255
    const QImage grid = dl::imageGrid(images, shape);
    QCOMPARE(grid.size(), QSize(3 * 3 + 1, 2 * 4 + 1));
    QCOMPARE(qGray(grid.pixel(1, 1)), 0);    // image 0
    QCOMPARE(qGray(grid.pixel(4, 1)), 255);  // image 1
    QCOMPARE(qGray(grid.pixel(7, 1)), 128);  // image 2: 0 → 127.5, rounded
    QCOMPARE(qGray(grid.pixel(0, 0)), 64);   // gap
    QCOMPARE(qGray(grid.pixel(5, 7)), 255);  // image 4 (row 1, column 1), last pixel (1, 2)
    QCOMPARE(dl::imageGrid(images, shape, 5).size(), QSize(5 * 3 + 1, 4 + 1));
}

void TestImageGrid::rgb() {
    dl::Batch red(1, 3);
    red << 1.0f, -1.0f, -1.0f;
    const QImage grid = dl::imageGrid(red, {1, 1, 3});
    QCOMPARE(grid.pixel(1, 1), qRgb(255, 0, 0));
}

void TestImageGrid::writesPng() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("grid.png").toStdString();
    dl::writeImageGridPng(path, dl::Batch::Constant(4, 64, 1.0f), {8, 8, 1}, 0, 3);
    const QImage back(QString::fromStdString(path));
    QCOMPARE(back.size(), QSize(3 * (2 * 9 + 1), 3 * (2 * 9 + 1)));
    QCOMPARE(qGray(back.pixel(5, 5)), 255);
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::writePng(back, dir.filePath("no/such/dir/x.png").toStdString()));
}

void TestImageGrid::badInput() {
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::imageGrid(dl::Batch::Zero(2, 10), {2, 3, 1}));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::imageGrid(dl::Batch::Zero(0, 6), {2, 3, 1}));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::imageGrid(dl::Batch::Zero(2, 12), {2, 3, 2}));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::imageGrid(dl::Batch::Zero(2, 6), {2, 3, 1}, -1));
    // 100,000 images of 64×64 would be a 20,000-pixel grid.
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::imageGrid(dl::Batch::Zero(100000, 4), {2, 2, 1}, 100000));
    QTemporaryDir dir;
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::writeImageGridPng(dir.filePath("x.png").toStdString(),
                                                              dl::Batch::Zero(1, 4), {2, 2, 1}, 0, 17));
}

void TestImageGrid::scatter() {
    dl::Batch points(3, 2);
    points << 0, 0, 1, 1, 2, 0;
    const QImage image = dl::pointScatterImage(points, 100);
    QCOMPARE(image.size(), QSize(100, 100));
    int dark = 0;
    for (int y = 0; y < 100; ++y)
        for (int x = 0; x < 100; ++x) dark += qGray(image.pixel(x, y)) < 200 ? 1 : 0;
    QVERIFY(dark >= 3 && dark < 100);
    // (1, 1) is drawn near the top (y up): around pixel (50, 27.5), and nothing at the mirrored (50, 72.5).
    const auto darkest = [&](int y0, int y1) {
        int v = 255;
        for (int y = y0; y <= y1; ++y)
            for (int x = 48; x <= 52; ++x) v = std::min(v, qGray(image.pixel(x, y)));
        return v;
    };
    QVERIFY(darkest(25, 30) < 200);
    QCOMPARE(darkest(70, 75), 255);
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::pointScatterImage(dl::Batch::Zero(3, 3)));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::pointScatterImage(points, 10));
}

QTEST_MAIN(TestImageGrid)
#include "tst_imagegrid.moc"
