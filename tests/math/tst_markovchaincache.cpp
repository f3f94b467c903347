// dl::MarkovChainCache: the stepwise forward chain with bounded checkpoints gives exactly the states of
// stepping every t in order, whatever order they are asked in, and its x_T has the marginal's variance; a
// walk stopped part-way (the window's worker moving on) leaves it consistent.
#include <QtTest>
#include <atomic>
#include <chrono>
#include <cmath>
#include <memory>
#include <thread>
#include <vector>

#include "core/data/progress.h"
#include "core/math/forwardprocess.h"
#include "core/math/markovchaincache.h"
#include "core/math/rng.h"
#include "core/math/schedule.h"

class TestMarkovChainCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void markovChainCacheIsConsistent() {
        dl::ScheduleParams p;
        p.T = 50;
        p.betaStart = 1e-3;
        p.betaEnd = 0.2;
        const dl::Schedule schedule(p);
        auto x0 = std::make_shared<dl::Batch>(200, 2);
        dl::Rng(1).fillNormal(*x0);
        // Reference: every step in order, with ε_t from Rng(seed).split(t).
        std::vector<dl::Batch> reference{*x0};
        for (int t = 1; t <= 50; ++t) {
            dl::Batch eps(200, 2);
            dl::Rng(42).split(t).fillNormal(eps);
            reference.push_back(dl::markovStep(schedule, reference.back(), t, eps));
        }
        // A budget of ~6 states forces checkpoints every few steps.
        dl::MarkovChainCache chain(schedule, x0, 42, 6 * 400);
        QVERIFY(chain.checkpointStride() > 1);
        for (int t : {50, 3, 17, 18, 0, 49, 25, 25, 1}) {
            const dl::Batch& x = chain.stateAt(t);
            QVERIFY2(x == reference[t], qPrintable(QStringLiteral("t=%1 differs").arg(t)));
        }
        // The chain's marginal matches the closed form's in distribution: variance of x_T near 1 for x0 ~
        // N(0, I).
        const dl::Batch& xT = chain.stateAt(50);
        const double var = xT.cast<double>().squaredNorm() / xT.size();
        QVERIFY2(std::abs(var - 1.0) < 0.15, qPrintable(QString::number(var)));
    }

    void aStoppedWalkLeavesTheCacheConsistent() {
        // The window's worker stops a long walk when the view moves on or closes: a set flag throws
        // dl::Cancelled, wherever the walk is, and every later state is still the chain's.
        dl::ScheduleParams p;
        p.T = 400;
        const dl::Schedule schedule(p);
        auto x0 = std::make_shared<dl::Batch>(3000, 2);
        dl::Rng(3).fillNormal(*x0);
        dl::MarkovChainCache reference(schedule, x0, 7);
        dl::MarkovChainCache chain(schedule, x0, 7, 20 * 6000);  // a checkpoint every ~20 steps

        std::atomic<bool> stop{true};
        QVERIFY_THROWS_EXCEPTION(dl::Cancelled, chain.stateAt(300, &stop));  // before any step
        QVERIFY(chain.stateAt(35) == reference.stateAt(35));
        QVERIFY_THROWS_EXCEPTION(dl::Cancelled, chain.stateAt(38, &stop));  // continuing from t = 35

        // Stopped at some point of the walk by another thread (where exactly does not matter).
        stop = false;
        std::thread stopper([&stop] {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            stop = true;
        });
        try {
            chain.stateAt(400, &stop);
        } catch (const dl::Cancelled&) {
        }
        stopper.join();
        for (int t : {37, 38, 400, 250, 251, 0})
            QVERIFY2(chain.stateAt(t) == reference.stateAt(t), qPrintable(QStringLiteral("t=%1").arg(t)));
    }
};

QTEST_MAIN(TestMarkovChainCache)
#include "tst_markovchaincache.moc"
