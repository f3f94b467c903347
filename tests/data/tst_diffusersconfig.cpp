// diffusers scheduler configs: the schedules of published models against their known values
// (Stable Diffusion 1.5's √ᾱ_T from Lin et al. 2024, §3.1; DDPM's linear β), every mapped field,
// unknown fields reported, bad values named, and export → import giving the same schedule back.
#include <QtTest>
#include <cmath>
#include <numbers>

#include "core/data/diffusersconfig.h"
#include "core/data/json.h"
#include "core/math/error.h"
#include "tests/support/diffusersconfigs.h"

using dltest::kDdpmCifar10;
using dltest::kStableDiffusion15;

class TestDiffusersSchedule : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void stableDiffusion15();
    void ddpmCifar10();
    void zeroTerminalSnr();
    void squaredCosine();
    void sigmoidAndTrainedBetas();
    void exportRoundTrip();
    void badInput();
};

void TestDiffusersSchedule::stableDiffusion15() {
    const dl::DiffusersSchedulerConfig c = dl::parseDiffusersSchedulerConfig(kStableDiffusion15);
    QCOMPARE(c.className, std::string("PNDMScheduler"));
    QCOMPARE(c.schedule.T, 1000);
    QVERIFY(c.schedule.kind == dl::ScheduleKind::ScaledLinear);
    QCOMPARE(c.stepsOffset, 1);
    QCOMPARE(c.clipSample, false);
    QCOMPARE(c.predictionType, std::string("epsilon"));   // diffusers' default
    QCOMPARE(c.timestepSpacing, std::string("leading"));  // diffusers' default
    QCOMPARE(c.unused, (std::vector<std::string>{"set_alpha_to_one", "skip_prk_steps"}));
    const dl::Schedule s(c.schedule);
    QVERIFY(std::abs(s.beta(1) - 0.00085) < 1e-12);
    QVERIFY(std::abs(s.beta(1000) - 0.012) < 1e-12);
    // β_t = (√β₀ + (t−1)/(T−1)(√β₁ − √β₀))², the middle one by hand.
    const double mid =
        std::pow(std::sqrt(0.00085) + 499.0 / 999.0 * (std::sqrt(0.012) - std::sqrt(0.00085)), 2);
    QVERIFY(std::abs(s.beta(500) - mid) < 1e-12);
    // Lin et al. 2024, §3.1: Stable Diffusion's terminal √ᾱ_T = 0.068265 (SNR not zero).
    QVERIFY2(std::abs(s.sqrtAlphaBar(1000) - 0.068265) < 5e-6,
             qPrintable(QString::number(s.sqrtAlphaBar(1000), 'g', 9)));
}

void TestDiffusersSchedule::ddpmCifar10() {
    const dl::DiffusersSchedulerConfig c = dl::parseDiffusersSchedulerConfig(kDdpmCifar10);
    QVERIFY(c.schedule.kind == dl::ScheduleKind::Linear);
    QCOMPARE(c.clipSample, true);
    QCOMPARE(c.unused, (std::vector<std::string>{"variance_type"}));
    const dl::Schedule s(c.schedule);
    double alphaBar = 1.0;
    for (int t = 0; t < 1000; ++t) alphaBar *= 1.0 - (1e-4 + (0.02 - 1e-4) * t / 999.0);
    QVERIFY(std::abs(s.alphaBar(1000) - alphaBar) < 1e-12);
    QVERIFY(std::abs(s.alphaBar(1000) - 4.0358e-5) < 1e-8);  // the value usually quoted for DDPM
}

void TestDiffusersSchedule::zeroTerminalSnr() {
    const dl::DiffusersSchedulerConfig c = dl::parseDiffusersSchedulerConfig(
        R"({"beta_schedule": "scaled_linear", "beta_start": 0.00085, "beta_end": 0.012,
            "rescale_betas_zero_snr": true, "prediction_type": "v_prediction", "timestep_spacing": "trailing"})");
    QVERIFY(c.schedule.zeroTerminalSnr);
    QCOMPARE(c.predictionType, std::string("v_prediction"));
    QCOMPARE(c.timestepSpacing, std::string("trailing"));
    const dl::Schedule s(c.schedule);
    QCOMPARE(s.alphaBar(1000), 0.0);
    // Algorithm 1 keeps √ᾱ_1 and shifts and scales √ᾱ so that √ᾱ_T = 0.
    QVERIFY(std::abs(s.sqrtAlphaBar(1) - std::sqrt(1.0 - 0.00085)) < 1e-12);
}

void TestDiffusersSchedule::squaredCosine() {
    const dl::DiffusersSchedulerConfig c = dl::parseDiffusersSchedulerConfig(
        R"({"beta_schedule": "squaredcos_cap_v2", "num_train_timesteps": 100})");
    const dl::Schedule s(c.schedule);
    auto f = [](double u) { return std::pow(std::cos((u + 0.008) / 1.008 * std::numbers::pi / 2), 2); };
    // diffusers' betas_for_alpha_bar: β_i = min(1 − f((i+1)/T)/f(i/T), 0.999).
    for (int t : {1, 50, 99})
        QVERIFY(std::abs(s.beta(t) - std::min(1.0 - f(t / 100.0) / f((t - 1) / 100.0), 0.999)) < 1e-12);
    QCOMPARE(s.beta(100), 0.999);
}

void TestDiffusersSchedule::sigmoidAndTrainedBetas() {
    const dl::Schedule sig(
        dl::parseDiffusersSchedulerConfig(
            R"({"beta_schedule": "sigmoid", "num_train_timesteps": 11, "beta_start": 0.001, "beta_end": 0.02})")
            .schedule);
    // linspace(−6, 6, 11) has 0 in the middle: β = ½(β_end − β_start) + β_start.
    QVERIFY(std::abs(sig.beta(6) - (0.5 * (0.02 - 0.001) + 0.001)) < 1e-12);
    const dl::DiffusersSchedulerConfig trained = dl::parseDiffusersSchedulerConfig(
        R"({"trained_betas": [0.1, 0.2, 0.5], "num_train_timesteps": 1000})");
    QCOMPARE(trained.schedule.T, 3);
    // The step count the betas override is said to be unused, not dropped without a word; one that agrees
    // is used.
    QCOMPARE(trained.unused, std::vector<std::string>{"num_train_timesteps"});
    QVERIFY(dl::parseDiffusersSchedulerConfig(R"({"trained_betas": [0.1, 0.2], "num_train_timesteps": 2})")
                .unused.empty());
    const dl::Schedule s(trained.schedule);
    QVERIFY(std::abs(s.alphaBar(3) - 0.9 * 0.8 * 0.5) < 1e-12);
}

void TestDiffusersSchedule::exportRoundTrip() {
    for (const char* text :
         {kStableDiffusion15, kDdpmCifar10,
          R"({"trained_betas": [0.01, 0.02, 0.03, 0.04], "rescale_betas_zero_snr": true})"}) {
        const dl::DiffusersSchedulerConfig c = dl::parseDiffusersSchedulerConfig(text);
        const std::string written = dl::diffusersSchedulerConfigJson(c);
        const dl::DiffusersSchedulerConfig back = dl::parseDiffusersSchedulerConfig(written);
        QVERIFY2(back.unused.empty(), written.c_str());
        QCOMPARE(back.stepsOffset, c.stepsOffset);
        QCOMPARE(back.clipSample, c.clipSample);
        QCOMPARE(back.predictionType, c.predictionType);
        const dl::Schedule a(c.schedule), b(back.schedule);
        QCOMPARE(a.T(), b.T());
        for (int t = 0; t <= a.T(); ++t) QVERIFY(std::abs(a.alphaBar(t) - b.alphaBar(t)) < 1e-15);
    }
}

void TestDiffusersSchedule::badInput() {
    auto message = [](const char* text) -> QString {
        try {
            dl::parseDiffusersSchedulerConfig(text);
        } catch (const dl::Error& e) {
            return QString::fromStdString(e.what());
        }
        return {};
    };
    QVERIFY(message(R"({"beta_schedule": "karras"})").contains("beta_schedule"));
    QVERIFY(message(R"({"num_train_timesteps": "1000"})").contains("num_train_timesteps must be a number"));
    QVERIFY(message(R"({"num_train_timesteps": 0})").contains("num_train_timesteps"));
    QVERIFY(
        message(R"({"beta_start": 0.1, "beta_end": 0.02, "beta_schedule": "linear",)").contains("line 1"));
    QVERIFY(message("[1, 2]").contains("one JSON object"));
    QVERIFY(message("{\n  \"beta_start\": 0.1\n  \"beta_end\": 0.2\n}").contains("line 3"));
}

QTEST_APPLESS_MAIN(TestDiffusersSchedule)
#include "tst_diffusersconfig.moc"
