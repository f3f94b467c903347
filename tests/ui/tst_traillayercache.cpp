// The main view's cached trail image (ui/view/traillayercache.h): drawing the trails from it gives the same
// picture as stroking them (also in device pixels on a high-DPI screen), it is re-stroked exactly when the
// trails or what they are drawn with change, and the level of detail that bounds the cost of many long
// trails keeps each trail's newest state.
#include <QPainter>
#include <QtTest>
#include <algorithm>
#include <cstdlib>
#include <random>

#include "ui/render/scene.h"
#include "ui/view/traillayercache.h"

using namespace dlui;

namespace {

/// `count` random walks of `states` states each, shrinking towards the end as reverse diffusion does.
std::vector<dl::Batch> walks(int count, int states, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal;
    std::vector<dl::Batch> trails;
    for (int k = 0; k < count; ++k) {
        dl::Batch b(states, 2);
        float x = normal(rng), y = normal(rng);
        for (int i = 0; i < states; ++i) {
            const float step = 0.01f + 0.1f * float(states - i) / float(states);
            x = 0.99f * x + step * normal(rng);
            y = 0.99f * y + step * normal(rng);
            b(i, 0) = x;
            b(i, 1) = y;
        }
        trails.push_back(b);
    }
    return trails;
}

Scene sceneWith(std::vector<dl::Batch> trails) {
    Scene scene;
    scene.viewBounds = QRectF(-3, -3, 6, 6);
    scene.trails = std::move(trails);
    scene.points.resize(1, 2);
    scene.points << 0.0f, 0.0f;
    return scene;
}

/// The largest difference of any channel between two images of the same size.
int largestDifference(const QImage& a, const QImage& b) {
    int worst = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            worst = std::max({worst, std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                              std::abs(qBlue(p) - qBlue(q)), std::abs(qAlpha(p) - qAlpha(q))});
        }
    return worst;
}

}  // namespace

class TestTrailLayerCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void layerGivesTheStrokedPicture_data();
    void layerGivesTheStrokedPicture();
    void restrokedOnlyWhenSomethingChanged();
    void levelOfDetailKeepsTheNewestState_data();
    void levelOfDetailKeepsTheNewestState();
};

void TestTrailLayerCache::layerGivesTheStrokedPicture_data() {
    QTest::addColumn<int>("trails");
    QTest::addColumn<qreal>("textScale");
    QTest::addColumn<int>("background");
    QTest::addColumn<qreal>("dpr");
    QTest::newRow("few, wide pen (presenter)") << 6 << qreal(2.0) << int(Background::White) << qreal(1.0);
    QTest::newRow("few, dark") << 6 << qreal(1.0) << int(Background::Dark) << qreal(1.0);
    QTest::newRow("many, hairlines, high contrast")
        << 60 << qreal(1.0) << int(Background::HighContrast) << qreal(1.0);
    QTest::newRow("few, high-DPI screen") << 6 << qreal(1.0) << int(Background::White) << qreal(2.0);
    QTest::newRow("many, high-DPI screen") << 60 << qreal(1.0) << int(Background::White) << qreal(2.0);
}

void TestTrailLayerCache::layerGivesTheStrokedPicture() {
    QFETCH(int, trails);
    QFETCH(qreal, textScale);
    QFETCH(int, background);
    QFETCH(qreal, dpr);
    const Scene scene = sceneWith(walks(trails, 300, 3));
    RenderOptions options;
    options.size = QSize(360, 300);
    options.textScale = textScale;
    options.background = Background(background);
    const QRectF target(QPointF(0, 0), QSizeF(options.size));
    // Device pixels: on a high-DPI screen the view paints into a backing store of dpr × its size.
    QImage stroked(options.size * dpr, QImage::Format_ARGB32_Premultiplied);
    stroked.setDevicePixelRatio(dpr);
    QImage layered = stroked.copy();
    stroked.fill(Qt::transparent);
    layered.fill(Qt::transparent);
    {
        QPainter p(&stroked);
        paintScene(p, target, scene, options);
    }
    TrailLayerCache cache;
    {
        QPainter p(&layered);
        paintScene(p, target, scene, options, cache.layer(target, scene, options, dpr));
    }
    QCOMPARE(cache.renderCount(), 1);
    // The same strokes composited through a transparent layer: equal up to rounding. The layer holds the
    // trails in 8-bit premultiplied colour and is blended once, where stroking blends each translucent
    // piece into the background in turn, so where many pieces overlap the roundings add up to a few levels.
    const int difference = largestDifference(stroked, layered);
    qInfo("largest channel difference: %d of 255", difference);
    QVERIFY2(difference <= 6, qPrintable(QStringLiteral("difference %1").arg(difference)));
    // And the trails are there at all: the picture without them differs.
    RenderOptions noTrails = options;
    noTrails.drawTrails = false;
    QImage bare(options.size * dpr, QImage::Format_ARGB32_Premultiplied);
    bare.setDevicePixelRatio(dpr);
    bare.fill(Qt::transparent);
    {
        QPainter p(&bare);
        paintScene(p, target, scene, noTrails);
    }
    QVERIFY(largestDifference(bare, layered) > 20);
}

void TestTrailLayerCache::restrokedOnlyWhenSomethingChanged() {
    Scene scene = sceneWith(walks(5, 100, 1));
    RenderOptions options;
    const QRectF target(0, 0, 400, 300);
    TrailLayerCache cache;
    QVERIFY(cache.layer(target, scene, options, 1.0));
    QCOMPARE(cache.renderCount(), 1);
    // A rebuild with equal trails (t standing still while the points or arrows change) re-strokes nothing.
    const std::vector<dl::Batch> same = scene.trails;
    cache.noteTrails(scene.trails, same);
    scene.points(0, 0) = 0.5f;
    scene.caption = QStringLiteral("another caption");
    QVERIFY(cache.layer(target, scene, options, 1.0));
    QCOMPARE(cache.renderCount(), 1);
    // Each of these does.
    std::vector<dl::Batch> moved = scene.trails;
    moved[2](50, 1) += 0.01f;
    cache.noteTrails(scene.trails, moved);
    scene.trails = moved;
    cache.layer(target, scene, options, 1.0);
    QCOMPARE(cache.renderCount(), 2);
    cache.layer(QRectF(0, 0, 500, 300), scene, options, 1.0);  // resized
    QCOMPARE(cache.renderCount(), 3);
    cache.layer(QRectF(0, 0, 500, 300), scene, options, 2.0);  // moved to a high-DPI screen
    QCOMPARE(cache.renderCount(), 4);
    options.background = Background::Dark;  // theme
    cache.layer(QRectF(0, 0, 500, 300), scene, options, 2.0);
    QCOMPARE(cache.renderCount(), 5);
    options.textScale = 2.0;  // presenter mode
    cache.layer(QRectF(0, 0, 500, 300), scene, options, 2.0);
    QCOMPARE(cache.renderCount(), 6);
    scene.viewBounds = QRectF(-4, -4, 8, 8);  // another data set's bounds
    cache.layer(QRectF(0, 0, 500, 300), scene, options, 2.0);
    QCOMPARE(cache.renderCount(), 7);
    // Trails off: no image, and none kept.
    options.drawTrails = false;
    QVERIFY(!cache.layer(QRectF(0, 0, 500, 300), scene, options, 2.0));
    QCOMPARE(cache.renderCount(), 7);
}

void TestTrailLayerCache::levelOfDetailKeepsTheNewestState_data() {
    QTest::addColumn<int>("count");
    QTest::addColumn<qreal>("textScale");
    QTest::newRow("30 hairlines") << 30 << qreal(1.0);
    QTest::newRow("10 wide (presenter)") << 10 << qreal(2.0);
}

void TestTrailLayerCache::levelOfDetailKeepsTheNewestState() {
    // Trails of 20,001 states are thinned hard (a budget of vertices over all trails); each still ends at
    // its newest state: here a jump from the walk to a corner that only the last state reaches.
    QFETCH(int, count);
    QFETCH(qreal, textScale);
    std::vector<dl::Batch> trails = walks(count, 20001, 5);
    RenderOptions options;
    options.size = QSize(400, 400);
    options.drawPoints = options.drawAxes = options.drawCaption = false;
    options.textScale = textScale;
    // (2.5, 2.5) in [−3, 3]² on 400 px is x = 366.7, y = 33.3: the darkest pixel around it.
    const auto darkestNearCorner = [&](const std::vector<dl::Batch>& t) {
        const QImage image = renderScene(sceneWith(t), options);
        int darkest = 255;
        for (int y = 28; y <= 40; ++y)
            for (int x = 360; x <= 372; ++x) darkest = std::min(darkest, qGray(image.pixel(x, y)));
        return darkest;
    };
    const int without = darkestNearCorner(trails);
    trails[count - 3].row(20000) << 2.5f, 2.5f;
    const int with = darkestNearCorner(trails);
    qInfo("darkest pixel near (2.5, 2.5): %d without the jump, %d with it", without, with);
    QCOMPARE(without, 255);  // no walk comes near the corner
    QVERIFY(with < 245);     // the last state's line reaches it
}

QTEST_MAIN(TestTrailLayerCache)
#include "tst_traillayercache.moc"
