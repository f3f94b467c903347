// Timestep sub-sequences: the three diffusers spacings on cases small enough to check by hand (numpy's
// half-to-even rounding included), and the invariants every list must satisfy for all K ≤ T.
#include <QtTest>
#include <vector>

#include "core/math/error.h"
#include "core/sampling/timesteps.h"

using dl::TimestepSpacing;

Q_DECLARE_METATYPE(TimestepSpacing)
Q_DECLARE_METATYPE(std::vector<int>)

class TestTimesteps : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void byHand_data();
    void byHand();
    void descendingDistinctInRange();
    void rejectsBadCounts();
    void namesRoundTrip();
};

void TestTimesteps::byHand_data() {
    QTest::addColumn<int>("T");
    QTest::addColumn<int>("K");
    QTest::addColumn<TimestepSpacing>("spacing");
    QTest::addColumn<std::vector<int>>("expected");

    // linspace(0, 999, 10) = 0, 111, …, 999, plus 1.
    QTest::newRow("linspace 1000/10") << 1000 << 10 << TimestepSpacing::Linspace
                                      << std::vector<int>{1000, 889, 778, 667, 556, 445, 334, 223, 112, 1};
    // ⌊1000/10⌋ = 100: 0, 100, …, 900, plus 1.
    QTest::newRow("leading 1000/10") << 1000 << 10 << TimestepSpacing::Leading
                                     << std::vector<int>{901, 801, 701, 601, 501, 401, 301, 201, 101, 1};
    QTest::newRow("trailing 1000/10") << 1000 << 10 << TimestepSpacing::Trailing
                                      << std::vector<int>{1000, 900, 800, 700, 600, 500, 400, 300, 200, 100};
    // linspace(0, 49, 7) = 0, 8.17, 16.33, 24.5, 32.67, 40.83, 49 → 0, 8, 16, 24 (half to even), 33, 41, 49.
    QTest::newRow("linspace 50/7") << 50 << 7 << TimestepSpacing::Linspace
                                   << std::vector<int>{50, 42, 34, 25, 17, 9, 1};
    QTest::newRow("leading 50/7") << 50 << 7 << TimestepSpacing::Leading
                                  << std::vector<int>{43, 36, 29, 22, 15, 8, 1};
    // 50 − i·50/7 = 50, 42.86, 35.71, 28.57, 21.43, 14.29, 7.14.
    QTest::newRow("trailing 50/7") << 50 << 7 << TimestepSpacing::Trailing
                                   << std::vector<int>{50, 43, 36, 29, 21, 14, 7};
    QTest::newRow("linspace all") << 5 << 5 << TimestepSpacing::Linspace << std::vector<int>{5, 4, 3, 2, 1};
    QTest::newRow("leading all") << 5 << 5 << TimestepSpacing::Leading << std::vector<int>{5, 4, 3, 2, 1};
    QTest::newRow("trailing all") << 5 << 5 << TimestepSpacing::Trailing << std::vector<int>{5, 4, 3, 2, 1};
    QTest::newRow("linspace one") << 100 << 1 << TimestepSpacing::Linspace << std::vector<int>{1};
    QTest::newRow("trailing one") << 100 << 1 << TimestepSpacing::Trailing << std::vector<int>{100};
}

void TestTimesteps::byHand() {
    QFETCH(int, T);
    QFETCH(int, K);
    QFETCH(TimestepSpacing, spacing);
    QFETCH(std::vector<int>, expected);
    const std::vector<int> got = dl::samplingTimesteps(T, K, spacing);
    if (got != expected) {
        QString g, e;
        for (int v : got) g += QString::number(v) + ' ';
        for (int v : expected) e += QString::number(v) + ' ';
        QFAIL(qPrintable("got " + g + "expected " + e));
    }
}

void TestTimesteps::descendingDistinctInRange() {
    for (TimestepSpacing spacing :
         {TimestepSpacing::Linspace, TimestepSpacing::Leading, TimestepSpacing::Trailing}) {
        for (int T : {1, 2, 3, 7, 10, 50, 64, 99, 1000}) {
            for (int K = 1; K <= T; K += (T > 100 ? 37 : 1)) {
                const std::vector<int> ts = dl::samplingTimesteps(T, K, spacing);
                QCOMPARE(static_cast<int>(ts.size()), K);
                for (int i = 0; i < K; ++i) {
                    QVERIFY2(ts[i] >= 1 && ts[i] <= T,
                             qPrintable(QString("T=%1 K=%2 t=%3").arg(T).arg(K).arg(ts[i])));
                    if (i > 0)
                        QVERIFY2(ts[i] < ts[i - 1],
                                 qPrintable(QString("T=%1 K=%2 not descending").arg(T).arg(K)));
                }
                if (spacing != TimestepSpacing::Leading)
                    QCOMPARE(ts.front(), spacing == TimestepSpacing::Trailing || K > 1 ? T : 1);
                if (spacing != TimestepSpacing::Trailing) QCOMPARE(ts.back(), 1);
            }
        }
    }
}

void TestTimesteps::rejectsBadCounts() {
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::samplingTimesteps(10, 0, TimestepSpacing::Linspace));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::samplingTimesteps(10, 11, TimestepSpacing::Trailing));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::samplingTimesteps(0, 1, TimestepSpacing::Leading));
}

void TestTimesteps::namesRoundTrip() {
    for (TimestepSpacing s : {TimestepSpacing::Linspace, TimestepSpacing::Leading, TimestepSpacing::Trailing})
        QCOMPARE(dl::timestepSpacingFromName(dl::timestepSpacingName(s)), std::optional<TimestepSpacing>(s));
    QVERIFY(!dl::timestepSpacingFromName("uniform"));
}

QTEST_APPLESS_MAIN(TestTimesteps)
#include "tst_timesteps.moc"
