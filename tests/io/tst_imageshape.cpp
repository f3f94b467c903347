// Images as shapes: points land where the image is dark (or opaque), y up, in pixel units; invert
// and threshold select other parts; an empty image is a clear error; results are seeded.
#include <QPainter>
#include <QTemporaryDir>
#include <QtTest>

#include "core/io/imageshape.h"
#include "core/math/error.h"
#include "testimages.h"

class TestImageShape : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void darkSquareTopLeft();
    void alphaIsUsedWhenTransparent();
    void invertAndThreshold();
    void emptyImageIsAnError();
    void fromFileIsSeeded();
};

namespace {

// 40×20, white, with a 10×10 square of colour in the top-left corner.
QImage squareImage(QColor background, QColor square, QImage::Format format = QImage::Format_ARGB32) {
    QImage image(40, 20, format);
    image.fill(background);
    QPainter p(&image);
    p.fillRect(0, 0, 10, 10, square);
    return image;
}

void verifyInTopLeftSquare(const dl::Batch& p) {
    QVERIFY(p.col(0).minCoeff() >= 0.0f && p.col(0).maxCoeff() < 10.0f);
    QVERIFY(p.col(1).minCoeff() >= 10.0f && p.col(1).maxCoeff() < 20.0f);  // y up: top rows are high y
}

}  // namespace

void TestImageShape::darkSquareTopLeft() {
    dl::Rng rng(1);
    const dl::Batch p = dl::pointsFromImage(squareImage(Qt::white, Qt::black), 3000, rng, {});
    QCOMPARE(p.rows(), 3000);
    verifyInTopLeftSquare(p);
    // Uniform over the square: mean at its centre (5, 15).
    QVERIFY(std::abs(p.col(0).mean() - 5.0f) < 0.2f && std::abs(p.col(1).mean() - 15.0f) < 0.2f);
}

void TestImageShape::alphaIsUsedWhenTransparent() {
    dl::Rng rng(2);
    // A white square on a transparent background: darkness would see nothing, alpha sees the square.
    const QImage image = squareImage(Qt::transparent, Qt::white);
    verifyInTopLeftSquare(dl::pointsFromImage(image, 1000, rng, {}));
    dl::ImageShapeOptions darkness;
    darkness.source = dl::ImageDensitySource::Darkness;
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::pointsFromImage(image, 10, rng, darkness));
}

void TestImageShape::invertAndThreshold() {
    dl::Rng rng(3);
    dl::ImageShapeOptions invert;
    invert.invert = true;
    verifyInTopLeftSquare(
        dl::pointsFromImage(squareImage(Qt::black, Qt::white, QImage::Format_RGB32), 1000, rng, invert));
    // Gray background (darkness ≈ 0.5) and a black square: a threshold of 0.6 keeps only the square.
    dl::ImageShapeOptions threshold;
    threshold.threshold = 0.6f;
    verifyInTopLeftSquare(
        dl::pointsFromImage(squareImage(QColor(128, 128, 128), Qt::black), 1000, rng, threshold));
    const std::vector<float> d = dl::imageDensity(squareImage(QColor(128, 128, 128), Qt::black), {});
    QVERIFY(std::abs(d.back() - (1.0f - 128.0f / 255.0f)) < 0.01f);
    QCOMPARE(d.front(), 1.0f);
    threshold.threshold = 1.0f;
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::imageDensity(squareImage(Qt::white, Qt::black), threshold));
}

void TestImageShape::emptyImageIsAnError() {
    QImage white(30, 30, QImage::Format_RGB32);
    white.fill(Qt::white);
    dl::Rng rng(4);
    try {
        dl::pointsFromImage(white, 100, rng, {});
        QFAIL("a blank image was accepted");
    } catch (const dl::Error& e) {
        QVERIFY2(QString(e.what()).contains("invert"), e.what());
    }
}

void TestImageShape::fromFileIsSeeded() {
    QTemporaryDir dir;
    const QString path = dir.filePath("square.png");
    testimages::writeBytes(path, testimages::encode(squareImage(Qt::white, Qt::black), "png"));
    dl::Rng a(5), b(5);
    const dl::Batch p = dl::pointsFromImageFile(path.toStdString(), 500, a, {});
    verifyInTopLeftSquare(p);
    QVERIFY(p == dl::pointsFromImageFile(path.toStdString(), 500, b, {}));
    QVERIFY_THROWS_EXCEPTION(dl::Error,
                             dl::pointsFromImageFile(dir.filePath("missing.png").toStdString(), 5, a, {}));
}

QTEST_MAIN(TestImageShape)
#include "tst_imageshape.moc"
