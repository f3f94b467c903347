// The bench's reading of the host's steal time from /proc/stat lines.
#include <QTest>

#include "app/cli/hoststeal.h"

class TestHostSteal : public QObject {
    Q_OBJECT
private slots:
    void readsTheAggregateLine() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        const auto ticks =
            dlcli::parseCpuTicks("cpu  7356866 1385945 1063489 3190248 17737 0 3686 7929 50 0");
        QVERIFY(ticks.has_value());
        QCOMPARE(ticks->steal, 7929LL);
        // Guest time is part of user already; the total counts the first eight fields only.
        QCOMPARE(ticks->total, 7356866LL + 1385945 + 1063489 + 3190248 + 17737 + 0 + 3686 + 7929);
    }

    void refusesOtherLinesAndShortOnes() {
        QVERIFY(!dlcli::parseCpuTicks("cpu0 3529896 703008 505476 1762769 6228 0 419 4030 0 0"));
        QVERIFY(!dlcli::parseCpuTicks("intr 1234 5 6"));
        QVERIFY(!dlcli::parseCpuTicks("cpu  4705 356 584 3699 23 23 0"));  // no steal field
        QVERIFY(!dlcli::parseCpuTicks("cpu  4705 356 -584 3699 23 23 0 0"));
        QVERIFY(!dlcli::parseCpuTicks(""));
    }

    void shareIsStolenOverAllTicks() {
        const dlcli::CpuTicks before{1000, 10};
        const dlcli::CpuTicks after{1200, 60};
        QCOMPARE(dlcli::stealShare(before, after), 0.25);
        QCOMPARE(dlcli::stealShare(before, before), 0.0);  // no tick passed
    }

    void readsThisMachine() {
        const dlcli::CpuTicks now = dlcli::readCpuTicks();
        if (now.total == 0) QSKIP("no /proc/stat here");
        QVERIFY(now.steal >= 0);
        QVERIFY(now.steal <= now.total);
    }
};

QTEST_GUILESS_MAIN(TestHostSteal)
#include "tst_hoststeal.moc"
