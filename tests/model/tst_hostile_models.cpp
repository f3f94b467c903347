// Well-formed model files with hostile contents, and sizes whose memory would be absurd, are refused
// with a message before anything large is allocated: a 1×1×C image header, a tiny file declaring a huge
// network, non-finite normalisation, paths that are not regular files, training sizes past the memory
// limit, coordinates near the float limit.
#include <sys/stat.h>

#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <fstream>
#include <limits>

#include "core/data/dataset.h"
#include "core/data/pointgenerators.h"
#include "core/math/error.h"
#include "core/model/memorybudget.h"
#include "core/model/mlp.h"
#include "core/model/modelfile.h"
#include "modelbytes.h"

namespace {

std::string validModelBytes() {
    dl::Rng rng(3);
    const dl::DataSet data = dl::makePointDataSet("moons", dl::generatePoints("moons", 64, rng));
    dl::MlpConfig net;
    net.inputFeatures = 4;
    net.timeEmbedding = 4;
    net.hidden = 8;
    net.layers = 1;
    dl::TrainerConfig cfg;
    cfg.batchSize = 8;
    cfg.steps = 2;
    dl::ScheduleParams sp;
    sp.T = 10;
    dl::Trainer trainer(data, dl::Schedule(sp), net, cfg);
    trainer.step();
    return dl::serialiseModelFile(dl::modelFileFromTrainer(trainer, rng));
}

QString errorOf(const std::string& bytes) {
    try {
        dl::parseModelFile(bytes, "hostile.dlmodel");
    } catch (const dl::Error& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

QString loadError(const std::string& path) {
    try {
        dl::loadModelFile(path);
    } catch (const dl::Error& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

/// The bytes of a valid 2-D model relabelled as an image model of the given shape.
std::string asImage(int width, int height, int channels) {
    std::string bytes = validModelBytes();
    const modelbytes::DataLayout l = modelbytes::dataLayout(bytes);
    bytes[modelbytes::sectionBody(bytes, "DATA")] = static_cast<char>(dl::DataKind::Image);
    modelbytes::put<std::int32_t>(bytes, l.width, width);
    modelbytes::put<std::int32_t>(bytes, l.height, height);
    modelbytes::put<std::int32_t>(bytes, l.channels, channels);
    modelbytes::fixChecksum(bytes);
    return bytes;
}

}  // namespace

class TestHostileModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void unmodifiedBytesLoad() { QVERIFY(errorOf(validModelBytes()).isEmpty()); }

    void imageGeometryMustBeSane() {
        // 1×1×C: the product matches the data dimension (2), the geometry does not.
        QVERIFY(errorOf(asImage(1, 1, 2)).contains("channels must be 1, 3 or 4"));
        QVERIFY(errorOf(asImage(2, 1, 1)).isEmpty());  // a 2×1 gray image is a valid, if odd, shape
        QVERIFY(errorOf(asImage(1, 1, 1)).contains("does not match the data dimension 2"));
        QVERIFY(errorOf(asImage(-1, -2, 1)).contains("each side must be from 1"));
        QVERIFY(errorOf(asImage(65536, 65536, 1)).contains("each side must be from 1"));
    }

    void hugeNetworkInTinyFileIsRefusedBeforeAllocating() {
        std::string bytes = validModelBytes();
        const std::size_t arch = modelbytes::sectionBody(bytes, "ARCH");
        modelbytes::put<std::int32_t>(bytes, arch + 16, 4096);  // hidden
        modelbytes::put<std::int32_t>(bytes, arch + 20, 64);    // layers: ~1.07e9 weights, 4.3 GB
        modelbytes::fixChecksum(bytes);
        QVERIFY2(errorOf(bytes).contains("more than the limit of"), qPrintable(errorOf(bytes)));
        // Below the size limit the counts are compared without building the 50M-weight network.
        modelbytes::put<std::int32_t>(bytes, arch + 20, 3);
        modelbytes::fixChecksum(bytes);
        QVERIFY2(errorOf(bytes).contains("the architecture needs"), qPrintable(errorOf(bytes)));
    }

    void parameterCountMatchesTheNetwork() {
        for (const int layers : {0, 1, 3})
            for (const int features : {0, 6}) {
                dl::MlpConfig c;
                c.dataDim = 3;
                c.inputFeatures = features;
                c.timeEmbedding = 4;
                c.hidden = 5;
                c.layers = layers;
                QCOMPARE(dl::mlpParameterCount(c), static_cast<std::int64_t>(dl::Mlp(c).parameterCount()));
            }
    }

    void nonFiniteOrHugeNormalisationIsRefused_data() {
        QTest::addColumn<float>("offset");
        QTest::addColumn<float>("scale");
        QTest::addColumn<QString>("message");
        QTest::newRow("NaN offset") << std::numeric_limits<float>::quiet_NaN() << 1.0f
                                    << "offset contains NaN";
        QTest::newRow("inf offset") << std::numeric_limits<float>::infinity() << 1.0f
                                    << "offset contains NaN";
        QTest::newRow("huge offset") << 3e38f << 1.0f << "offset must be below 1e30";
        QTest::newRow("huge scale") << 0.0f << 3e38f << "scale must be positive and below 1e30";
        QTest::newRow("NaN scale") << 0.0f << std::numeric_limits<float>::quiet_NaN()
                                   << "scale must be positive";
    }
    void nonFiniteOrHugeNormalisationIsRefused() {
        QFETCH(float, offset);
        QFETCH(float, scale);
        QFETCH(QString, message);
        std::string bytes = validModelBytes();
        const modelbytes::DataLayout l = modelbytes::dataLayout(bytes);
        modelbytes::put<float>(bytes, l.offsetValues, offset);
        modelbytes::put<float>(bytes, l.scale, scale);
        modelbytes::fixChecksum(bytes);
        QVERIFY2(errorOf(bytes).contains(message), qPrintable(errorOf(bytes)));
    }

    void onlyRegularFilesAreRead() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(loadError(dir.path().toStdString()).contains("it is a folder, not a file"));
        QVERIFY(loadError("/dev/zero").contains("not a regular file"));
        const std::string fifo = dir.filePath("pipe").toStdString();
        QCOMPARE(mkfifo(fifo.c_str(), 0600), 0);
        QVERIFY(loadError(fifo).contains("not a regular file"));  // and does not wait for a writer
        QVERIFY(loadError(dir.filePath("missing").toStdString()).contains("No such file"));
    }

    void trainingSizesAreBoundedByMemory() {
        dl::Rng rng(1);
        const dl::DataSet data = dl::makePointDataSet("moons", dl::generatePoints("moons", 64, rng));
        dl::ScheduleParams sp;
        sp.T = 10;
        dl::MlpConfig net;
        dl::TrainerConfig big;
        big.batchSize = 1 << 20;
        QVERIFY(dl::checkTrainingMemory(net, big).has_value());
        QVERIFY_THROWS_EXCEPTION(dl::Error, dl::Trainer(data, dl::Schedule(sp), net, big));
        try {
            dl::Trainer(data, dl::Schedule(sp), net, big);
        } catch (const dl::Error& e) {
            QVERIFY2(QString(e.what()).contains("more than the limit of"), e.what());
        }
        dl::MlpConfig wide;
        wide.hidden = 8192;
        QVERIFY(dl::checkModelSize(wide).has_value());
        QVERIFY_THROWS_EXCEPTION(dl::Error, dl::Trainer(data, dl::Schedule(sp), wide, dl::TrainerConfig{}));
        // The defaults and the largest image set stay well inside.
        QVERIFY(!dl::checkTrainingMemory(dl::MlpConfig{}, dl::TrainerConfig{}).has_value());
        dl::MlpConfig image;
        image.dataDim = 64 * 64 * 3;
        image.inputFeatures = 0;
        image.hidden = 512;
        dl::TrainerConfig batch;
        batch.batchSize = 256;
        QVERIFY(!dl::checkTrainingMemory(image, batch).has_value());
    }

    void coordinatesNearFloatMaxAreRefusedNotNaN() {
        dl::Batch raw(3, 2);
        raw << 3e38f, 0.0f, 3e38f, 1.0f, -3e38f, 2.0f;
        QVERIFY_THROWS_EXCEPTION(dl::Error, dl::makePointDataSet("big", raw));
        dl::Batch far(3, 2);
        far << 1e17f, 0.0f, 1e17f, 1.0f, 1e17f, 2.0f;  // large but finite: normalises
        const dl::DataSet set = dl::makePointDataSet("far", far);
        QVERIFY(set.points.allFinite());
        QVERIFY(set.norm.offset.allFinite());
    }
};

QTEST_APPLESS_MAIN(TestHostileModels)
#include "tst_hostile_models.moc"
