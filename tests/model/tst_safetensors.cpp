// Weights export in the safetensors format: the file layout read back with this test's own reader
// (header length, JSON header, names, shapes, offsets, row-major data equal to the network's weights),
// and, where python3 with PyTorch is installed, docs/diffusion_lab_mlp.py loading the file and
// reproducing the network's ε̂ to 1e-5.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/data/diffusersconfig.h"
#include "core/data/json.h"
#include "core/model/mlp.h"
#include "core/model/safetensors.h"
#include "core/training/presets.h"

namespace {

struct Tensor {
    std::vector<std::int64_t> shape;
    std::vector<float> values;
};

/// A reader written from the format's description, independent of the writer.
std::map<std::string, Tensor> readSafetensors(const std::string& bytes, dl::JsonValue& metadata) {
    std::uint64_t n = 0;
    for (int i = 7; i >= 0; --i) n = (n << 8) | static_cast<unsigned char>(bytes[i]);
    if (n % 8 != 0) throw std::runtime_error("header length not a multiple of 8");
    const dl::JsonValue header = dl::parseJson(std::string_view(bytes).substr(8, n));
    const std::string data = bytes.substr(8 + n);
    std::map<std::string, Tensor> out;
    std::size_t covered = 0;
    for (const auto& [name, info] : header.members) {
        if (name == "__metadata__") {
            metadata = info;
            continue;
        }
        if (info.find("dtype")->text != "F32") throw std::runtime_error(name + ": not F32");
        Tensor t;
        std::int64_t count = 1;
        for (const auto& d : info.find("shape")->items) {
            t.shape.push_back(static_cast<std::int64_t>(d.number));
            count *= t.shape.back();
        }
        const auto begin = static_cast<std::size_t>(info.find("data_offsets")->items[0].number);
        const auto end = static_cast<std::size_t>(info.find("data_offsets")->items[1].number);
        if (end - begin != static_cast<std::size_t>(count) * 4 || end > data.size())
            throw std::runtime_error(name + ": offsets do not match the shape");
        covered += end - begin;
        t.values.resize(static_cast<std::size_t>(count));
        std::memcpy(t.values.data(), data.data() + begin, end - begin);
        out[name] = std::move(t);
    }
    if (covered != data.size()) throw std::runtime_error("tensors do not cover the data exactly");
    return out;
}

dl::Mlp randomNet(const dl::MlpConfig& config, std::uint64_t seed) {
    dl::Mlp net(config);
    dl::Rng rng(seed);
    net.initialise(rng);
    return net;
}

/// A per-axis map back to the data: x scaled by 2.5 and 0.125, shifted by 3 and −7.
dl::Normalisation perAxisNorm() {
    dl::Normalisation n;
    n.offset = Eigen::Vector2f(3.0f, -7.0f);
    n.scale = 1.0f;
    n.axisScale = Eigen::Vector2f(2.5f, 0.125f);
    return n;
}

dl::MlpConfig smallImageConfig() {
    dl::MlpConfig c = dl::defaultImageMlpConfig(9);
    c.hidden = 24;
    c.layers = 2;
    c.activation = dl::Activation::Silu;
    return c;
}

}  // namespace

class TestSafetensors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void layout();
    void contextGoesIntoTheMetadata();
    void pytorchModuleReproducesTheNetwork();
};

void TestSafetensors::layout() {
    const dl::MlpConfig config = dl::tinyDiffusionMlpConfig();
    const dl::Mlp net = randomNet(config, 3);
    const std::string bytes = dl::mlpSafetensorsBytes(config, net.parameters());
    dl::JsonValue meta;
    const auto tensors = readSafetensors(bytes, meta);
    QCOMPARE(meta.find("hidden")->text, std::string("128"));
    QCOMPARE(meta.find("input_features")->text, std::string("128"));
    QCOMPARE(meta.find("activation")->text, std::string("gelu"));
    QCOMPARE(tensors.size(), std::size_t(10));  // input, 3 blocks, output: weight and bias each
    QCOMPARE(tensors.at("input.weight").shape, (std::vector<std::int64_t>{128, 384}));
    QCOMPARE(tensors.at("blocks.2.weight").shape, (std::vector<std::int64_t>{128, 128}));
    QCOMPARE(tensors.at("output.weight").shape, (std::vector<std::int64_t>{2, 128}));
    QCOMPARE(tensors.at("output.bias").shape, (std::vector<std::int64_t>{2}));
    // Row-major [out, in] = the network's column-major W (out × in) entry for entry.
    const auto& blocks = net.parameterBlocks();
    const auto& W1 = blocks[2];  // W_1
    QCOMPARE(W1.name, std::string("W_1"));
    const Tensor& t = tensors.at("blocks.0.weight");
    for (Eigen::Index r : {0, 5, 127})
        for (Eigen::Index c : {0, 77, 127})
            QCOMPARE(t.values[static_cast<std::size_t>(r * 128 + c)],
                     net.parameters()[W1.offset + c * 128 + r]);
    const Tensor& bOut = tensors.at("output.bias");
    QCOMPARE(bOut.values[1], net.parameters()[blocks.back().offset + 1]);
    // A wrong parameter count is refused.
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::mlpSafetensorsBytes(config, Eigen::VectorXf::Zero(10)));
}

// The map back to the data and the training schedule ride along: a safetensors file on its own could give
// ε̂ but not samples in the data's coordinates, nor say which β_t the model was trained with.
void TestSafetensors::contextGoesIntoTheMetadata() {
    const dl::MlpConfig config = dl::tinyDiffusionMlpConfig();
    const dl::Mlp net = randomNet(config, 3);
    dl::JsonValue meta;
    readSafetensors(dl::mlpSafetensorsBytes(config, net.parameters()), meta);
    QVERIFY(!meta.find("data_offset"));  // no context, no entries
    QVERIFY(!meta.find("scheduler_config"));

    dl::ScheduleParams schedule;
    schedule.kind = dl::ScheduleKind::Cosine;
    schedule.T = 200;
    readSafetensors(dl::mlpSafetensorsBytes(config, net.parameters(), {perAxisNorm(), schedule}), meta);
    QCOMPARE(meta.find("data_offset")->text, std::string("3,-7"));
    QCOMPARE(meta.find("data_axis_scale")->text, std::string("2.5,0.125"));
    QVERIFY(!meta.find("data_scale"));
    const dl::DiffusersSchedulerConfig diffusers =
        dl::parseDiffusersSchedulerConfig(meta.find("scheduler_config")->text);
    QCOMPARE(diffusers.schedule.kind, dl::ScheduleKind::Cosine);
    QCOMPARE(diffusers.schedule.T, 200);
    // How the program samples it: linspace unless told otherwise, and x̂_0 not clipped to ±1.
    QCOMPARE(diffusers.timestepSpacing, std::string("linspace"));
    QVERIFY(!diffusers.clipSample);

    dl::Normalisation common;
    common.offset = Eigen::Vector2f(0.476f, -0.876f);
    common.scale = 5.393f;
    readSafetensors(dl::mlpSafetensorsBytes(config, net.parameters(), {common, std::nullopt}), meta);
    QCOMPARE(meta.find("data_scale")->text, std::string("5.393"));  // the shortest text of the float
    QCOMPARE(meta.find("data_offset")->text, std::string("0.476,-0.876"));
    QVERIFY(!meta.find("data_axis_scale"));
    QVERIFY(!meta.find("scheduler_config"));
    // A map of another dimension than the network's is refused.
    QVERIFY_THROWS_EXCEPTION(
        dl::Error, dl::mlpSafetensorsBytes(smallImageConfig(), randomNet(smallImageConfig(), 1).parameters(),
                                           {perAxisNorm(), std::nullopt}));
}

void TestSafetensors::pytorchModuleReproducesTheNetwork() {
    QString python;
    for (const QString& candidate : {QStringLiteral("python3"), QStringLiteral("/usr/bin/python3")}) {
        QProcess probe;
        probe.start(candidate, {QStringLiteral("-c"), QStringLiteral("import torch")});
        if (probe.waitForStarted() && probe.waitForFinished(60000) && probe.exitCode() == 0) {
            python = candidate;
            break;
        }
    }
    if (python.isEmpty()) QSKIP("no python3 with PyTorch (apt-get install python3-torch) to run the module");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const dl::MlpConfig& config : {dl::tinyDiffusionMlpConfig(), smallImageConfig()}) {
        dl::Mlp net = randomNet(config, 11);
        const std::string weights = dir.filePath(QStringLiteral("net.safetensors")).toStdString();
        dl::writeMlpSafetensors(weights, config, net.parameters());
        const int n = 16, d = config.dataDim;
        dl::Rng rng(4);
        dl::Batch x(n, d);
        rng.fillNormal(x);
        Eigen::VectorXi t(n);
        for (int i = 0; i < n; ++i) t[i] = (i * 67) % 1000;
        dl::Batch eps;
        net.predict(x, t, eps);
        const QString inputs = dir.filePath(QStringLiteral("inputs.csv"));
        {
            std::ofstream out(inputs.toStdString());
            out.precision(9);
            for (int i = 0; i < n; ++i) {
                for (int j = 0; j < d; ++j) out << x(i, j) << ",";
                out << t[i] << "\n";
            }
        }
        QProcess p;
        p.start(python, {QStringLiteral(DL_TEST_SOURCE_DIR "/docs/diffusion_lab_mlp.py"),
                         QString::fromStdString(weights), inputs});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QStringList lines =
            QString::fromUtf8(p.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), n);
        double worst = 0.0;
        for (int i = 0; i < n; ++i) {
            const QStringList values = lines[i].split(',');
            QCOMPARE(values.size(), d);
            for (int j = 0; j < d; ++j) worst = std::max(worst, std::abs(values[j].toDouble() - eps(i, j)));
        }
        QVERIFY2(worst <= 1e-5, qPrintable(QStringLiteral("largest difference %1").arg(worst)));
    }
    // The module maps samples back to the data and reads the schedule.
    const std::string weights = dir.filePath(QStringLiteral("net.safetensors")).toStdString();
    dl::Mlp net = randomNet(dl::tinyDiffusionMlpConfig(), 11);
    dl::ScheduleParams schedule;
    schedule.T = 321;
    dl::writeMlpSafetensors(weights, net.config(), net.parameters(), {perAxisNorm(), schedule});
    QProcess p;
    p.start(python, {QStringLiteral("-c"),
                     QStringLiteral("import sys, torch; sys.path.insert(0, '" DL_TEST_SOURCE_DIR "/docs'); "
                                    "import diffusion_lab_mlp as dlm; net = dlm.load(sys.argv[1]); "
                                    "print(net.to_data(torch.tensor([[1.0, 2.0]])).tolist()[0], "
                                    "net.scheduler_config['num_train_timesteps'])"),
                     QString::fromStdString(weights)});
    QVERIFY(p.waitForFinished(120000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    // (1, 2) · (2.5, 0.125) + (3, −7) = (5.5, −6.75), exact in float.
    QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).trimmed(), QStringLiteral("[5.5, -6.75] 321"));
}

QTEST_APPLESS_MAIN(TestSafetensors)
#include "tst_safetensors.moc"
