// dl::MarkovChainCache: the stepwise forward chain with bounded checkpoints gives exactly the states of
// stepping every t in order, whatever order they are asked in, and its x_T has the marginal's variance.
#include <QtTest>
#include <cmath>
#include <memory>
#include <vector>

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
};

QTEST_MAIN(TestMarkovChainCache)
#include "tst_markovchaincache.moc"
