// The shared frame renderer: points land where the data say, backgrounds, determinism, image grids,
// stable view bounds, and the speed the window and export rely on (10,000 points at 800×800).
#include <QBuffer>
#include <QtTest>
#include <cmath>
#include <limits>

#include "core/data/dataset.h"
#include "core/data/pointgenerators.h"
#include "core/math/rng.h"
#include "ui/render/gifpalette.h"
#include "ui/render/palette.h"
#include "ui/render/scene.h"
#include "ui/render/sceneaxes.h"
#include "ui/render/viewbounds.h"

using namespace dlui;

namespace {

QByteArray pngBytes(const QImage& image) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QPoint toPixel(const QRectF& data, const QSize& size, double x, double y) {
    const double px = (x - data.left()) / data.width() * size.width();
    const double py = size.height() - (y - data.top()) / data.height() * size.height();
    return QPoint(static_cast<int>(std::floor(px)), static_cast<int>(std::floor(py)));
}

Scene moonsScene(int n) {
    dl::Rng rng(3);
    Scene scene;
    scene.points = dl::generatePoints("moons", n, rng);
    scene.colorKeys.resize(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) scene.colorKeys[static_cast<size_t>(i)] = static_cast<float>(i) / n;
    scene.caption = QStringLiteral("t = 10 / 100");
    return scene;
}

/// `count` 8×8 RGB images of pure red (255, 0, 0): on the dark background, and under a translucent box,
/// their pixels are the only reddish ones.
Scene redImages(int count) {
    Scene scene;
    scene.imageShape = dl::ImageShape{8, 8, 3};
    scene.images.resize(count, scene.imageShape.dim());
    for (int i = 0; i < scene.imageShape.dim(); ++i)
        scene.images.col(i).setConstant(i % 3 == 0 ? 1.0f : -1.0f);
    return scene;
}

/// A scene of nothing but the density: `columns` × `rows` cells over [−1, 1]², row by row.
Scene densityScene(int columns, int rows, std::vector<float> values) {
    Scene scene;
    scene.viewBounds = QRectF(-1, -1, 2, 2);
    scene.density.bounds = scene.viewBounds;
    scene.density.columns = columns;
    scene.density.rows = rows;
    scene.density.values = std::move(values);
    return scene;
}

}  // namespace

class TestRender : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pointsLandAtTheirDataCoordinates_data();
    void pointsLandAtTheirDataCoordinates();
    void backgrounds_data();
    void backgrounds();
    void sameSceneGivesIdenticalPng();
    void fixedViewBoundsAreKept();
    void diffusionBoundsHoldDataAndNoise();
    void imageModeDrawsAGrid();
    void overlaysDraw();
    void theHeatMapStandsOutOnTheDarkTheme();
    void tenThousandPointsAreAllDrawn();
    void medianCutKeepsFewColoursExact();
    void anOutlierDoesNotSqueezeTheColours();
    void wordsDoNotCoverEachOther_data();
    void wordsDoNotCoverEachOther();
    void theCaptionHidesTheArrowsBehindIt();
    void lowestYTickIsLabelled_data();
    void lowestYTickIsLabelled();
    void captionKeepsEquationsWhole();
    void tickLabelsStandApart_data();
    void tickLabelsStandApart();
    void narrationHidesTheArrowsBehindIt();
    void tickLabelsStayReadableOverArrows();
    void captionLeavesTheImagesUncovered_data();
    void captionLeavesTheImagesUncovered();
    void narrationOfAnImageGridHasItsOwnRoom();
};

void TestRender::pointsLandAtTheirDataCoordinates_data() {
    QTest::addColumn<QSize>("size");
    QTest::newRow("square") << QSize(200, 200);
    QTest::newRow("wide") << QSize(320, 180);
}

void TestRender::pointsLandAtTheirDataCoordinates() {
    QFETCH(QSize, size);
    Scene scene;
    scene.points.resize(3, 2);
    scene.points << -1.0f, -1.0f, 0.5f, 0.25f, 1.5f, 2.0f;
    scene.viewBounds = QRectF(-2, -2, 4, 5);  // x −2..2, y −2..3
    RenderOptions options;
    options.size = size;
    options.drawAxes = false;
    options.drawCaption = false;
    options.pointRadius = 4;
    const QImage image = renderScene(scene, options);
    QCOMPARE(image.size(), size);
    const QRectF data = sceneDataBounds(scene, QRectF(QPointF(0, 0), QSizeF(size)));
    QVERIFY(data.contains(scene.viewBounds));  // grown to equal aspect, never cropped
    const QColor pointColor = sceneColors(Background::White).point;
    for (int i = 0; i < 3; ++i) {
        const QPoint p = toPixel(data, size, scene.points(i, 0), scene.points(i, 1));
        const QColor c = image.pixelColor(p);
        // Translucent dots over white: the hue of the point colour, clearly not the background.
        QVERIFY2(c.blue() > c.red() + 60, qPrintable(QStringLiteral("point %1 at (%2, %3) has colour %4")
                                                         .arg(i)
                                                         .arg(p.x())
                                                         .arg(p.y())
                                                         .arg(c.name())));
        Q_UNUSED(pointColor);
    }
    // Far from every point: background.
    QCOMPARE(image.pixelColor(toPixel(data, size, -1.0, 2.0)), QColor(Qt::white));
}

void TestRender::backgrounds_data() {
    QTest::addColumn<int>("background");
    QTest::addColumn<QColor>("expected");
    QTest::newRow("white") << int(Background::White) << QColor(255, 255, 255);
    QTest::newRow("dark") << int(Background::Dark) << sceneColors(Background::Dark).background;
    QTest::newRow("transparent") << int(Background::Transparent) << QColor(0, 0, 0, 0);
}

void TestRender::backgrounds() {
    QFETCH(int, background);
    QFETCH(QColor, expected);
    RenderOptions options;
    options.size = QSize(64, 48);
    options.background = static_cast<Background>(background);
    options.drawAxes = false;
    const QImage image = renderScene(Scene{}, options);
    QCOMPARE(image.format(), QImage::Format_ARGB32);
    QCOMPARE(image.pixelColor(10, 10).rgba(), expected.rgba());
}

void TestRender::sameSceneGivesIdenticalPng() {
    const Scene scene = moonsScene(3000);
    RenderOptions options;
    options.size = QSize(300, 240);
    const QByteArray first = pngBytes(renderScene(scene, options));
    const QByteArray second = pngBytes(renderScene(scene, options));
    QCOMPARE(first, second);
    Scene moved = scene;
    moved.points(0, 0) += 0.3f;
    QVERIFY(pngBytes(renderScene(moved, options)) != first);
}

void TestRender::fixedViewBoundsAreKept() {
    Scene a = moonsScene(100);
    a.viewBounds = QRectF(-5, -5, 10, 10);
    Scene b = a;
    b.points *= 0.1f;  // points shrink, the view stays
    const QRectF target(0, 0, 400, 400);
    QCOMPARE(sceneDataBounds(a, target), sceneDataBounds(b, target));
    QCOMPARE(sceneDataBounds(a, target), QRectF(-5, -5, 10, 10));
    Scene fit = moonsScene(100);  // no view bounds: fitted to the points
    QVERIFY(sceneDataBounds(fit, target).contains(pointBounds(fit.points, 0.0)));
}

void TestRender::diffusionBoundsHoldDataAndNoise() {
    dl::Rng rng(1);
    const dl::DataSet data = dl::makePointDataSet("moons", dl::generatePoints("moons", 2000, rng));
    const QRectF bounds = diffusionViewBounds(data, 3.5);
    QVERIFY(bounds.contains(pointBounds(data.norm.toData(data.points), 0.0)));
    // N(0, I) at ±3.5σ in normalised units, mapped back.
    const double half = 3.5 * data.norm.scale;
    QVERIFY(
        bounds.contains(QRectF(data.norm.offset(0) - half, data.norm.offset(1) - half, 2 * half, 2 * half)));
    const QRectF square = equalAspectBounds(QRectF(0, 0, 2, 1), QSizeF(100, 100));
    QCOMPARE(square, QRectF(0, -0.5, 2, 2));
}

void TestRender::imageModeDrawsAGrid() {
    Scene scene;
    scene.imageShape = dl::ImageShape{4, 4, 1};
    scene.images = dl::Batch::Constant(4, 16, -1.0f);  // four black images
    scene.images.row(3).setConstant(1.0f);             // the last one white
    RenderOptions options;
    options.size = QSize(100, 100);
    options.background = Background::Dark;
    options.drawCaption = false;
    const QImage image = renderScene(scene, options);
    // 2×2 grid: the top-left image is black, the bottom-right one white.
    QCOMPARE(image.pixelColor(30, 30), QColor(0, 0, 0));
    QCOMPARE(image.pixelColor(70, 70), QColor(255, 255, 255));
}

void TestRender::overlaysDraw() {
    Scene scene = densityScene(2, 2, {0.0f, 0.0f, 0.0f, 1.0f});  // bottom-right cell hot
    ArrowField field;
    field.origins = dl::Batch::Zero(1, 2);
    field.directions.resize(1, 2);
    field.directions << -0.8f, 0.0f;
    scene.arrowFields.push_back(field);
    dl::Batch trail(2, 2);
    trail << -0.5f, 0.8f, 0.5f, 0.8f;
    scene.trails.push_back(trail);
    RenderOptions options;
    options.size = QSize(200, 200);
    options.drawAxes = false;
    const QImage image = renderScene(scene, options);
    QVERIFY(image.pixelColor(170, 170) != QColor(Qt::white));  // density
    QCOMPARE(image.pixelColor(30, 30), QColor(Qt::white));     // no density there
    QVERIFY(image.pixelColor(60, 100) != QColor(Qt::white));   // arrow shaft from x=0 to x=−0.8
    QVERIFY(image.pixelColor(100, 20) != QColor(Qt::white));   // trail at y = 0.8
    options.drawDensity = options.drawArrows = options.drawTrails = false;
    const QImage bare = renderScene(scene, options);
    QCOMPARE(bare.pixelColor(170, 170), QColor(Qt::white));
    QCOMPARE(bare.pixelColor(60, 100), QColor(Qt::white));
}

// The q(x_t) heat map on the dark theme read as a faint brown: its peak stood 3.5:1 from the background,
// where the points stand more than 6:1. It must stand at least 5:1.
void TestRender::theHeatMapStandsOutOnTheDarkTheme() {
    const Scene scene = densityScene(1, 1, {1.0f});  // the peak everywhere
    RenderOptions options;
    options.size = QSize(100, 100);
    options.drawAxes = false;
    options.drawCaption = false;
    options.background = Background::Dark;
    const QImage image = renderScene(scene, options);
    const QColor background = sceneColors(Background::Dark).background;
    const double peak = dlui::contrastRatio(image.pixelColor(50, 50), background);
    QVERIFY2(peak >= 5.0, qPrintable(QStringLiteral("peak %1:1 against the background").arg(peak)));
}

void TestRender::tenThousandPointsAreAllDrawn() {
    // Large scenes take the cached-sprite path; it must still put every point where it belongs, and a warm
    // cache must give the same pixels as the first (cold) render. Frames per second: bench/bench_render.
    const Scene scene = moonsScene(10000);
    RenderOptions options;
    options.size = QSize(800, 800);
    options.drawAxes = false;
    options.drawCaption = false;
    const QImage first = renderScene(scene, options);
    const QImage again = renderScene(scene, options);
    QCOMPARE(again, first);
    const QRectF data = sceneDataBounds(scene, QRectF(QPointF(0, 0), QSizeF(options.size)));
    int undrawn = 0;
    for (Eigen::Index i = 0; i < scene.points.rows(); ++i) {
        const QPoint p = toPixel(data, options.size, scene.points(i, 0), scene.points(i, 1));
        if (first.pixelColor(p) == QColor(Qt::white)) ++undrawn;
    }
    QCOMPARE(undrawn, 0);
}

void TestRender::medianCutKeepsFewColoursExact() {
    QImage image(20, 10, QImage::Format_RGB32);
    image.fill(QColor(255, 255, 255));
    for (int x = 0; x < 10; ++x) image.setPixelColor(x, 2, QColor(31, 100, 180));
    image.setPixelColor(5, 5, QColor(200, 10, 10));
    const IndexedImage indexed = quantizeMedianCut(image, 256);
    QCOMPARE(int(indexed.palette.size()), 3);
    QCOMPARE(QColor(indexed.palette[indexed.indices[0]]), QColor(255, 255, 255));
    QCOMPARE(QColor(indexed.palette[indexed.indices[2 * 20 + 3]]), QColor(31, 100, 180));
    QCOMPARE(QColor(indexed.palette[indexed.indices[5 * 20 + 5]]), QColor(200, 10, 10));
    // Many colours: at most the number asked for, and every index valid.
    QImage ramp(256, 4, QImage::Format_RGB32);
    for (int x = 0; x < 256; ++x)
        for (int y = 0; y < 4; ++y) ramp.setPixelColor(x, y, QColor(x, 255 - x, (x * 7) % 256));
    const IndexedImage few = quantizeMedianCut(ramp, 16);
    QVERIFY(few.palette.size() <= 16);
    for (unsigned char i : few.indices) QVERIFY(i < few.palette.size());
}

// The caption (step mode's header), the annotations' legend and narration, and the x and y tick labels
// each get their own room, at the window's sizes and in presenter mode: a legend drawn over the caption
// or a narration over the tick labels once hid both. Checked on the boxes and on the pixels: the
// caption's and the tick labels' pixels are the same with and without the legend and narration.
// Exported frames with the arrow field: its red arrows showed through the caption's box and crossed its
// words. The box is nearly opaque on every background: inside it, no pixel is the arrows' red.
void TestRender::theCaptionHidesTheArrowsBehindIt() {
    Scene scene;
    scene.viewBounds = QRectF(-1, -1, 2, 2);
    scene.caption = QStringLiteral("forward process    t = 100 / 150    ᾱt = 0.0098");
    ArrowField field;  // a dense field of horizontal arrows over the whole view
    constexpr int kSide = 40;
    field.origins.resize(kSide * kSide, 2);
    field.directions.resize(kSide * kSide, 2);
    for (int i = 0; i < kSide * kSide; ++i) {
        field.origins(i, 0) = -1.0f + 2.0f * float(i % kSide) / kSide;
        field.origins(i, 1) = -1.0f + 2.0f * float(i / kSide) / kSide;
        field.directions(i, 0) = 0.09f;
        field.directions(i, 1) = 0.0f;
    }
    field.color = QColor(200, 40, 40);
    scene.arrowFields.push_back(field);
    for (const Background background : {Background::White, Background::Dark, Background::Transparent}) {
        RenderOptions options;
        options.size = QSize(600, 600);
        options.drawAxes = false;
        options.background = background;
        const QImage image = renderScene(scene, options).convertToFormat(QImage::Format_ARGB32);
        const QRect box = sceneTextBoxes(QRectF(0, 0, 600, 600), scene, options).caption.toAlignedRect();
        QVERIFY(!box.isEmpty());
        // Outside the box the field is there; inside, its red is washed out to a tint.
        int redOutside = 0, redInside = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                const bool red = c.alpha() > 128 && c.red() - c.green() > 25;
                (box.adjusted(2, 2, -2, -2).contains(x, y) ? redInside : redOutside) += red;
            }
        QVERIFY(redOutside > 1000);
        QVERIFY2(redInside == 0,
                 qPrintable(QStringLiteral("background %1: %2 red pixels in the caption's box")
                                .arg(int(background))
                                .arg(redInside)));
    }
}

void TestRender::wordsDoNotCoverEachOther_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("textScale");
    QTest::newRow("800x800") << QSize(800, 800) << 1.0;
    QTest::newRow("view at 1280x720") << QSize(760, 520) << 1.0;
    QTest::newRow("presenter") << QSize(1280, 640) << 1.6;
}

void TestRender::wordsDoNotCoverEachOther() {
    QFETCH(QSize, size);
    QFETCH(double, textScale);
    Scene scene = moonsScene(300);
    scene.caption = QStringLiteral(
        "Step mode: t = 37 → 36 of 150 · DDPM (σ² = β̃) · → and ← move one reverse step; click a point to "
        "follow it");
    Scene annotated = scene;
    annotated.annotations.rings.push_back(QPointF(0.5, 0.2));
    annotated.annotations.legend = {
        {QColor(30, 110, 200), QStringLiteral("x_t → x̂_0: the model's guess of the data")},
        {QColor(200, 80, 30), QStringLiteral("x_t → μ_θ: the mean of the step back")},
        {QColor(40, 150, 60), QStringLiteral("μ_θ → x_{t−1}: plus σ_t z")}};
    annotated.annotations.narration = QStringLiteral(
        "Stage 3 of 5: the network predicts the noise ε̂ that was added to every point of the batch");
    Scene bare = scene;
    bare.annotations.rings = annotated.annotations.rings;
    RenderOptions options;
    options.size = size;
    options.textScale = textScale;

    const QRectF target(QPointF(0, 0), QSizeF(size));
    const SceneTextBoxes boxes = sceneTextBoxes(target, annotated, options);
    for (const QRectF& box :
         {boxes.caption, boxes.axisLabels, boxes.yAxisLabels, boxes.legend, boxes.narration})
        QVERIFY(!box.isEmpty() && target.contains(box));
    QVERIFY(!boxes.yAxisLabels.intersects(boxes.caption));
    QVERIFY(!boxes.yAxisLabels.intersects(boxes.narration));
    QVERIFY(!boxes.caption.intersects(boxes.legend));
    QVERIFY(!boxes.caption.intersects(boxes.narration));
    QVERIFY(!boxes.legend.intersects(boxes.narration));
    QVERIFY(!boxes.narration.intersects(boxes.axisLabels));
    QVERIFY(!boxes.legend.intersects(boxes.axisLabels));

    const QImage withWords = renderScene(annotated, options);
    const QImage without = renderScene(bare, options);
    for (const QRectF& keep : {boxes.caption, boxes.axisLabels, boxes.yAxisLabels}) {
        const QRect r = keep.toAlignedRect() & withWords.rect();
        int changed = 0;
        for (int y = r.top(); y <= r.bottom(); ++y)
            for (int x = r.left(); x <= r.right(); ++x)
                if (withWords.pixel(x, y) != without.pixel(x, y)) ++changed;
        QVERIFY2(changed == 0, qPrintable(QStringLiteral("%1 pixels covered").arg(changed)));
    }
}

// The lowest y tick of the view sits near the x tick labels' band; its label was dropped for being in
// that band although the x labels leave the corner free, so the moons' view read 2, 1, 0, −1 and a bare
// tick at −2. Every y tick that is a whole number here is checked: the label's pixels are what the axes
// add right of the tick (the same frame rendered without axes has the points alone).
void TestRender::lowestYTickIsLabelled_data() {
    QTest::addColumn<QSize>("size");
    QTest::newRow("view at 1280x720") << QSize(510, 525);
    QTest::newRow("800x800") << QSize(800, 800);
}

void TestRender::lowestYTickIsLabelled() {
    QFETCH(QSize, size);
    Scene scene = moonsScene(300);
    // The window's view of the moons: wide enough for the noise of every t.
    scene.viewBounds = diffusionViewBounds(dl::makePointDataSet("moons", scene.points));
    RenderOptions options;
    options.size = size;
    options.drawCaption = false;
    const QImage withAxes = renderScene(scene, options);
    options.drawAxes = false;
    const QImage bare = renderScene(scene, options);
    const QRectF target(QPointF(0, 0), QSizeF(size));
    const QRectF data = sceneDataBounds(scene, target);
    const QFont font = sceneFont(target, options);
    const int em = font.pixelSize();
    int checked = 0;
    for (double v = std::ceil(data.top()); v <= std::floor(data.bottom()); v += 1.0) {
        const int y = toPixel(data, size, 0.0, v).y();
        if (y < 2 * em || y > size.height() - em) continue;  // the top and bottom edges: no room
        int labelPixels = 0;
        for (int py = y - em / 3; py <= y + em / 3; ++py)
            for (int px = em; px < 3 * em; ++px)
                if (withAxes.pixel(px, py) != bare.pixel(px, py)) ++labelPixels;
        QVERIFY2(labelPixels > 0, qPrintable(QStringLiteral("no label at y = %1").arg(v)));
        ++checked;
    }
    QVERIFY(checked >= 4);
    QVERIFY(data.top() < -1.5);  // the moons' view reaches below −2 at these sizes, the case above
}

// The reverse view's caption broke "t = 817" across two lines ("… exact denoiser · t" and "= 817"). Written
// with non-breaking spaces around "=", the same caption must wrap, and so render, exactly the same: the
// renderer holds each "a = b" together itself. Over a sweep of widths, some of which broke before "=".
void TestRender::captionKeepsEquationsWhole() {
    Scene scene = moonsScene(50);
    scene.viewBounds = QRectF(-2, -2, 4, 4);
    const QString caption = QStringLiteral("reverse · DDIM, η = 0, K = 50 · exact denoiser · t = 817");
    QString held = caption;
    held.replace(QStringLiteral(" = "), QStringLiteral("\u00a0=\u00a0"));
    RenderOptions options;
    options.drawPoints = false;
    options.drawAxes = false;
    for (int width = 200; width <= 700; width += 4) {
        options.size = QSize(width, 200);
        scene.caption = caption;
        const QImage plain = renderScene(scene, options);
        scene.caption = held;
        QVERIFY2(renderScene(scene, options) == plain, qPrintable(QStringLiteral("at %1 px").arg(width)));
    }
}

// With the view's left and bottom edges near −2, the lowest y label "−2" and the first x label "−2" sat
// a third of an em apart on plates that touched, and read as one label "−2 −2". The view's corner is
// swept over a tick spacing in small steps, at the window's size, an export's and presenter mode's
// doubled text: two labels side by side are at least an em apart, and every label is inside the frame.
void TestRender::tickLabelsStandApart_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("textScale");
    QTest::newRow("view at 1280x720") << QSize(510, 525) << 1.0;
    QTest::newRow("800x800") << QSize(800, 800) << 1.0;
    QTest::newRow("presenter text") << QSize(700, 560) << 2.0;
}

void TestRender::tickLabelsStandApart() {
    QFETCH(QSize, size);
    QFETCH(double, textScale);
    RenderOptions options;
    options.size = size;
    options.textScale = textScale;
    const QRectF target(QPointF(0, 0), QSizeF(size));
    const QFont font = sceneFont(target, options);
    const double em = font.pixelSize();
    int sideBySide = 0;
    for (double left = -2.5; left <= -1.5; left += 0.01) {
        for (double bottom = -2.5; bottom <= -1.5; bottom += 0.05) {
            const QRectF data = equalAspectBounds(QRectF(left, bottom, 4.4, 4.4), target.size());
            const AxisLayout axes = layoutAxes(DataToPixel(data, target), font);
            for (const AxisLabel& y : axes.yLabels) {
                QVERIFY(axes.frame.contains(y.box));
                for (const AxisLabel& x : axes.xLabels) {
                    if (y.box.bottom() <= x.box.top() || x.box.bottom() <= y.box.top()) continue;
                    ++sideBySide;
                    QVERIFY2(x.box.left() - y.box.right() >= em - 0.01,
                             qPrintable(QStringLiteral("view from (%1, %2): \"%3\" and \"%4\" %5 px apart")
                                            .arg(left)
                                            .arg(bottom)
                                            .arg(y.text, x.text)
                                            .arg(x.box.left() - y.box.right())));
                }
            }
            for (const AxisLabel& x : axes.xLabels) QVERIFY(axes.frame.contains(x.box));
        }
    }
    QVERIFY(sideBySide > 0);  // the sweep does reach views with a y label beside the x labels
}

// The learned field's arrows cover the whole view, and in presenter mode they ran through the x tick
// labels. The axes are drawn after the data, each label on a plate: no arrow ink inside the digits' box.
void TestRender::tickLabelsStayReadableOverArrows() {
    Scene scene = moonsScene(300);
    scene.viewBounds = diffusionViewBounds(dl::makePointDataSet("moons", scene.points));
    RenderOptions options;
    options.size = QSize(800, 600);
    options.drawCaption = false;
    const QRectF target(QPointF(0, 0), QSizeF(options.size));
    const QRectF data = sceneDataBounds(scene, target);
    std::vector<std::pair<float, float>> origins;
    for (double y = data.top(); y <= data.bottom(); y += 0.03)
        for (double x = data.left(); x <= data.right(); x += 1.0) origins.emplace_back(x, y);
    ArrowField field;
    field.color = QColor(255, 0, 255);
    field.origins.resize(static_cast<Eigen::Index>(origins.size()), 2);
    field.directions.resize(static_cast<Eigen::Index>(origins.size()), 2);
    for (std::size_t i = 0; i < origins.size(); ++i) {
        field.origins.row(static_cast<Eigen::Index>(i)) << origins[i].first, origins[i].second;
        field.directions.row(static_cast<Eigen::Index>(i)) << 0.95f, 0.0f;
    }
    scene.arrowFields.push_back(field);
    const QImage image = renderScene(scene, options);
    const QFont font = sceneFont(target, options);
    const int em = font.pixelSize();
    const double labelBottom = options.size.height() - 0.95 * em;  // above the tick and its gap
    const double labelTop = labelBottom - QFontMetricsF(font).ascent() * 0.8;
    auto magentaIn = [&image](const QRect& box) {
        int n = 0;
        for (int y = box.top(); y <= box.bottom(); ++y)
            for (int x = box.left(); x <= box.right(); ++x) {
                const QColor c = image.pixelColor(x, y);
                if (c.red() > 180 && c.green() < 120 && c.blue() > 180) ++n;
            }
        return n;
    };
    int checked = 0;
    for (double v : {-1.0, 0.0, 1.0, 2.0}) {
        const int x = toPixel(data, options.size, v, 0.0).x();
        const QRect digits(x - em / 4, static_cast<int>(labelTop), em / 2,
                           static_cast<int>(labelBottom - labelTop));
        QVERIFY2(magentaIn(digits) == 0, qPrintable(QStringLiteral("arrows cross the label %1").arg(v)));
        // Beside the labels, the arrows are drawn as before.
        QVERIFY(magentaIn(digits.translated(0, -4 * em)) > 0);
        ++checked;
    }
    QCOMPARE(checked, 4);
}

// The narrated training step draws arrows across the whole cloud, and its words sit over them: through the
// translucent caption box the arrows showed inside the words' box at a quarter of their strength and
// seemed to cross the text. The annotations' boxes are now nearly opaque.
void TestRender::narrationHidesTheArrowsBehindIt() {
    Scene scene = moonsScene(300);
    scene.annotations.narration =
        QStringLiteral("Stage 2 of 5: each point gets its own noise ε, scaled by √(1−ᾱ_t) for its own t");
    Scene crossed = scene;
    for (double y = -3.0; y <= 3.0; y += 0.04)
        crossed.annotations.arrows.push_back({QPointF(-4.0, y), QPointF(4.0, y), QColor(255, 230, 0)});
    RenderOptions options;
    options.size = QSize(760, 520);
    const QRectF target(QPointF(0, 0), QSizeF(options.size));
    const QRectF box = sceneTextBoxes(target, crossed, options).narration;
    QVERIFY(!box.isEmpty());
    const QImage with = renderScene(crossed, options);
    const QImage without = renderScene(scene, options);
    auto largestChange = [&](const QRect& r, bool inside) {
        int largest = 0;
        for (int y = r.top(); y <= r.bottom(); ++y)
            for (int x = r.left(); x <= r.right(); ++x) {
                if (box.adjusted(-2, -2, 2, 2).contains(QPointF(x, y)) != inside) continue;
                const QColor a = with.pixelColor(x, y), b = without.pixelColor(x, y);
                largest = std::max({largest, std::abs(a.red() - b.red()), std::abs(a.green() - b.green()),
                                    std::abs(a.blue() - b.blue())});
            }
        return largest;
    };
    // The arrows are there (outside the box they change the picture a lot) ...
    QVERIFY(largestChange(with.rect(), false) > 150);
    // ... and inside it they hardly show.
    const int inside = largestChange(box.adjusted(4, 4, -4, -4).toAlignedRect(), true);
    QVERIFY2(inside <= 20,
             qPrintable(QStringLiteral("arrows change the words' box by up to %1").arg(inside)));
}

// In pixel space the caption ("t = 37 / 150") sat over the top-left image of the grid and hid a corner of
// it. The grid now goes below the caption's box. Red images on the dark background: under the box they
// would show as reddish pixels.
void TestRender::captionLeavesTheImagesUncovered_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("count");
    QTest::newRow("view at 1280x720, 64 images") << QSize(760, 520) << 64;
    QTest::newRow("square, 16 images") << QSize(600, 600) << 16;
    QTest::newRow("wide, 9 images") << QSize(1280, 640) << 9;
}

void TestRender::captionLeavesTheImagesUncovered() {
    QFETCH(QSize, size);
    QFETCH(int, count);
    Scene scene = redImages(count);
    scene.caption = QStringLiteral("t = 37 / 150 · forward process q(x_t | x_0)");
    RenderOptions options;
    options.size = size;
    const QRectF box = sceneTextBoxes(QRectF(QPointF(0, 0), QSizeF(size)), scene, options).caption;
    QVERIFY(!box.isEmpty());
    const QImage image = renderScene(scene, options);
    int redInside = 0, redOutside = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.red() - c.green() <= 40) continue;
            (box.contains(QPointF(x + 0.5, y + 0.5)) ? redInside : redOutside)++;
        }
    QVERIFY(redOutside > 0);
    QVERIFY2(redInside == 0, qPrintable(QStringLiteral("%1 image pixels under the caption").arg(redInside)));
}

// A narrated training step on images drew nothing on the view: its words were only in the status bar, cut
// short. The narration goes below the image grid, which makes room for it.
void TestRender::narrationOfAnImageGridHasItsOwnRoom() {
    Scene scene = redImages(16);
    scene.caption = QStringLiteral("t = 0 / 150");
    scene.annotations.narration =
        QStringLiteral("Step 1, stage 2 of 5 · Draw the noise ε ~ N(0, I) for every image of the batch.");
    RenderOptions options;
    options.size = QSize(600, 600);
    const QRectF box = sceneTextBoxes(QRectF(QPointF(0, 0), QSizeF(options.size)), scene, options).narration;
    QVERIFY(!box.isEmpty());
    const QImage image = renderScene(scene, options);
    int redInside = 0, redOutside = 0, textInside = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            const bool inside = box.contains(QPointF(x + 0.5, y + 0.5));
            if (c.red() - c.green() > 40)
                (inside ? redInside : redOutside)++;
            else if (inside && qGray(c.rgb()) > 150)
                ++textInside;  // light words on the dark box
        }
    QVERIFY(redOutside > 0);
    QVERIFY2(redInside == 0,
             qPrintable(QStringLiteral("%1 image pixels under the narration").arg(redInside)));
    QVERIFY2(textInside > 50, qPrintable(QStringLiteral("%1 pixels of text").arg(textInside)));
}

// Colours follow x from the 1st to the 99th percentile: one DDIM sample thrown to x ≈ 8 had squeezed every
// other point of its pane into the blue half, so the moons' ends no longer matched the other pane's.
void TestRender::anOutlierDoesNotSqueezeTheColours() {
    dl::Batch points(1000, 2);
    for (int i = 0; i < 1000; ++i) points.row(i) << -1.0f + 3.0f * float(i) / 999.0f, 0.0f;  // x in [-1, 2]
    const std::vector<float> clean = dlui::colorKeysFromX(points);
    points(500, 0) = 8.0f;  // one point thrown far out
    points(501, 0) = std::numeric_limits<float>::quiet_NaN();
    const std::vector<float> keys = dlui::colorKeysFromX(points);
    QCOMPARE(keys.size(), size_t(1000));
    // The bulk keeps the whole map: the rightmost ordinary point is at the yellow end, as without the
    // outlier.
    QVERIFY2(keys[999] > 0.99f, qPrintable(QString::number(keys[999])));
    QVERIFY2(keys[10] < 0.01f, qPrintable(QString::number(keys[10])));
    QCOMPARE(keys[500], 1.0f);  // beyond the range: the end colour
    QCOMPARE(keys[501], 0.5f);  // not a number: the middle
    float worst = 0.0f;
    for (int i = 20; i < 980; ++i)
        if (i != 500 && i != 501) worst = std::max(worst, std::abs(keys[size_t(i)] - clean[size_t(i)]));
    QVERIFY2(worst < 0.01f, qPrintable(QString::number(worst)));
    for (float k : keys) QVERIFY(k >= 0.0f && k <= 1.0f);
}

QTEST_MAIN(TestRender)
#include "tst_render.moc"
