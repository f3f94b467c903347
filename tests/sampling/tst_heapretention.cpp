// retainFreedHeapMemory (heapretention.h): after it, memory the process frees in the pieces a reverse
// chain allocates is reused without new page faults; without it (glibc's defaults) the same free hands the
// pages back and the second round faults on all of them again. Minor faults are read from getrusage.
#include <sys/resource.h>

#include <QTest>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/sampling/heapretention.h"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define DL_SANITIZED_ALLOCATOR 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define DL_SANITIZED_ALLOCATOR 1
#endif
#endif

// Unused where a sanitizer replaces the allocator and the test skips.
namespace {

[[maybe_unused]] long minorFaults() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
}

/// Minor faults of allocating, touching and freeing `pieces` blocks of 16 KB (a chain's step records).
[[maybe_unused]] long faultsOfOneRound(int pieces) {
    std::vector<char*> blocks;
    blocks.reserve(static_cast<std::size_t>(pieces));
    const long before = minorFaults();
    for (int i = 0; i < pieces; ++i) {
        char* block = static_cast<char*>(std::malloc(16 * 1024));
        std::memset(block, i & 0xFF, 16 * 1024);
        blocks.push_back(block);
    }
    const long faults = minorFaults() - before;
    // Freed in reverse, so the heap's top chunk grows with each free, as when a result is dropped.
    for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) std::free(*it);
    return faults;
}

}  // namespace

class TestHeapRetention : public QObject {
    Q_OBJECT
private slots:
    void secondRunReusesTheFirstRunsPages();
};

void TestHeapRetention::secondRunReusesTheFirstRunsPages() {
#if !defined(__GLIBC__) || defined(DL_SANITIZED_ALLOCATOR)
    QSKIP("glibc's own allocator only");
#else
    constexpr int kPieces = 1088;  // 17 MB: the default preset's chain as the window records it
    const long defaultsFirst = faultsOfOneRound(kPieces);
    const long defaultsSecond = faultsOfOneRound(kPieces);
    QVERIFY2(dl::retainFreedHeapMemory(), "glibc refused the thresholds");
    const long retainedFirst = faultsOfOneRound(kPieces);
    const long retainedSecond = faultsOfOneRound(kPieces);
    qInfo("minor faults per round of 17 MB: defaults %ld then %ld; retained %ld then %ld", defaultsFirst,
          defaultsSecond, retainedFirst, retainedSecond);
    // 17 MB is ≈ 4,350 pages: glibc's defaults fault on most of them in every round.
    QVERIFY(defaultsSecond > 2000);
    QVERIFY(retainedSecond < defaultsSecond / 20);
#endif
}

QTEST_APPLESS_MAIN(TestHeapRetention)
#include "tst_heapretention.moc"
