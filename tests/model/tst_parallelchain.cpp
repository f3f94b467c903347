// A reverse chain with the network split across threads gives the one-thread chain bit for bit, call
// after call: every chunk of rows is computed by one thread or, when the thread that started it is late,
// again by the calling thread, with the same arithmetic either way (core/training/speculativepool.h).
// Under ThreadSanitizer (label "threads") this is the predictor's pool at work on a real network.
#include <QTest>

#include "core/math/rng.h"
#include "core/model/mlp.h"
#include "core/model/modelpredictor.h"
#include "core/sampling/samplers.h"
#include "core/training/presets.h"

class TestParallelChain : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void threadsGiveTheOneThreadChain_data();
    void threadsGiveTheOneThreadChain();
};

void TestParallelChain::threadsGiveTheOneThreadChain_data() {
    QTest::addColumn<int>("precision");
    QTest::newRow("float32") << static_cast<int>(dl::ProductPrecision::Float32);
    QTest::newRow("fastest") << static_cast<int>(dl::fastestProductPrecision());
}

void TestParallelChain::threadsGiveTheOneThreadChain() {
    QFETCH(int, precision);
    const dl::MlpConfig config = dl::defaultMlpConfig();
    dl::ScheduleParams sp = dl::defaultTrainingSchedule();
    sp.T = 12;
    const dl::Schedule schedule(sp);
    dl::Mlp net(config);
    dl::Rng init(21);
    net.initialise(init);
    dl::SamplerParams params;
    params.trajectoryStride = 1;
    dl::Batch reference;
    for (const int threads : {1, 2, 3}) {
        const dl::Denoiser denoiser = dl::makeModelDenoiser(config, net.parameters(), schedule, threads,
                                                            static_cast<dl::ProductPrecision>(precision));
        dl::Rng rng(5);
        // 1,300 points: six chunks of rows, the last one short.
        const dl::SampleResult result = dl::sampleFromNoise(schedule, denoiser, 1300, 2, params, rng);
        QVERIFY(result.samples.allFinite());
        if (threads == 1)
            reference = result.samples;
        else
            QVERIFY2(result.samples == reference, qPrintable(QStringLiteral("%1 threads").arg(threads)));
    }
}

QTEST_GUILESS_MAIN(TestParallelChain)
#include "tst_parallelchain.moc"
