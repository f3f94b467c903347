// What image loading tells a person: a valid image larger than Qt's image allocation limit decodes
// (downscaled) instead of being called damaged, the limit raised only to what that decode needs; images
// with transparent pixels say they were flattened onto the background (which can be chosen); a folder of
// non-square images says they were cropped (or squashed, the other choice).
#include <QImageReader>
#include <QTemporaryDir>
#include <QtTest>

#include "core/io/imagefile.h"
#include "core/io/imageset.h"
#include "testimages.h"

using namespace testimages;

namespace {

/// 8-bit values of the one gray image of a data set in 0..255.
float grayAt(const dl::DataSet& set, int x, int y) {
    return set.norm.toData(set.points)(0, y * set.image.width + x);
}

}  // namespace

class TestImageMessages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void decodesPastQtsAllocationLimit();
    void transparentPixelsAreNamed();
    void nonSquareImagesAreNamed();
    void squashKeepsWhatCropLoses();

private:
    QTemporaryDir mDir;
};

void TestImageMessages::decodesPastQtsAllocationLimit() {
    // The same situation as a 10000×10000 16-bit PNG (800 MB; Qt decodes 16-bit PNGs at full size before
    // scaling) against Qt's default 256 MB, at a size a test can afford: 3000×3000 (69 MB) against 16 MB.
    const int saved = QImageReader::allocationLimit();
    QImageReader::setAllocationLimit(16);
    QImage big(3000, 3000, QImage::Format_RGBA64);
    big.fill(QColor(10, 20, 30, 200));
    const QString path = mDir.filePath("big.png");
    writeBytes(path, encode(big, "png"));
    big = QImage();
    QImage decoded;
    try {
        decoded = dl::readImageFile(path.toStdString(), 512);
    } catch (const std::exception& e) {
        QImageReader::setAllocationLimit(saved);
        QFAIL(e.what());
    }
    const int raised = QImageReader::allocationLimit();
    QImageReader::setAllocationLimit(saved);
    QCOMPARE(decoded.size(), QSize(512, 512));
    QVERIFY2(raised >= 69 && raised <= 72,
             qPrintable(QString::number(raised)));  // 3000·3000·8 bytes ≈ 68.7 MB
}

void TestImageMessages::transparentPixelsAreNamed() {
    QImage image(16, 16, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    for (int y = 0; y < 16; ++y) image.setPixelColor(0, y, Qt::black);
    const QString path = mDir.filePath("logo.png");
    writeBytes(path, encode(image, "png"));
    dl::ImageSetOptions o;
    o.size = 16;
    dl::Rng rng(1);
    std::vector<std::string> notes;
    const dl::DataSet white = dl::loadImageSet({path.toStdString()}, o, rng, {}, &notes);
    QCOMPARE(notes.size(), std::size_t(1));
    QCOMPARE(
        QString::fromStdString(notes[0]),
        QStringLiteral(
            "1 of 1 image has transparent pixels: flattened onto the background colour #ffffff (white)"));
    QCOMPARE(grayAt(white, 8, 8), 255.0f);
    o.background = qRgb(0, 0, 0);
    notes.clear();
    const dl::DataSet black = dl::loadImageSet({path.toStdString()}, o, rng, {}, &notes);
    QVERIFY(QString::fromStdString(notes.at(0)).endsWith(QStringLiteral("background colour #000000")));
    QCOMPARE(grayAt(black, 8, 8), 0.0f);

    // An opaque image says nothing.
    notes.clear();
    image.fill(Qt::white);
    writeBytes(path, encode(image.convertToFormat(QImage::Format_RGB32), "png"));
    dl::loadImageSet({path.toStdString()}, o, rng, {}, &notes);
    QVERIFY(notes.empty());
}

void TestImageMessages::nonSquareImagesAreNamed() {
    QTemporaryDir folder;
    const QSize sizes[] = {{40, 20}, {20, 20}, {30, 45}};
    for (int i = 0; i < 3; ++i) {
        QImage image(sizes[i], QImage::Format_RGB32);
        image.fill(Qt::gray);
        writeBytes(folder.filePath(QStringLiteral("img%1.png").arg(i)), encode(image, "png"));
    }
    dl::ImageSetOptions o;
    o.size = 8;
    dl::Rng rng(1);
    std::vector<std::string> notes;
    dl::loadImageSet({folder.path().toStdString()}, o, rng, {}, &notes);
    QCOMPARE(notes.size(), std::size_t(1));
    QCOMPARE(
        QString::fromStdString(notes[0]),
        QStringLiteral("2 of 3 images are not square: cropped to the centred square (edges lost) at 8×8; the "
                       "other choice is squash"));
    o.fit = dl::ImageFit::Squash;
    notes.clear();
    dl::loadImageSet({folder.path().toStdString()}, o, rng, {}, &notes);
    QVERIFY(QString::fromStdString(notes.at(0)).contains(QStringLiteral("squashed whole to the square")));
}

void TestImageMessages::squashKeepsWhatCropLoses() {
    // 40×20, white with a black band over its left quarter: the centred square (x 10..29) misses the band.
    QImage image(40, 20, QImage::Format_RGB32);
    image.fill(Qt::white);
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 10; ++x) image.setPixelColor(x, y, Qt::black);
    const QString path = mDir.filePath("band.png");
    writeBytes(path, encode(image, "png"));
    dl::ImageSetOptions o;
    o.size = 8;
    dl::Rng rng(1);
    const dl::DataSet cropped = dl::loadImageSet({path.toStdString()}, o, rng);
    QVERIFY(grayAt(cropped, 0, 4) > 200.0f);
    o.fit = dl::ImageFit::Squash;
    const dl::DataSet squashed = dl::loadImageSet({path.toStdString()}, o, rng);
    QVERIFY(grayAt(squashed, 0, 4) < 50.0f);
    QVERIFY(grayAt(squashed, 6, 4) > 200.0f);
}

QTEST_MAIN(TestImageMessages)
#include "tst_imagemessages.moc"
