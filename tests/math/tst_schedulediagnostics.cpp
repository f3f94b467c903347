// Schedule diagnostics: each of the three problems is reported on a schedule known to have it, not on
// schedules known to be fine, and every offered fix removes the problem it was offered for.
#include <QtTest>

#include <cmath>

#include "core/math/schedulediagnostics.h"

using dl::ScheduleDiagnosticCode;
using dl::ScheduleKind;
using dl::ScheduleParams;

namespace {

ScheduleParams params(ScheduleKind kind, int T, double b0 = 1e-4, double b1 = 0.02) {
    ScheduleParams p;
    p.kind = kind;
    p.T = T;
    p.betaStart = b0;
    p.betaEnd = b1;
    return p;
}

bool has(const std::vector<dl::ScheduleDiagnostic>& ds, ScheduleDiagnosticCode code) {
    for (const auto& d : ds)
        if (d.code == code) return true;
    return false;
}

QString describe(const std::vector<dl::ScheduleDiagnostic>& ds) {
    QStringList lines;
    for (const auto& d : ds) lines << QString::fromStdString(d.message + " [" + d.fixLabel + "]");
    return lines.join(QStringLiteral("; "));
}

}  // namespace

class TestScheduleDiagnostics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void healthySchedulesAreQuiet_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("T");
        QTest::addColumn<double>("b0");
        QTest::addColumn<double>("b1");
        QTest::newRow("Ho linear T=1000") << int(ScheduleKind::Linear) << 1000 << 1e-4 << 0.02;
        QTest::newRow("app default linear T=100") << int(ScheduleKind::Linear) << 100 << 1e-3 << 0.2;
        QTest::newRow("scaled linear T=1000") << int(ScheduleKind::ScaledLinear) << 1000 << 1e-4 << 0.04;
    }
    void healthySchedulesAreQuiet() {
        QFETCH(int, kind);
        QFETCH(int, T);
        QFETCH(double, b0);
        QFETCH(double, b1);
        const dl::Schedule s(params(ScheduleKind(kind), T, b0, b1));
        const auto ds = dl::diagnoseSchedule(s, 2.0);
        QVERIFY2(ds.empty(), qPrintable(describe(ds)));
    }

    void shortScheduleKeepsSignalAndMoreStepsFixIt() {
        const dl::Schedule s(params(ScheduleKind::Linear, 50));  // ᾱ_T ≈ 0.95
        const auto ds = dl::diagnoseSchedule(s);
        QVERIFY(has(ds, ScheduleDiagnosticCode::TerminalSignal));
        const dl::ScheduleDiagnostic& d = ds.front();
        QCOMPARE(d.code, ScheduleDiagnosticCode::TerminalSignal);
        QVERIFY(std::abs(d.value - std::sqrt(s.alphaBar(50))) < 1e-12);
        QVERIFY(d.fix.has_value());
        QCOMPARE(d.fixKind, dl::ScheduleDiagnostic::FixKind::MoreSteps);
        const dl::Schedule fixed(*d.fix);
        QVERIFY(!has(dl::diagnoseSchedule(fixed), ScheduleDiagnosticCode::TerminalSignal));
        // The fix is the smallest T that works: one step fewer still fails.
        ScheduleParams shorter = *d.fix;
        shorter.T -= 1;
        QVERIFY(has(dl::diagnoseSchedule(dl::Schedule(shorter)), ScheduleDiagnosticCode::TerminalSignal));
    }

    void tinyBetasOfferZeroTerminalSnr() {
        // β so small that even T = 10000 keeps signal: only zero terminal SNR helps.
        const dl::Schedule s(params(ScheduleKind::Linear, 100, 1e-6, 1e-5));
        const auto ds = dl::diagnoseSchedule(s);
        QVERIFY(!ds.empty());
        QCOMPARE(ds.front().fixKind, dl::ScheduleDiagnostic::FixKind::ZeroTerminalSnr);
        const dl::Schedule fixed(*ds.front().fix);
        QCOMPARE(fixed.alphaBar(100), 0.0);
        QVERIFY(!has(dl::diagnoseSchedule(fixed), ScheduleDiagnosticCode::TerminalSignal));
    }

    void wideDataNeedMoreSteps() {
        // Fine for unit-scale data (√ᾱ_T ≈ 0.02), not for data reaching |x| = 10.
        const dl::Schedule s(params(ScheduleKind::Linear, 100, 1e-3, 0.15));
        QVERIFY(dl::diagnoseSchedule(s, 1.0).empty());
        const auto ds = dl::diagnoseSchedule(s, 10.0);
        QVERIFY2(has(ds, ScheduleDiagnosticCode::DataScale), qPrintable(describe(ds)));
        QVERIFY(ds.front().fix.has_value());
        QVERIFY(ds.front().fix->T > 100);
        QVERIFY(!has(dl::diagnoseSchedule(dl::Schedule(*ds.front().fix), 10.0), ScheduleDiagnosticCode::DataScale));
    }

    void cosineJumpsAtTheEnd() {
        const dl::Schedule s(params(ScheduleKind::Cosine, 1000));
        const auto ds = dl::diagnoseSchedule(s);
        QVERIFY2(has(ds, ScheduleDiagnosticCode::LateBetaJump), qPrintable(describe(ds)));
        const auto& d = ds.back();
        QVERIFY(d.step > 900);
        QVERIFY(d.value - d.before > dl::kLateJumpRise);
        QVERIFY(d.fix.has_value());
        const auto after = dl::diagnoseSchedule(dl::Schedule(*d.fix));
        QVERIFY2(after.empty(), qPrintable(describe(after)));
    }

    void zeroSnrLastStepIsNotAJump() {
        ScheduleParams p = params(ScheduleKind::Linear, 1000);
        p.zeroTerminalSnr = true;
        const dl::Schedule s(p);
        QCOMPARE(s.beta(1000), 1.0);
        const auto ds = dl::diagnoseSchedule(s, 2.0);
        QVERIFY2(ds.empty(), qPrintable(describe(ds)));
    }
};

QTEST_APPLESS_MAIN(TestScheduleDiagnostics)
#include "tst_schedulediagnostics.moc"
