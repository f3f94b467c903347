// Augmentation: copy 0 is the original, flips mirror, shifts repeat the edge, results are seeded.
#include <QtTest>

#include "core/data/imageaugment.h"
#include "core/math/error.h"

class TestImageAugment : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void flipAndShiftByHand();
    void copiesAreSeeded();
    void badArguments();
};

void TestImageAugment::flipAndShiftByHand() {
    // A 3×2 gray image:  1 2 3 / 4 5 6
    const dl::ImageShape shape{3, 2, 1};
    const float in[6] = {1, 2, 3, 4, 5, 6};
    float out[6];
    dl::flipShiftImage(in, out, shape, true, 0, 0);
    QCOMPARE(std::vector<float>(out, out + 6), (std::vector<float>{3, 2, 1, 6, 5, 4}));
    dl::flipShiftImage(in, out, shape, false, 1, 0);  // right by one, left edge repeats
    QCOMPARE(std::vector<float>(out, out + 6), (std::vector<float>{1, 1, 2, 4, 4, 5}));
    dl::flipShiftImage(in, out, shape, false, 0, -1);  // up by one, bottom edge repeats
    QCOMPARE(std::vector<float>(out, out + 6), (std::vector<float>{4, 5, 6, 4, 5, 6}));
    // RGB keeps channels together.
    const float rgb[6] = {1, 2, 3, 4, 5, 6};
    dl::flipShiftImage(rgb, out, {2, 1, 3}, true, 0, 0);
    QCOMPARE(std::vector<float>(out, out + 6), (std::vector<float>{4, 5, 6, 1, 2, 3}));
}

void TestImageAugment::copiesAreSeeded() {
    const dl::ImageShape shape{8, 8, 1};
    dl::Batch images(2, 64);
    for (int i = 0; i < images.size(); ++i) images.data()[i] = static_cast<float>(i % 17);
    dl::Rng a(5), b(5);
    const dl::Batch out = dl::augmentImages(images, shape, 6, {}, a);
    QCOMPARE(out.rows(), 12);
    QVERIFY(out.row(0) == images.row(0));
    QVERIFY(out.row(6) == images.row(1));
    QVERIFY(out == dl::augmentImages(images, shape, 6, {}, b));
    bool anyChanged = false;
    for (int k = 1; k < 6; ++k) anyChanged |= out.row(k) != images.row(0);
    QVERIFY(anyChanged);
    // Without flips and shifts every copy is the original.
    const dl::Batch same = dl::augmentImages(images, shape, 3, {false, 0}, a);
    for (int k = 0; k < 3; ++k) QVERIFY(same.row(k) == images.row(0));
}

void TestImageAugment::badArguments() {
    dl::Rng rng(0);
    const dl::Batch images = dl::Batch::Zero(1, 64);
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::augmentImages(images, {8, 8, 1}, 0, {}, rng));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::augmentImages(images, {8, 8, 1}, 1001, {}, rng));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::augmentImages(images, {8, 8, 3}, 2, {}, rng));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::augmentImages(images, {8, 8, 1}, 2, {true, -1}, rng));
}

QTEST_GUILESS_MAIN(TestImageAugment)
#include "tst_imageaugment.moc"
