// Schedule diagnostics: each of the four problems is reported on a schedule known to have it, not on
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
        QVERIFY(!has(dl::diagnoseSchedule(dl::Schedule(*ds.front().fix), 10.0),
                     ScheduleDiagnosticCode::DataScale));
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

    // Linear β 0.0333..0.999 at T = 3 (what the cosine's "Use T = 3" and then its fix led to): the rise is
    // measured over two steps, and the warning said β jumped from 0.0333 to 0.999 "just before t = 3"
    // while β_2 is 0.516. It names both ends now. Its button offered "linear β 0.0333..0.999", the
    // schedule in use, which clicked did nothing: no fix is offered that is the schedule itself or jumps.
    void smallTJumpNamesBothEndsAndOffersNoSelfFix() {
        const dl::Schedule s(params(ScheduleKind::Linear, 3, 1e-4 * 1000.0 / 3.0, 0.999));
        const auto ds = dl::diagnoseSchedule(s);
        QVERIFY2(has(ds, ScheduleDiagnosticCode::LateBetaJump), qPrintable(describe(ds)));
        const auto& d = ds.back();
        QCOMPARE(d.step, 3);
        QCOMPARE(d.stepBefore, 1);
        QCOMPARE(d.before, s.beta(1));
        QCOMPARE(d.value, s.beta(3));
        QVERIFY2(QString::fromStdString(d.message).contains(QStringLiteral("at t = 1 to")),
                 d.message.c_str());
        QVERIFY2(!d.fix.has_value(), d.fixLabel.c_str());
    }

    // Every late-jump fix offered, over kinds and lengths, is another schedule and one without the jump.
    void lateJumpFixesDoNotJump() {
        for (const ScheduleKind kind : {ScheduleKind::Linear, ScheduleKind::Cosine, ScheduleKind::Sigmoid})
            for (const int T : {3, 5, 10, 50, 200, 1000}) {
                ScheduleParams p = params(kind, T);
                if (kind == ScheduleKind::Linear) p.betaEnd = 0.9;
                if (dl::Schedule::validate(p)) continue;
                const dl::Schedule s(p);
                for (const auto& d : dl::diagnoseSchedule(s)) {
                    if (d.code != ScheduleDiagnosticCode::LateBetaJump || !d.fix) continue;
                    QVERIFY(!(*d.fix == p));
                    const auto after = dl::diagnoseSchedule(dl::Schedule(*d.fix));
                    QVERIFY2(!has(after, ScheduleDiagnosticCode::LateBetaJump),
                             qPrintable(QStringLiteral("T = %1: %2").arg(T).arg(describe(after))));
                }
            }
    }

    void zeroSnrLastStepIsNotAJump() {
        ScheduleParams p = params(ScheduleKind::Linear, 1000);
        p.zeroTerminalSnr = true;
        const dl::Schedule s(p);
        QCOMPARE(s.beta(1000), 1.0);
        const auto ds = dl::diagnoseSchedule(s, 2.0);
        QVERIFY2(ds.empty(), qPrintable(describe(ds)));
    }

    // The training preset's β range (0.001..0.133, meant for T = 150) over T = 1000: ᾱ < 2⁻²⁴ from t = 490,
    // so 511 of the 1000 steps are pure noise. The fix keeps T and removes the problem without raising
    // another.
    void underflowBeforeTWastesSteps() {
        const dl::Schedule s(params(ScheduleKind::Linear, 1000, 1e-3, 0.133));
        QCOMPARE(dl::firstUnderflowStep(s), std::optional<int>(490));
        QVERIFY(s.alphaBar(489) >= dl::kUnderflowAlphaBar && s.alphaBar(490) < dl::kUnderflowAlphaBar);
        const auto ds = dl::diagnoseSchedule(s, 2.0);
        QCOMPARE(ds.size(), std::size_t{1});
        const dl::ScheduleDiagnostic& d = ds.front();
        QCOMPARE(d.code, ScheduleDiagnosticCode::AlphaBarUnderflow);
        QCOMPARE(d.step, 490);
        QCOMPARE(d.value, 0.511);
        QVERIFY2(QString::fromStdString(d.message).contains("511 steps"), d.message.c_str());
        QVERIFY(d.fix.has_value());
        QCOMPARE(d.fixKind, dl::ScheduleDiagnostic::FixKind::OtherKind);
        QCOMPARE(d.fix->T, 1000);
        const auto after = dl::diagnoseSchedule(dl::Schedule(*d.fix), 2.0);
        QVERIFY2(after.empty(), qPrintable(describe(after)));
    }

    // Zero terminal SNR whose rescaled ᾱ is 0 from t = 3176 of 4000: reported, and the fix keeps zero SNR.
    void underflowWithZeroSnrKeepsZeroSnrInTheFix() {
        ScheduleParams p = params(ScheduleKind::Sigmoid, 4000, 1e-5, 0.5);
        p.zeroTerminalSnr = true;
        const auto ds = dl::diagnoseSchedule(dl::Schedule(p));
        QVERIFY2(has(ds, ScheduleDiagnosticCode::AlphaBarUnderflow), qPrintable(describe(ds)));
        const dl::ScheduleDiagnostic& d = ds.front();
        QVERIFY(d.step < 3176);  // below 2⁻²⁴ before it is exactly 0
        QVERIFY(d.fix && d.fix->zeroTerminalSnr && d.fix->T == 4000);
        const dl::Schedule fixed(*d.fix);
        QCOMPARE(fixed.alphaBar(4000), 0.0);
        QVERIFY(!has(dl::diagnoseSchedule(fixed), ScheduleDiagnosticCode::AlphaBarUnderflow));
    }

    // A few noise-only steps at the very end are normal (cosine ends below the floor, zero SNR ends at 0).
    void lastStepsBelowTheFloorAreNotReported_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("T");
        QTest::addColumn<bool>("zeroSnr");
        QTest::newRow("cosine T=1000") << int(ScheduleKind::Cosine) << 1000 << false;
        QTest::newRow("cosine T=10000") << int(ScheduleKind::Cosine) << 10000 << false;
        QTest::newRow("linear zero SNR T=1000") << int(ScheduleKind::Linear) << 1000 << true;
        QTest::newRow("linear zero SNR T=2") << int(ScheduleKind::Linear) << 2 << true;
    }
    void lastStepsBelowTheFloorAreNotReported() {
        QFETCH(int, kind);
        QFETCH(int, T);
        QFETCH(bool, zeroSnr);
        ScheduleParams p = params(ScheduleKind(kind), T);
        p.zeroTerminalSnr = zeroSnr;
        const dl::Schedule s(p);
        QVERIFY(dl::firstUnderflowStep(s).has_value());
        const auto ds = dl::diagnoseSchedule(s);
        QVERIFY2(!has(ds, ScheduleDiagnosticCode::AlphaBarUnderflow), qPrintable(describe(ds)));
    }
};

QTEST_APPLESS_MAIN(TestScheduleDiagnostics)
#include "tst_schedulediagnostics.moc"
