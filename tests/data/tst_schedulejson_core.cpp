// The one schedule JSON reader and writer (core/data/schedulejson.h), without Qt's JSON: every kind
// round-trips through text, diffusers' trained_betas rule, null as absent, the older keys, and bad values
// named by their key.
#include <QtTest>
#include <cmath>
#include <cstdlib>

#include "core/data/json.h"
#include "core/data/schedulejson.h"
#include "core/math/error.h"
#include "core/math/format.h"
#include "core/math/rng.h"

namespace {

QString errorOf(const char* text) {
    try {
        dl::scheduleParamsFromJson(dl::parseJson(text), {});
    } catch (const dl::Error& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

}  // namespace

class TestScheduleJsonCore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripsThroughText_data() {
        QTest::addColumn<int>("kind");
        for (dl::ScheduleKind k :
             {dl::ScheduleKind::Linear, dl::ScheduleKind::ScaledLinear, dl::ScheduleKind::Cosine,
              dl::ScheduleKind::Sigmoid, dl::ScheduleKind::Custom})
            QTest::newRow(dl::scheduleKindName(k).data()) << int(k);
    }
    void roundTripsThroughText() {
        QFETCH(int, kind);
        dl::ScheduleParams p;
        p.kind = static_cast<dl::ScheduleKind>(kind);
        p.T = 3;
        p.betaStart = 0.1 / 3.0;  // needs all 17 digits to come back exactly
        p.betaEnd = 0.2;
        p.zeroTerminalSnr = true;
        if (p.kind == dl::ScheduleKind::Custom) {
            p.customBetas = {0.01, 0.02, 1.0 / 7.0};
            p.customControlPoints = {{0.0, 0.01}, {1.0, 0.1}};
        }
        const std::string text = dl::writeJson(dl::scheduleParamsToJson(p));
        QCOMPARE(dl::scheduleParamsFromJson(dl::parseJson(text), {}), p);
        QVERIFY2(text.find("\"num_train_timesteps\": 3") != std::string::npos, text.c_str());
    }

    // Stable Diffusion's β range as written in its scheduler config: an export wrote
    // "beta_start": 0.00084999999999999995, which reads back the same but not the same to a person.
    void numbersAreWrittenShortest() {
        dl::ScheduleParams p;
        p.kind = dl::ScheduleKind::ScaledLinear;
        p.T = 1000;
        p.betaStart = 0.00085;
        p.betaEnd = 0.012;
        const std::string text = dl::writeJson(dl::scheduleParamsToJson(p));
        QVERIFY2(text.find("\"beta_start\": 0.00085,") != std::string::npos, text.c_str());
        QVERIFY2(text.find("\"beta_end\": 0.012,") != std::string::npos, text.c_str());
        QCOMPARE(dl::scheduleParamsFromJson(dl::parseJson(text), {}), p);
        // And every double comes back exactly, the shortest text or not.
        dl::Rng rng(5);
        for (int i = 0; i < 2000; ++i) {
            const double v = std::ldexp(rng.uniform() + 0.5, static_cast<int>(rng.uniform() * 80.0) - 40);
            const std::string s = dl::formatRoundTrip(v);
            QCOMPARE(std::strtod(s.c_str(), nullptr), v);
        }
    }

    void trainedBetasMakeACustomScheduleOfTheirLength() {
        // diffusers ignores beta_schedule and num_train_timesteps when trained_betas is given.
        const dl::ScheduleParams p = dl::scheduleParamsFromJson(
            dl::parseJson(
                R"({"beta_schedule": "linear", "num_train_timesteps": 1000, "trained_betas": [0.1, 0.5]})"),
            {});
        QCOMPARE(p.kind, dl::ScheduleKind::Custom);
        QCOMPARE(p.T, 2);
        QCOMPARE(p.customBetas, (std::vector<double>{0.1, 0.5}));
        // A non-Custom schedule writes no β array (it would turn Custom on reading).
        dl::ScheduleParams linear;
        linear.customBetas = {0.1};
        QVERIFY(!dl::scheduleParamsToJson(linear).find("trained_betas"));
    }

    void nullIsAbsentAndOldKeysRead() {
        dl::ScheduleParams base;
        base.T = 77;
        const dl::ScheduleParams p = dl::scheduleParamsFromJson(
            dl::parseJson(R"({"num_train_timesteps": null, "trained_betas": null, "kind": "cosine",
                             "betaEnd": 0.3, "zero_terminal_snr": true})"),
            base);
        QCOMPARE(p.T, 77);
        QCOMPARE(p.kind, dl::ScheduleKind::Cosine);
        QCOMPARE(p.betaEnd, 0.3);
        QVERIFY(p.zeroTerminalSnr);
    }

    void badValuesNameTheKey() {
        QVERIFY2(errorOf(R"({"beta_end": "high"})").startsWith("beta_end must be a number"),
                 qPrintable(errorOf(R"({"beta_end": "high"})")));
        QVERIFY(errorOf(R"({"beta_schedule": "karras"})").contains("karras"));
        QVERIFY(errorOf(R"({"num_train_timesteps": 100.5})").contains("whole number"));
        QVERIFY(errorOf(R"({"num_train_timesteps": 0})").contains("num_train_timesteps"));
        QVERIFY(errorOf(R"({"trained_betas": [0.1, "x"]})").contains("trained_betas must hold numbers"));
        QVERIFY(errorOf(R"({"control_points": [[0.1]]})").contains("control_points"));
        QVERIFY(errorOf("[1]").contains("object"));
    }

    void keysAreKnownInEveryForm() {
        for (const char* key : {"beta_schedule", "kind", "T", "betaStart", "zeroTerminalSnr", "trained_betas",
                                "customControlPoints"})
            QVERIFY2(dl::isScheduleJsonKey(key), key);
        QVERIFY(!dl::isScheduleJsonKey("prediction_type"));
    }
};

QTEST_APPLESS_MAIN(TestScheduleJsonCore)
#include "tst_schedulejson_core.moc"
