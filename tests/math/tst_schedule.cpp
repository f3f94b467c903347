// Schedules against their published closed forms (Ho et al. 2020; Nichol & Dhariwal 2021;
// Lin et al. 2024) and the parameter checks.
#include <QtTest>
#include <cmath>
#include <numbers>

#include "core/math/error.h"
#include "core/math/schedule.h"

using dl::Schedule;
using dl::ScheduleKind;
using dl::ScheduleParams;

namespace {

constexpr double kRelTol = 1e-9;

bool closeRel(double actual, double expected, double tol = kRelTol) {
    if (expected == actual) return true;
    return std::abs(actual - expected) <= tol * std::max(std::abs(expected), 1e-300);
}

#define COMPARE_REL(actual, expected, what)                            \
    do {                                                               \
        const double a_ = (actual), e_ = (expected);                   \
        if (!closeRel(a_, e_))                                         \
            QFAIL(qPrintable(QStringLiteral("%1: got %2, expected %3") \
                                 .arg(what)                            \
                                 .arg(a_, 0, 'g', 17)                  \
                                 .arg(e_, 0, 'g', 17)));               \
    } while (0)

ScheduleParams params(ScheduleKind kind, int T, double b0 = 1e-4, double b1 = 0.02) {
    ScheduleParams p;
    p.kind = kind;
    p.T = T;
    p.betaStart = b0;
    p.betaEnd = b1;
    return p;
}

/// The β a published definition gives for timestep t (1-based), independent of Schedule's code.
double referenceBeta(const ScheduleParams& p, int t) {
    const double u = p.T == 1 ? 0.0 : double(t - 1) / double(p.T - 1);
    switch (p.kind) {
        case ScheduleKind::Linear:
            return p.betaStart + u * (p.betaEnd - p.betaStart);
        case ScheduleKind::ScaledLinear: {
            const double r = std::sqrt(p.betaStart) + u * (std::sqrt(p.betaEnd) - std::sqrt(p.betaStart));
            return r * r;
        }
        case ScheduleKind::Sigmoid: {
            const double x = -6.0 + 12.0 * u;
            return (p.betaEnd - p.betaStart) / (1.0 + std::exp(-x)) + p.betaStart;
        }
        case ScheduleKind::Cosine: {
            auto f = [&](double s) {
                const double c = std::cos((s / p.T + 0.008) / 1.008 * std::numbers::pi / 2);
                return c * c;
            };
            return std::min(1.0 - f(t) / f(t - 1), 0.999);
        }
        case ScheduleKind::Custom:
            return p.customBetas.at(t - 1);
    }
    return 0;
}

}  // namespace

class TestSchedule : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void derivedQuantitiesMatchDefinitions_data();
    void derivedQuantitiesMatchDefinitions();
    void cosineAlphaBarIsTheSquaredCosine();
    void sigmoidIsSymmetricAroundItsMidpoint();
    void customControlPointsInterpolateLinearly();
    void zeroTerminalSnrRescalesSqrtAlphaBar();
    void posteriorIsConsistentWithMarginals();
    void singleStepSchedule();
    void rejectsImpossibleParameters_data();
    void rejectsImpossibleParameters();
    void kindNamesRoundTrip();
};

void TestSchedule::derivedQuantitiesMatchDefinitions_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("T");
    QTest::addColumn<double>("b0");
    QTest::addColumn<double>("b1");
    QTest::newRow("linear-1000") << int(ScheduleKind::Linear) << 1000 << 1e-4 << 0.02;
    QTest::newRow("linear-50") << int(ScheduleKind::Linear) << 50 << 1e-4 << 0.02;
    QTest::newRow("scaled_linear-1000") << int(ScheduleKind::ScaledLinear) << 1000 << 0.00085 << 0.012;
    QTest::newRow("cosine-1000") << int(ScheduleKind::Cosine) << 1000 << 1e-4 << 0.02;
    QTest::newRow("cosine-10") << int(ScheduleKind::Cosine) << 10 << 1e-4 << 0.02;
    QTest::newRow("sigmoid-200") << int(ScheduleKind::Sigmoid) << 200 << 1e-4 << 0.02;
    QTest::newRow("custom-5") << int(ScheduleKind::Custom) << 5 << 0.0 << 0.0;
}

void TestSchedule::derivedQuantitiesMatchDefinitions() {
    QFETCH(int, kind);
    QFETCH(int, T);
    QFETCH(double, b0);
    QFETCH(double, b1);
    ScheduleParams p = params(ScheduleKind(kind), T, b0, b1);
    if (p.kind == ScheduleKind::Custom) p.customBetas = {0.01, 0.05, 0.1, 0.3, 0.6};
    const Schedule s(p);
    QCOMPARE(s.T(), T);
    QCOMPARE(s.alphaBar(0), 1.0);
    QCOMPARE(s.beta(0), 0.0);

    double alphaBarPrev = 1.0;
    for (int t = 1; t <= T; ++t) {
        const double beta = referenceBeta(p, t);
        const double alpha = 1.0 - beta;
        const double alphaBar = alphaBarPrev * alpha;
        const QString at = QStringLiteral(" at t=%1").arg(t);
        COMPARE_REL(s.beta(t), beta, "beta" + at);
        COMPARE_REL(s.alpha(t), alpha, "alpha" + at);
        COMPARE_REL(s.alphaBar(t), alphaBar, "alpha_bar" + at);
        COMPARE_REL(s.sqrtAlphaBar(t), std::sqrt(alphaBar), "sqrt_alpha_bar" + at);
        COMPARE_REL(s.sqrtOneMinusAlphaBar(t), std::sqrt(1.0 - alphaBar), "sqrt_one_minus_alpha_bar" + at);
        COMPARE_REL(s.snr(t), alphaBar / (1.0 - alphaBar), "snr" + at);
        COMPARE_REL(s.posteriorVariance(t), beta * (1.0 - alphaBarPrev) / (1.0 - alphaBar),
                    "posterior_variance" + at);
        COMPARE_REL(s.posteriorMeanCoef1(t), beta * std::sqrt(alphaBarPrev) / (1.0 - alphaBar), "coef1" + at);
        COMPARE_REL(s.posteriorMeanCoef2(t), std::sqrt(alpha) * (1.0 - alphaBarPrev) / (1.0 - alphaBar),
                    "coef2" + at);
        alphaBarPrev = alphaBar;
    }
}

void TestSchedule::cosineAlphaBarIsTheSquaredCosine() {
    // Where β is not clipped the product telescopes: ᾱ_t = f(t)/f(0) (Nichol & Dhariwal 2021, Eq. 17).
    const int T = 1000;
    const Schedule s(params(ScheduleKind::Cosine, T));
    auto f = [&](double t) {
        const double c = std::cos((t / T + 0.008) / 1.008 * std::numbers::pi / 2);
        return c * c;
    };
    int checked = 0;
    for (int t = 1; t <= T && s.beta(t) < 0.999; ++t, ++checked)
        COMPARE_REL(s.alphaBar(t), f(t) / f(0), QStringLiteral("alpha_bar at t=%1").arg(t));
    QVERIFY(checked > 990);
    QCOMPARE(s.beta(T), 0.999);  // the last step is clipped
}

void TestSchedule::sigmoidIsSymmetricAroundItsMidpoint() {
    const int T = 101;
    const double b0 = 1e-4, b1 = 0.02;
    const Schedule s(params(ScheduleKind::Sigmoid, T, b0, b1));
    COMPARE_REL(s.beta(51), b0 + (b1 - b0) / 2, "beta at the midpoint");
    for (int t = 1; t <= T; ++t) COMPARE_REL(s.beta(t) + s.beta(T + 1 - t), 2 * b0 + (b1 - b0), "symmetry");
    QVERIFY(s.beta(1) > b0 && s.beta(T) < b1);
}

void TestSchedule::customControlPointsInterpolateLinearly() {
    ScheduleParams p = params(ScheduleKind::Custom, 11);
    p.customControlPoints = {{0.0, 0.01}, {0.5, 0.11}, {1.0, 0.21}};
    const Schedule s(p);
    for (int t = 1; t <= 11; ++t)
        COMPARE_REL(s.beta(t), 0.01 + 0.02 * (t - 1), QStringLiteral("beta at t=%1").arg(t));
    p.customControlPoints = {{0.2, 0.05}, {0.4, 0.15}};  // held constant outside the points
    const Schedule held(p);
    COMPARE_REL(held.beta(1), 0.05, "before the first point");
    COMPARE_REL(held.beta(4), 0.10, "between the points (u = 0.3)");
    COMPARE_REL(held.beta(11), 0.15, "after the last point");
}

void TestSchedule::zeroTerminalSnrRescalesSqrtAlphaBar() {
    ScheduleParams p = params(ScheduleKind::Linear, 1000, 0.00085, 0.012);
    const Schedule plain(p);
    p.zeroTerminalSnr = true;
    const Schedule zero(p);
    const double first = plain.sqrtAlphaBar(1), last = plain.sqrtAlphaBar(1000);
    QCOMPARE(zero.alphaBar(1000), 0.0);
    QCOMPARE(zero.snr(1000), 0.0);
    QCOMPARE(zero.beta(1000), 1.0);
    COMPARE_REL(zero.alphaBar(1), plain.alphaBar(1), "alpha_bar_1 unchanged");
    for (int t = 1; t < 1000; ++t) {
        const double expected = (plain.sqrtAlphaBar(t) - last) * first / (first - last);
        if (std::abs(zero.sqrtAlphaBar(t) - expected) > 1e-12)
            QFAIL(qPrintable(QStringLiteral("sqrt(alpha_bar) at t=%1: %2 vs %3")
                                 .arg(t)
                                 .arg(zero.sqrtAlphaBar(t))
                                 .arg(expected)));
    }
}

void TestSchedule::posteriorIsConsistentWithMarginals() {
    // q(x_{t−1}|x_t, x_0) averaged over x_t must give back q(x_{t−1}|x_0):
    // mean  coef1 + coef2·√ᾱ_t = √ᾱ_{t−1}, variance coef2²(1−ᾱ_t) + β̃_t = 1 − ᾱ_{t−1}.
    for (ScheduleKind kind : {ScheduleKind::Linear, ScheduleKind::Cosine, ScheduleKind::Sigmoid}) {
        const Schedule s(params(kind, 300));
        for (int t = 1; t <= 300; ++t) {
            const double c1 = s.posteriorMeanCoef1(t), c2 = s.posteriorMeanCoef2(t);
            QVERIFY(std::abs(c1 + c2 * s.sqrtAlphaBar(t) - s.sqrtAlphaBar(t - 1)) < 1e-12);
            QVERIFY(std::abs(c2 * c2 * (1 - s.alphaBar(t)) + s.posteriorVariance(t) -
                             (1 - s.alphaBar(t - 1))) < 1e-12);
        }
        QCOMPARE(s.posteriorVariance(1), 0.0);
        COMPARE_REL(s.posteriorMeanCoef1(1), 1.0, "coef1 at t=1");
    }
}

void TestSchedule::singleStepSchedule() {
    const Schedule s(params(ScheduleKind::Linear, 1, 0.3, 0.5));
    COMPARE_REL(s.beta(1), 0.3, "T = 1 uses beta_start");
    COMPARE_REL(s.alphaBar(1), 0.7, "alpha_bar");
}

void TestSchedule::rejectsImpossibleParameters_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("T");
    QTest::addColumn<double>("b0");
    QTest::addColumn<double>("b1");
    QTest::addColumn<bool>("zeroSnr");
    QTest::addColumn<QString>("mentions");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("T=0") << int(ScheduleKind::Linear) << 0 << 1e-4 << 0.02 << false << "T must be";
    QTest::newRow("T too big") << int(ScheduleKind::Linear) << 10001 << 1e-4 << 0.02 << false << "T must be";
    QTest::newRow("beta_start=0") << int(ScheduleKind::Linear) << 10 << 0.0 << 0.02 << false << "beta_start";
    QTest::newRow("beta_start<0") << int(ScheduleKind::Sigmoid) << 10 << -0.1 << 0.02 << false
                                  << "beta_start";
    QTest::newRow("beta_end=1") << int(ScheduleKind::Linear) << 10 << 1e-4 << 1.0 << false << "beta_end";
    QTest::newRow("beta_end NaN") << int(ScheduleKind::ScaledLinear) << 10 << 1e-4 << nan << false
                                  << "beta_end";
    QTest::newRow("start>end") << int(ScheduleKind::Linear) << 10 << 0.2 << 0.02 << false
                               << "must not exceed";
    QTest::newRow("zero-snr T=1") << int(ScheduleKind::Linear) << 1 << 1e-4 << 0.02 << true
                                  << "zero terminal SNR";
    QTest::newRow("custom empty") << int(ScheduleKind::Custom) << 10 << 1e-4 << 0.02 << false
                                  << "custom schedule";
}

void TestSchedule::rejectsImpossibleParameters() {
    QFETCH(int, kind);
    QFETCH(int, T);
    QFETCH(double, b0);
    QFETCH(double, b1);
    QFETCH(bool, zeroSnr);
    QFETCH(QString, mentions);
    ScheduleParams p = params(ScheduleKind(kind), T, b0, b1);
    p.zeroTerminalSnr = zeroSnr;
    const auto problem = Schedule::validate(p);
    QVERIFY(problem.has_value());
    QVERIFY2(QString::fromStdString(*problem).contains(mentions), problem->c_str());
    QVERIFY_THROWS_EXCEPTION(dl::Error, Schedule{p});
}

void TestSchedule::kindNamesRoundTrip() {
    for (ScheduleKind k : {ScheduleKind::Linear, ScheduleKind::ScaledLinear, ScheduleKind::Cosine,
                           ScheduleKind::Sigmoid, ScheduleKind::Custom})
        QCOMPARE(dl::scheduleKindFromName(dl::scheduleKindName(k)), k);
    QVERIFY(!dl::scheduleKindFromName("exponential"));
    // Cosine ignores the β range, so an out-of-range value there is not an error.
    QVERIFY(!Schedule::validate(params(ScheduleKind::Cosine, 10, 2.0, 3.0)));
}

QTEST_APPLESS_MAIN(TestSchedule)
#include "tst_schedule.moc"
