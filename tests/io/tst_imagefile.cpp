// Reading image files: good files in several formats decode, large ones are downscaled while
// decoding, and every bad file (missing, empty, not an image, truncated, hostile header) is a
// dl::Error naming the file — never a crash or a huge allocation.
#include <QTemporaryDir>
#include <QtTest>

#include "core/io/imagefile.h"
#include "core/math/error.h"
#include "testimages.h"

using namespace testimages;

class TestImageFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsCommonFormats_data();
    void readsCommonFormats();
    void downscalesWhileDecoding();
    void badFiles_data();
    void badFiles();

private:
    QTemporaryDir mDir;
};

void TestImageFile::readsCommonFormats_data() {
    QTest::addColumn<QString>("format");
    for (const char* f : {"png", "bmp", "jpg", "ppm"}) QTest::newRow(f) << QString(f);
}

void TestImageFile::readsCommonFormats() {
    QFETCH(QString, format);
    QImage image(12, 7, QImage::Format_RGB32);
    image.fill(Qt::darkGray);
    const QString path = mDir.filePath("good." + format);
    writeBytes(path, encode(image, qPrintable(format)));
    const QImage back = dl::readImageFile(path.toStdString(), 1024);
    QCOMPARE(back.size(), QSize(12, 7));
    // The format comes from the content when the suffix lies.
    const QString renamed = mDir.filePath("really-" + format + ".gif");
    writeBytes(renamed, encode(image, qPrintable(format)));
    QCOMPARE(dl::readImageFile(renamed.toStdString(), 1024).size(), QSize(12, 7));
}

void TestImageFile::downscalesWhileDecoding() {
    QImage wide(3000, 1500, QImage::Format_RGB32);
    wide.fill(Qt::black);
    const QString path = mDir.filePath("wide.png");
    writeBytes(path, encode(wide, "png"));
    QCOMPARE(dl::readImageFile(path.toStdString(), 1024).size(), QSize(1024, 512));
    QCOMPARE(dl::readImageFile(path.toStdString(), 64).size(), QSize(64, 32));
}

void TestImageFile::badFiles_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    const QByteArray png = encode(noiseImage(64, 64), "png");
    QTest::newRow("zero bytes") << "empty.png" << QByteArray() << "is empty (0 bytes)";
    QTest::newRow("text, not an image")
        << "notes.png" << QByteArray("hello, I am not a picture\n") << "is not a readable PNG image";
    QTest::newRow("text, named as no image format")
        << "notes.dat" << QByteArray("hello, I am not a picture\n") << "not in a format";
    QTest::newRow("truncated PNG") << "cut.png" << png.left(png.size() * 6 / 10) << "cannot decode image";
    QTest::newRow("PNG header only") << "header.png" << png.left(40) << "cannot decode image";
    QTest::newRow("PNG claiming 30000x30000")
        << "huge.png" << hugePngHeader(30000, 30000) << "30000×30000 pixels, more than the limit";
    // Qt's BMP reader rejects this header itself (no size is reported); it must still be a clean error.
    QTest::newRow("BMP claiming 30000x30000") << "huge.bmp" << hugeBmpHeader(30000, 30000) << "image";
    QTest::newRow("PNG claiming 0 wide") << "zero.png" << hugePngHeader(0, 10) << "image";
    QTest::newRow("PNG claiming 20000x20000")
        << "big.png" << hugePngHeader(20000, 20000) << "more than the limit of 100 megapixels";
}

void TestImageFile::badFiles() {
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const QString path = mDir.filePath(name);
    writeBytes(path, bytes);
    try {
        dl::readImageFile(path.toStdString(), 1024);
        QFAIL("a bad file was accepted");
    } catch (const dl::Error& e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(message.contains(name), qPrintable(message));
        QVERIFY2(message.contains(expected), qPrintable(message));
    }
}

QTEST_MAIN(TestImageFile)
#include "tst_imagefile.moc"
