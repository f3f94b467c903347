// The frame renderer with input a damaged model or odd data can produce: an image shape that does not
// describe the rows (1×1×C once wrote past a 4-byte buffer), and points so far from 0 (x = 1e17) or a
// view so degenerate that the axis tick loop once never ended. Every case must return a frame.
#include <QElapsedTimer>
#include <QTest>
#include <limits>

#include "ui/render/scene.h"

using namespace dlui;

class TestRenderHostile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void imageShapeThatDoesNotFitDrawsNothing_data() {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("columns");
        QTest::newRow("1x1xC, C = data dimension") << 1 << 1 << 48 << 48;
        QTest::newRow("negative sides") << -4 << -4 << 3 << 48;
        QTest::newRow("product overflows int") << 65536 << 65536 << 1 << 16;
        QTest::newRow("two channels") << 4 << 3 << 2 << 24;
    }
    void imageShapeThatDoesNotFitDrawsNothing() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, channels);
        QFETCH(int, columns);
        Scene scene;
        scene.imageShape = dl::ImageShape{width, height, channels};
        scene.images = dl::Batch::Constant(4, columns, 1.0f);
        RenderOptions options;
        options.size = QSize(64, 64);
        options.background = Background::Dark;
        options.drawCaption = false;
        const QImage image = renderScene(scene, options);
        QCOMPARE(image.size(), QSize(64, 64));
        QCOMPARE(image.pixelColor(32, 32), image.pixelColor(1, 1));  // nothing drawn in the middle
    }

    void oneByOneImagesDraw() {
        Scene scene;
        scene.imageShape = dl::ImageShape{1, 1, 1};
        scene.images = dl::Batch::Constant(1, 1, 1.0f);
        RenderOptions options;
        options.size = QSize(64, 64);
        options.background = Background::Dark;
        options.drawCaption = false;
        QCOMPARE(renderScene(scene, options).pixelColor(32, 32), QColor(255, 255, 255));
    }

    void farAndDegenerateViewsFinish_data() {
        QTest::addColumn<QRectF>("bounds");
        QTest::newRow("x = 1e17, width 4") << QRectF(1e17, -1, 4, 2);
        QTest::newRow("y = -3e38, height 1") << QRectF(0, -3e38, 1, 1);
        QTest::newRow("zero width") << QRectF(5, 0, 0, 1);
        QTest::newRow("infinite") << QRectF(-std::numeric_limits<double>::infinity(), 0,
                                            std::numeric_limits<double>::infinity(), 1);
        QTest::newRow("NaN") << QRectF(std::numeric_limits<double>::quiet_NaN(), 0, 1, 1);
    }
    void farAndDegenerateViewsFinish() {
        QFETCH(QRectF, bounds);
        Scene scene;
        scene.points = dl::Batch(3, 2);
        scene.points << 1e17f, 0.0f, 1e17f, 1.0f, 1e17f, 2.0f;
        scene.viewBounds = bounds;
        RenderOptions options;
        options.size = QSize(120, 120);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(renderScene(scene, options).size(), QSize(120, 120));
        QVERIFY(timer.elapsed() < 5000);
    }

    void farPointsFitTheirOwnView() {
        Scene scene;
        scene.points = dl::Batch(3, 2);
        scene.points << 1e17f, 0.0f, 1e17f, 1.0f, 1e17f, 2.0f;
        RenderOptions options;
        options.size = QSize(120, 120);
        QCOMPARE(renderScene(scene, options).size(), QSize(120, 120));
    }
};

QTEST_MAIN(TestRenderHostile)
#include "tst_render_hostile.moc"
