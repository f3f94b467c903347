// The worker pool: every part runs exactly once per run whichever thread claims it, runs follow each
// other without mixing parts of two runs, one thread runs everything inline, and an exception in any part
// reaches the caller and leaves the pool usable.
#include <QTest>
#include <atomic>
#include <stdexcept>
#include <vector>

#include "core/training/workerpool.h"

class TestWorkerPool : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyPartOncePerRun_data();
    void everyPartOncePerRun();
    void exceptionsReachTheCaller();
};

void TestWorkerPool::everyPartOncePerRun_data() {
    QTest::addColumn<int>("threads");
    QTest::newRow("1 thread") << 1;
    QTest::newRow("2 threads") << 2;
    QTest::newRow("4 threads") << 4;
}

void TestWorkerPool::everyPartOncePerRun() {
    QFETCH(int, threads);
    dl::WorkerPool pool(threads);
    QCOMPARE(pool.threads(), threads);
    std::vector<std::atomic<int>> count(threads);
    for (int run = 0; run < 2000; ++run) {
        std::vector<int> seen(threads, 0);
        pool.run([&](int k) {
            ++seen[k];
            count[k].fetch_add(1, std::memory_order_relaxed);
        });
        for (int k = 0; k < threads; ++k) QCOMPARE(seen[k], 1);
    }
    for (int k = 0; k < threads; ++k) QCOMPARE(count[k].load(), 2000);
}

void TestWorkerPool::exceptionsReachTheCaller() {
    dl::WorkerPool pool(3);
    bool caught = false;
    try {
        pool.run([](int k) {
            if (k == 2) throw std::runtime_error("part 2 failed");
        });
    } catch (const std::runtime_error& e) {
        caught = QString(e.what()) == "part 2 failed";
    }
    QVERIFY(caught);
    std::atomic<int> parts{0};
    pool.run([&](int) { parts.fetch_add(1); });
    QCOMPARE(parts.load(), 3);
}

QTEST_APPLESS_MAIN(TestWorkerPool)
#include "tst_workerpool.moc"
