// The comparison's frames (ui/render/comparisonframes.h) against the closed form: every pane's x_t is
// √ᾱ_t x_0 + √(1−ᾱ_t) ε with the ONE ε of the input and the pane's own ᾱ_t; the shared step maps to each
// pane's t by the fraction t/T; captions carry the pane's own t and ᾱ_t; the tiles and an exported GIF
// of the comparison have the right number of frames and size.
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

#include "core/data/pointgenerators.h"
#include "core/math/rng.h"
#include "ui/render/alphabartext.h"
#include "ui/render/comparisonframes.h"
#include "ui/render/exporter.h"
#include "ui/render/framewriters.h"

using dlui::ComparisonFrames;
using dlui::ComparisonInput;
using dlui::ComparisonPane;

namespace {

dl::ScheduleParams linear(int T) {
    dl::ScheduleParams p;  // β 1e-4..0.02, Ho et al. 2020
    p.T = T;
    return p;
}

dl::ScheduleParams cosine(int T) {
    dl::ScheduleParams p;
    p.kind = dl::ScheduleKind::Cosine;
    p.T = T;
    return p;
}

/// Moons, 64 points, and an ε drawn once.
ComparisonInput twoPanes(const dl::ScheduleParams& a, const dl::ScheduleParams& b) {
    dl::Rng rng(5);
    ComparisonInput in;
    in.data = std::make_shared<const dl::DataSet>(
        dl::makePointDataSet("moons", dl::generatePoints("moons", 64, rng)));
    auto noise = std::make_shared<dl::Batch>(64, 2);
    for (Eigen::Index i = 0; i < noise->size(); ++i) noise->data()[i] = static_cast<float>(rng.normal());
    in.noise = std::move(noise);
    for (const auto& [label, params] :
         {std::pair{QStringLiteral("A"), a}, std::pair{QStringLiteral("B"), b}}) {
        ComparisonPane pane;
        pane.label = label;
        pane.schedule = dl::Schedule(params);
        in.panes.push_back(std::move(pane));
    }
    return in;
}

QString fourDigits(double ab) {
    return dlui::alphaBarText(ab);
}

}  // namespace

class TestComparisonFrames : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sharedStepMapsByFraction_data();
    void sharedStepMapsByFraction();
    void panesShareOneNoiseInTheClosedForm_data();
    void panesShareOneNoiseInTheClosedForm();
    void captionsCarryEachPanesAlphaBar();
    void reverseFramesRunFromNoiseAndSnapToKeptStates();
    void tilesAndNoiseShapeChecks();
    void exportedGifDecodesToTheTiledFrames();
};

void TestComparisonFrames::sharedStepMapsByFraction_data() {
    QTest::addColumn<int>("step");
    QTest::addColumn<int>("steps");
    QTest::addColumn<int>("T");
    QTest::addColumn<int>("expected");
    // t = round(step · T / steps), halves up.
    QTest::newRow("start") << 0 << 1000 << 50 << 0;
    QTest::newRow("half") << 500 << 1000 << 50 << 25;
    QTest::newRow("end") << 1000 << 1000 << 50 << 50;
    QTest::newRow("a third, rounded") << 333 << 1000 << 50 << 17;     // 16.65
    QTest::newRow("a half step rounds up") << 10 << 1000 << 50 << 1;  // 0.5
    QTest::newRow("just under a half") << 9 << 1000 << 50 << 0;       // 0.45
    QTest::newRow("same T") << 371 << 1000 << 1000 << 371;
    QTest::newRow("clamped above") << 1200 << 1000 << 50 << 50;
    QTest::newRow("clamped below") << -3 << 1000 << 50 << 0;
}

void TestComparisonFrames::sharedStepMapsByFraction() {
    QFETCH(int, step);
    QFETCH(int, steps);
    QFETCH(int, T);
    QFETCH(int, expected);
    QCOMPARE(dlui::paneTimestep(step, steps, T), expected);
    // And through the frames: S is the largest T, the other pane takes its fraction.
    ComparisonFrames frames(twoPanes(linear(T), linear(steps)));
    QCOMPARE(frames.steps(), std::max(T, steps));
    if (steps >= T && step >= 0 && step <= steps) {
        QCOMPARE(frames.paneT(0, step), expected);
        QCOMPARE(frames.paneT(1, step), step);
    }
}

void TestComparisonFrames::panesShareOneNoiseInTheClosedForm_data() {
    QTest::addColumn<int>("step");
    for (int s : {0, 1, 17, 250, 500, 999, 1000}) QTest::newRow(qPrintable(QString::number(s))) << s;
}

void TestComparisonFrames::panesShareOneNoiseInTheClosedForm() {
    QFETCH(int, step);
    const ComparisonInput in = twoPanes(linear(50), cosine(1000));
    ComparisonFrames frames(in);
    const dl::Schedule a(linear(50)), b(cosine(1000));
    const int tA = static_cast<int>(std::lround(step * 50.0 / 1000.0 + 1e-9));
    const int tB = step;
    QCOMPARE(frames.paneT(0, step), tA);
    const dl::Batch xA = frames.paneState(0, step);
    const dl::Batch xB = frames.paneState(1, step);
    QCOMPARE(xA.rows(), in.data->points.rows());
    double worstA = 0, worstB = 0, worstEps = 0;
    for (Eigen::Index i = 0; i < xA.rows(); ++i)
        for (Eigen::Index j = 0; j < 2; ++j) {
            const double x0 = in.data->points(i, j), eps = (*in.noise)(i, j);
            // Ho et al. 2020, Eq. 4, in double with each pane's own ᾱ.
            const double wantA = std::sqrt(a.alphaBar(tA)) * x0 + std::sqrt(1.0 - a.alphaBar(tA)) * eps;
            const double wantB = std::sqrt(b.alphaBar(tB)) * x0 + std::sqrt(1.0 - b.alphaBar(tB)) * eps;
            worstA = std::max(worstA, std::abs(xA(i, j) - wantA));
            worstB = std::max(worstB, std::abs(xB(i, j) - wantB));
            // The noise each pane carries, recovered from its own x_t, is the same ε.
            if (tA > 0 && tB > 0) {
                const double epsA =
                    (xA(i, j) - std::sqrt(a.alphaBar(tA)) * x0) / std::sqrt(1.0 - a.alphaBar(tA));
                const double epsB =
                    (xB(i, j) - std::sqrt(b.alphaBar(tB)) * x0) / std::sqrt(1.0 - b.alphaBar(tB));
                worstEps = std::max({worstEps, std::abs(epsA - epsB), std::abs(epsA - eps)});
            }
        }
    QVERIFY2(worstA < 1e-5, qPrintable(QStringLiteral("pane A off by %1 at t = %2").arg(worstA).arg(tA)));
    QVERIFY2(worstB < 1e-5, qPrintable(QStringLiteral("pane B off by %1 at t = %2").arg(worstB).arg(tB)));
    // At t = 1 of T = 1000 the division by √(1−ᾱ_1) = 0.01 amplifies float rounding a hundredfold.
    QVERIFY2(worstEps < 2e-3, qPrintable(QStringLiteral("recovered ε differ by %1").arg(worstEps)));
}

void TestComparisonFrames::captionsCarryEachPanesAlphaBar() {
    ComparisonInput in = twoPanes(linear(50), cosine(1000));
    in.panes[0].label = QStringLiteral("linear T=50");
    ComparisonFrames frames(in);
    const dl::Schedule a(linear(50)), b(cosine(1000));
    for (int step : {0, 400, 1000}) {
        const int tA = step / 20;
        const QString captionA = frames.caption(0, step);
        const QString captionB = frames.caption(1, step);
        QVERIFY2(captionA.startsWith(QStringLiteral("linear T=50\n")), qPrintable(captionA));
        QVERIFY2(captionA.contains(QStringLiteral("t = %1 / 50").arg(tA)), qPrintable(captionA));
        QVERIFY2(captionA.contains(QStringLiteral("ᾱₜ = ") + fourDigits(a.alphaBar(tA))),
                 qPrintable(captionA));
        QVERIFY2(captionB.contains(QStringLiteral("t = %1 / 1000").arg(step)), qPrintable(captionB));
        QVERIFY2(captionB.contains(QStringLiteral("ᾱₜ = ") + fourDigits(b.alphaBar(step))),
                 qPrintable(captionB));
        QCOMPARE(frames.paneAlphaBar(0, step), a.alphaBar(tA));
        QCOMPARE(frames.scene(0, step).caption, captionA);
    }
    // Half-way along both: linear T = 50 has summed only β ≈ 0.13 (ᾱ ≈ 0.88, far from noise), cosine is at
    // cos²(π/4) ≈ 0.49 (Nichol & Dhariwal 2021, Eq. 17).
    QVERIFY(frames.paneAlphaBar(0, 500) > 0.85);
    QVERIFY(std::abs(frames.paneAlphaBar(1, 500) - 0.49) < 0.02);
}

void TestComparisonFrames::reverseFramesRunFromNoiseAndSnapToKeptStates() {
    ComparisonInput in = twoPanes(linear(50), linear(100));
    in.reverse = true;
    // Pane B's chain kept states at t = 100, 50, 0 (K = 2); pane A has none.
    dl::Trajectory chain;
    chain.timesteps = {100, 50, 0};
    for (float v : {3.0f, 2.0f, 1.0f}) chain.states.push_back(dl::Batch::Constant(64, 2, v));
    in.panes[1].reverse = chain;
    in.panes[0].problem = QStringLiteral("no model yet");
    ComparisonFrames frames(in);
    QCOMPARE(frames.steps(), 100);
    int shown = -1;
    QCOMPARE(frames.paneState(1, 70, &shown)(0, 0), 3.0f);  // the kept state at or above t = 70 is t = 100's
    QCOMPARE(shown, 100);
    QCOMPARE(frames.paneState(1, 50, &shown)(0, 0), 2.0f);
    QCOMPARE(shown, 50);
    QCOMPARE(frames.paneState(0, 50).rows(), Eigen::Index(0));
    QVERIFY(frames.caption(0, 50).contains(QStringLiteral("no model yet")));
    QVERIFY(frames.caption(1, 70).contains(QStringLiteral("state of t = 100")));
    const std::vector<int> steps = dlui::comparisonFrameSteps(in, 0, -1, 25);
    QCOMPARE(steps, (std::vector<int>{100, 75, 50, 25, 0}));
}

void TestComparisonFrames::tilesAndNoiseShapeChecks() {
    const QRectF target(0, 0, 400, 200);
    QCOMPARE(dlui::comparisonTile(target, 2, 0), QRectF(0, 0, 200, 200));
    QCOMPARE(dlui::comparisonTile(target, 2, 1), QRectF(200, 0, 200, 200));
    QCOMPARE(dlui::comparisonTile(target, 4, 3), QRectF(200, 100, 200, 100));
    QCOMPARE(dlui::comparisonTile(target, 3, 2), QRectF(0, 100, 200, 100));
    ComparisonInput bad = twoPanes(linear(50), linear(60));
    bad.noise = std::make_shared<const dl::Batch>(dl::Batch::Zero(3, 2));
    QVERIFY_THROWS_EXCEPTION(dl::Error, ComparisonFrames{bad});
    bad.noise.reset();
    QVERIFY_THROWS_EXCEPTION(dl::Error, ComparisonFrames{bad});
    ComparisonInput noData = twoPanes(linear(50), linear(60));
    noData.data.reset();
    QVERIFY_THROWS_EXCEPTION(dl::Error, ComparisonFrames{noData});
    ComparisonInput none = twoPanes(linear(50), linear(60));
    none.panes.clear();
    QVERIFY_THROWS_EXCEPTION(dl::Error, ComparisonFrames{none});
    // Two different schedules at mid-way: the two halves of the frame differ.
    ComparisonFrames frames(twoPanes(linear(50), cosine(50)));
    dlui::RenderOptions options;
    options.size = QSize(240, 120);
    options.drawCaption = false;
    const QImage image = frames.render(25, options);
    QCOMPARE(image.size(), QSize(240, 120));
    QVERIFY(image.copy(0, 0, 120, 120) != image.copy(120, 0, 120, 120));
    // At t = 0 both panes show x_0: the halves are the same picture.
    const QImage start = frames.render(0, options);
    QCOMPARE(start.copy(2, 0, 116, 120), start.copy(122, 0, 116, 120));  // the rule at x = 120 left out
}

void TestComparisonFrames::exportedGifDecodesToTheTiledFrames() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    dlui::ExportInput input;
    input.comparison = twoPanes(linear(50), cosine(1000));
    input.data = *input.comparison->data;
    input.forwardNoise = *input.comparison->noise;
    dlui::ExportSettings s;
    s.format = dlui::ExportFormat::Gif;
    s.frames.animation = dlui::AnimationKind::Comparison;
    s.frames.stride = 100;  // shared steps 0, 100, …, 1000: 11 frames
    s.render.size = QSize(160, 80);
    s.fps = 10;
    s.outputPath = dir.filePath(QStringLiteral("compare.gif"));
    QCOMPARE(dlui::FrameSource::selectFrames(input, s.frames).size(), size_t(11));
    const dlui::ExportResult result = dlui::runExport(input, s);
    QVERIFY2(result.ok, qPrintable(result.message));
    QCOMPARE(result.frames, 11);
    QImageReader reader(s.outputPath);
    QCOMPARE(reader.imageCount(), 11);
    QCOMPARE(reader.size(), QSize(160, 80));
    int decoded = 0;
    while (reader.canRead()) {
        const QImage frame = reader.read();
        QCOMPARE(frame.size(), QSize(160, 80));
        ++decoded;
    }
    QCOMPARE(decoded, 11);

    // Without a comparison the same settings are refused in one line.
    dlui::ExportInput plain = input;
    plain.comparison.reset();
    s.outputPath = dir.filePath(QStringLiteral("none.gif"));
    QVERIFY(dlui::validateExportSettings(plain, s).contains(QStringLiteral("comparison")));

    // PNG frames carry a sidecar naming each pane's own t per frame.
    s.format = dlui::ExportFormat::PngSequence;
    s.outputPath = dir.filePath(QStringLiteral("frames"));
    s.frames.stride = 500;
    const dlui::ExportResult png = dlui::runExport(input, s);
    QVERIFY2(png.ok, qPrintable(png.message));
    QFile sidecar(QDir(s.outputPath).filePath(dlui::PngSequenceWriter::sidecarFileName()));
    QVERIFY(sidecar.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(sidecar.readAll()).object();
    QCOMPARE(json.value(QStringLiteral("animation")).toString(), QStringLiteral("comparison"));
    const QJsonArray frameList = json.value(QStringLiteral("frames")).toArray();
    QCOMPARE(frameList.size(), 3);
    const QJsonArray middle = frameList.at(1).toObject().value(QStringLiteral("panes")).toArray();
    QCOMPARE(middle.at(0).toObject().value(QStringLiteral("t")).toInt(), 25);
    QCOMPARE(middle.at(1).toObject().value(QStringLiteral("t")).toInt(), 500);
}

QTEST_MAIN(TestComparisonFrames)
#include "tst_comparison_frames.moc"
