// Images in pixel space: a folder or files become S×S gray or RGB rows in [−1, 1] with known
// values, crops are centred, augmentation multiplies the set, a folder's unreadable files are left out
// with a note, and other bad files or options are errors.
#include <QDir>
#include <QPainter>
#include <QTemporaryDir>
#include <QtTest>

#include "core/io/imageset.h"
#include "core/math/error.h"
#include "testimages.h"

using namespace testimages;

class TestImageSet : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void folderGray();
    void folderRgbAndCrop();
    void augmentation();
    void badInput();
    void progressCanCancel();

private:
    QString solid(const QString& name, QColor colour, int w = 10, int h = 10);
    QTemporaryDir mDir;
    QString mFolder;
};

QString TestImageSet::solid(const QString& name, QColor colour, int w, int h) {
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(colour);
    const QString path = mFolder + "/" + name;
    writeBytes(path, encode(image, qPrintable(QFileInfo(name).suffix())));
    return path;
}

void TestImageSet::initTestCase() {
    mFolder = mDir.filePath("set");
    QVERIFY(QDir().mkpath(mFolder));
    solid("a-black.png", Qt::black);
    solid("b-red.bmp", Qt::red);
    solid("c-white.png", Qt::white, 30, 12);
    writeBytes(mFolder + "/readme.txt", "not an image");  // ignored: not an image suffix
}

void TestImageSet::folderGray() {
    dl::ImageSetOptions o;
    o.size = 8;
    dl::Rng rng(0);
    const dl::DataSet set = dl::loadImageSet({mFolder.toStdString()}, o, rng);
    QCOMPARE(set.kind, dl::DataKind::Image);
    QCOMPARE(set.size(), 3);
    QCOMPARE(set.dim(), 64);
    QCOMPARE(set.image.width, 8);
    QCOMPARE(set.image.channels, 1);
    // Sorted by name: black → −1, red → gray qGray(255, 0, 0) = 76, white → +1.
    QCOMPARE(set.points.row(0).maxCoeff(), -1.0f);
    QVERIFY(std::abs(set.points(1, 0) - (qGray(255, 0, 0) / 127.5f - 1.0f)) < 1e-5f);
    QCOMPARE(set.points.row(2).minCoeff(), 1.0f);
    // Back to pixel values through the stored normalisation.
    QCOMPARE(set.norm.toData(set.points).row(2).minCoeff(), 255.0f);
}

void TestImageSet::folderRgbAndCrop() {
    // 30×10: black | white | black — the centred square crop is the white middle.
    QImage bars(30, 10, QImage::Format_RGB32);
    bars.fill(Qt::black);
    QPainter(&bars).fillRect(10, 0, 10, 10, Qt::white);
    const QString path = mDir.filePath("bars.png");
    writeBytes(path, encode(bars, "png"));
    dl::ImageSetOptions o;
    o.size = 8;
    o.channels = 3;
    dl::Rng rng(0);
    const dl::DataSet crop = dl::loadImageSet({path.toStdString()}, o, rng);
    QCOMPARE(crop.size(), 1);
    QCOMPARE(crop.dim(), 8 * 8 * 3);
    QVERIFY2(crop.points.minCoeff() > 0.9f, qPrintable(QString::number(crop.points.minCoeff())));
    // Red stays red in RGB: (1, −1, −1) for each pixel, channels interleaved.
    const dl::DataSet red = dl::loadImageSet({(mFolder + "/b-red.bmp").toStdString()}, o, rng);
    QCOMPARE(red.points(0, 0), 1.0f);
    QCOMPARE(red.points(0, 1), -1.0f);
    QCOMPARE(red.points(0, 2), -1.0f);
    QCOMPARE(red.points(0, 3), 1.0f);
}

void TestImageSet::augmentation() {
    dl::ImageSetOptions o;
    o.size = 8;
    o.copies = 5;
    dl::Rng a(1), b(1);
    const dl::DataSet set = dl::loadImageSet({mFolder.toStdString()}, o, a);
    QCOMPARE(set.size(), 15);
    QVERIFY(set.points == dl::loadImageSet({mFolder.toStdString()}, o, b).points);
}

void TestImageSet::badInput() {
    dl::Rng rng(0);
    dl::ImageSetOptions o;
    const auto errorOf = [&](const std::vector<std::string>& paths, const dl::ImageSetOptions& options) {
        try {
            dl::loadImageSet(paths, options, rng);
        } catch (const dl::Error& e) {
            return QString::fromUtf8(e.what());
        }
        return QString();
    };
    // A damaged file in a folder is left out and named in the notes: the folder's other images load.
    const QString damaged = mDir.filePath("damaged");
    QVERIFY(QDir().mkpath(damaged));
    const QByteArray png = encode(noiseImage(64, 64), "png");
    writeBytes(damaged + "/good.png", png);
    writeBytes(damaged + "/zz-cut.png", png.left(png.size() / 2));
    std::vector<std::string> notes;
    const dl::DataSet kept = dl::loadImageSet({damaged.toStdString()}, o, rng, {}, &notes);
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.name, std::string("images:") + damaged.toStdString());
    QCOMPARE(notes.size(), std::size_t{1});
    QVERIFY2(QString::fromStdString(notes[0]).startsWith(
                 "1 of 2 image files could not be read and was left out: "),
             notes[0].c_str());
    QVERIFY2(QString::fromStdString(notes[0]).contains("zz-cut.png"), notes[0].c_str());
    // Two left out: counted, the first named.
    writeBytes(damaged + "/zz-empty.png", QByteArray());
    notes.clear();
    QCOMPARE(dl::loadImageSet({damaged.toStdString()}, o, rng, {}, &notes).size(), 1);
    QVERIFY2(QString::fromStdString(notes.at(0))
                 .startsWith("2 of 3 image files could not be read and were left out; the first: "),
             notes.at(0).c_str());
    // Named on its own, a damaged file is an error; so is a folder with nothing readable.
    QVERIFY2(errorOf({(damaged + "/zz-cut.png").toStdString()}, o).contains("zz-cut.png"),
             qPrintable(errorOf({(damaged + "/zz-cut.png").toStdString()}, o)));
    QFile::remove(damaged + "/good.png");
    QVERIFY2(errorOf({damaged.toStdString()}, o).contains("zz-cut.png"),
             qPrintable(errorOf({damaged.toStdString()}, o)));
    const QString empty = mDir.filePath("empty");
    QVERIFY(QDir().mkpath(empty));
    QVERIFY(errorOf({empty.toStdString()}, o).contains("has no image files"));
    QVERIFY(errorOf({mDir.filePath("nothing-here").toStdString()}, o).contains("no such file"));
    QVERIFY(errorOf({}, o).contains("no image files"));
    o.size = 7;
    QVERIFY(errorOf({mFolder.toStdString()}, o).contains("from 8 to 64"));
    o.size = 65;
    QVERIFY(errorOf({mFolder.toStdString()}, o).contains("from 8 to 64"));
    o.size = 16;
    o.channels = 2;
    QVERIFY(errorOf({mFolder.toStdString()}, o).contains("1 (gray) or 3 (RGB)"));
}

void TestImageSet::progressCanCancel() {
    dl::Rng rng(0);
    std::vector<double> seen;
    dl::loadImageSet({mFolder.toStdString()}, {}, rng, [&](double f) {
        seen.push_back(f);
        return true;
    });
    QCOMPARE(seen.back(), 1.0);
    QVERIFY_THROWS_EXCEPTION(
        dl::Cancelled, dl::loadImageSet({mFolder.toStdString()}, {}, rng, [](double) { return false; }));
}

QTEST_MAIN(TestImageSet)
#include "tst_imageset.moc"
