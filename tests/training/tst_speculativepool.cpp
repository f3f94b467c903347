// The speculative pool (core/training/speculativepool.h): every chunk of every job is published exactly
// once with the right result, whichever threads compute it and however often; and a thread stopped in
// the middle of a chunk does not hold the job up: the calling thread computes that chunk itself, the
// job returns while the stopped thread is still inside it, later jobs run, and the pool shuts down
// once the thread goes on.
#include <QTest>
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/training/speculativepool.h"

namespace {

constexpr int kMaxChunks = 64;

/// What a test job computes: chunk c of a job with input v gives v·1000 + c.
struct Jobs {
    explicit Jobs(int threads) : scratch(static_cast<std::size_t>(threads), std::vector<long>(kMaxChunks)) {}
    long input[dl::SpeculativePool::kRingSize] = {};
    std::vector<long> output[dl::SpeculativePool::kRingSize];
    std::vector<std::vector<long>> scratch;  // per thread slot
    std::atomic<long> publications{0};

    void compute(int ring, int chunk, int slot) {
        scratch[static_cast<std::size_t>(slot)][chunk] = input[ring] * 1000 + chunk;
    }
    void publish(int ring, int chunk, int slot) {
        output[ring][static_cast<std::size_t>(chunk)] = scratch[static_cast<std::size_t>(slot)][chunk];
        publications.fetch_add(1, std::memory_order_relaxed);
    }

    /// Runs a job of `chunks` chunks with input `value` on `pool`; returns the ring entry it used (set
    /// before run can throw).
    int run(dl::SpeculativePool& pool, long value, int chunks, int& usedRing) {
        pool.run(chunks, [&](int ring) {
            usedRing = ring;
            input[ring] = value;
            output[ring].assign(static_cast<std::size_t>(chunks), -1);
        });
        return usedRing;
    }
    int run(dl::SpeculativePool& pool, long value, int chunks) {
        int usedRing = -1;
        return run(pool, value, chunks, usedRing);
    }
    /// The first chunk of the job in `ring` whose output is not value·1000 + chunk, or −1.
    int firstWrongChunk(int ring, long value) const {
        const std::vector<long>& out = output[ring];
        for (std::size_t c = 0; c < out.size(); ++c)
            if (out[c] != value * 1000 + static_cast<long>(c)) return static_cast<int>(c);
        return -1;
    }
};

}  // namespace

class TestSpeculativePool : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyChunkPublishedOnce_data();
    void everyChunkPublishedOnce();
    void aStoppedThreadDoesNotHoldTheJob();
    void exceptionsReachTheCaller();
};

void TestSpeculativePool::everyChunkPublishedOnce_data() {
    QTest::addColumn<int>("threads");
    QTest::newRow("2 threads") << 2;
    QTest::newRow("4 threads") << 4;
}

void TestSpeculativePool::everyChunkPublishedOnce() {
    QFETCH(int, threads);
    Jobs jobs(threads);
    long expectedPublications = 0;
    {
        dl::SpeculativePool pool(
            threads, [&](int ring, int chunk, int slot) { jobs.compute(ring, chunk, slot); },
            [&](int ring, int chunk, int slot) { jobs.publish(ring, chunk, slot); });
        QCOMPARE(pool.threads(), threads);
        for (long job = 1; job <= 3000; ++job) {
            const int chunks = static_cast<int>(1 + job % kMaxChunks);
            const int ring = jobs.run(pool, job, chunks);
            QVERIFY(ring >= 0);
            QCOMPARE(static_cast<int>(jobs.output[ring].size()), chunks);
            QCOMPARE(jobs.firstWrongChunk(ring, job), -1);
            expectedPublications += chunks;
        }
    }
    QCOMPARE(jobs.publications.load(), expectedPublications);
}

void TestSpeculativePool::aStoppedThreadDoesNotHoldTheJob() {
    Jobs jobs(2);
    std::atomic<bool> stopWorker{true}, workerStopped{false}, workerInside{false}, release{false};
    auto waitFor = [](const std::atomic<bool>& flag) {
        const auto start = std::chrono::steady_clock::now();
        while (!flag.load() && std::chrono::steady_clock::now() - start < std::chrono::seconds(20))
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        return flag.load();
    };
    dl::SpeculativePool pool(
        2,
        [&](int ring, int chunk, int slot) {
            if (slot == 1 && stopWorker.exchange(false)) {
                // The scheduler stopping the worker inside its chunk, until the test lets it go on.
                workerInside.store(true);
                workerStopped.store(true);
                waitFor(release);
                workerInside.store(false);
            } else if (slot == 0 && !workerStopped.load()) {
                waitFor(workerStopped);  // the first job: make sure the worker has taken a chunk
            }
            jobs.compute(ring, chunk, slot);
        },
        [&](int ring, int chunk, int slot) { jobs.publish(ring, chunk, slot); });
    for (long job = 1; job <= 3; ++job) {
        const int ring = jobs.run(pool, job, 8);
        QVERIFY2(workerStopped.load(), "the worker never took a chunk");
        QCOMPARE(jobs.firstWrongChunk(ring, job), -1);
    }
    // Three jobs done (fewer than the ring's entries) while the worker is still inside the first one
    // (a pool that waited for it would have returned only when its wait for release timed out).
    QVERIFY(workerInside.load());
    release.store(true);
    for (long job = 4; job <= 50; ++job) QCOMPARE(jobs.firstWrongChunk(jobs.run(pool, job, 8), job), -1);
    QCOMPARE(jobs.publications.load(), 50L * 8);
}

// A chunk that throws, on whichever thread: the worker's copy is dropped, the calling thread meets the
// error and run rethrows it, with no chunk published into the job's output after that; later jobs run.
void TestSpeculativePool::exceptionsReachTheCaller() {
    Jobs jobs(3);
    dl::SpeculativePool pool(
        3,
        [&](int ring, int chunk, int slot) {
            if (jobs.input[ring] == 7 && chunk == 5) throw std::runtime_error("chunk 5 failed");
            jobs.compute(ring, chunk, slot);
        },
        [&](int ring, int chunk, int slot) { jobs.publish(ring, chunk, slot); });
    for (long job = 1; job <= 300; ++job) {
        int usedRing = -1;
        bool caught = false;
        try {
            jobs.run(pool, job % 50, 12, usedRing);
        } catch (const std::runtime_error& e) {
            caught = QString(e.what()) == "chunk 5 failed";
        }
        QCOMPARE(caught, job % 50 == 7);
        if (caught) {
            // Nothing is written after run has left: the output as it stands is final.
            const std::vector<long> seen = jobs.output[usedRing];
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            QVERIFY(jobs.output[usedRing] == seen);
            QCOMPARE(seen[5], -1L);
            continue;
        }
        QCOMPARE(jobs.firstWrongChunk(usedRing, job % 50), -1);
    }
}

QTEST_GUILESS_MAIN(TestSpeculativePool)
#include "tst_speculativepool.moc"
