// The worker pool: every part runs exactly once per run whichever thread claims it, runs follow each
// other without mixing parts of two runs, one thread runs everything inline, and an exception in any part
// reaches the caller and leaves the pool usable. With more parts than threads, every part still runs once,
// on a slot in 0..threads−1 that no other part uses at the same time, and runs of different sizes follow
// each other. Part 0 always runs on the calling thread, so a part's data stays in one core's cache.
#include <QTest>
#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/math/error.h"
#include "core/training/workerpool.h"

class TestWorkerPool : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyPartOncePerRun_data();
    void everyPartOncePerRun();
    void partZeroRunsOnTheCaller();
    void exceptionsReachTheCaller();
    void morePartsThanThreads_data();
    void morePartsThanThreads();
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

void TestWorkerPool::partZeroRunsOnTheCaller() {
    // Between runs the worker spins, so it sees each new run at once; before part 0 was claimed for the
    // caller, the worker took it in 221 of these 5,000 runs.
    dl::WorkerPool pool(2);
    const std::thread::id caller = std::this_thread::get_id();
    int elsewhere = 0, wrongSlot = 0;
    for (int run = 0; run < 5000; ++run) {
        std::thread::id ranOn;
        int slotOfPartZero = -1;
        pool.run(2, [&](int part, int slot) {
            if (part != 0) return;
            ranOn = std::this_thread::get_id();
            slotOfPartZero = slot;
        });
        elsewhere += ranOn != caller;
        wrongSlot += slotOfPartZero != 0;
    }
    QCOMPARE(elsewhere, 0);
    QCOMPARE(wrongSlot, 0);
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

void TestWorkerPool::morePartsThanThreads_data() {
    QTest::addColumn<int>("threads");
    QTest::newRow("1 thread") << 1;
    QTest::newRow("2 threads") << 2;
    QTest::newRow("3 threads") << 3;
}

void TestWorkerPool::morePartsThanThreads() {
    QFETCH(int, threads);
    dl::WorkerPool pool(threads);
    std::vector<std::atomic<int>> busy(threads);  // parts running on each slot right now
    std::atomic<int> overlaps{0}, badSlots{0};
    // Many runs, because the part count grows from one run to the next: a worker still looking at the
    // last run's claim while this one is set up once took a part past the last run's end.
    for (int run = 0; run < 5000; ++run) {
        const int parts = 1 + run % 13;  // fewer, as many and more parts than threads, in turn
        std::vector<std::atomic<int>> seen(parts);
        pool.run(parts, [&](int part, int slot) {
            if (slot < 0 || slot >= threads) {
                badSlots.fetch_add(1);
                return;
            }
            if (busy[slot].fetch_add(1) != 0) overlaps.fetch_add(1);
            seen[part].fetch_add(1);
            busy[slot].fetch_sub(1);
        });
        for (int p = 0; p < parts; ++p) QCOMPARE(seen[p].load(), 1);
    }
    QCOMPARE(badSlots.load(), 0);
    QCOMPARE(overlaps.load(), 0);
    bool threw = false;
    try {
        pool.run(0, [](int, int) {});
    } catch (const dl::Error&) {
        threw = true;
    }
    QVERIFY(threw);
}

QTEST_APPLESS_MAIN(TestWorkerPool)
#include "tst_workerpool.moc"
