// makeModelDenoiser: the same ε̂ as makeModelPredictor, plus the network's own x̂_0 for x0- and v-prediction
// models (none for ε-models), which the samplers take where ᾱ_t = 0. At ᾱ = 0 a v-model's x̂_0 is −v̂ (a = 0,
// s = 1; Lin et al. 2024, §3.2), where the ε route only sees ε̂ = x_t and loses v̂ altogether.
#include <QtTest>
#include <cmath>

#include "core/math/rng.h"
#include "core/model/mlp.h"
#include "core/model/modelpredictor.h"

Q_DECLARE_METATYPE(dl::PredictionTarget)

namespace {

dl::MlpConfig smallConfig(dl::PredictionTarget target) {
    dl::MlpConfig c;
    c.inputFeatures = 0;
    c.timeEmbedding = 8;
    c.hidden = 16;
    c.layers = 1;
    c.target = target;
    return c;
}

/// T = 20, zero terminal SNR: ᾱ_20 = 0.
dl::Schedule zeroSnrSchedule() {
    dl::ScheduleParams p;
    p.T = 20;
    p.betaStart = 1e-3;
    p.betaEnd = 0.2;
    p.zeroTerminalSnr = true;
    return dl::Schedule(p);
}

}  // namespace

class TestModelDenoiser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void x0IsTheNetworksOwn_data();
    void x0IsTheNetworksOwn();
};

void TestModelDenoiser::x0IsTheNetworksOwn_data() {
    QTest::addColumn<dl::PredictionTarget>("target");
    QTest::newRow("eps") << dl::PredictionTarget::Epsilon;
    QTest::newRow("x0") << dl::PredictionTarget::X0;
    QTest::newRow("v") << dl::PredictionTarget::V;
}

void TestModelDenoiser::x0IsTheNetworksOwn() {
    QFETCH(dl::PredictionTarget, target);
    const dl::MlpConfig config = smallConfig(target);
    dl::Mlp net(config);
    Eigen::VectorXf parameters(net.parameterCount());
    dl::Rng rng(3);
    rng.fillNormal(parameters);
    parameters *= 0.3f;
    net.setParameters(parameters);
    const dl::Schedule schedule = zeroSnrSchedule();
    QCOMPARE(schedule.alphaBar(20), 0.0);

    const dl::Denoiser denoiser = dl::makeModelDenoiser(config, parameters, schedule);
    const dl::EpsilonPredictor reference = dl::makeModelPredictor(config, parameters, schedule);
    dl::Batch xt(40, 2), raw, x0, eps, epsReference;
    rng.fillNormal(xt);
    for (int t : {5, 20}) {
        denoiser.epsilon(xt, t, eps);
        reference(xt, t, epsReference);
        QCOMPARE(eps, epsReference);  // the same ε̂ as before
    }
    if (target == dl::PredictionTarget::Epsilon) {
        QVERIFY(!denoiser.x0);  // an ε-model has no x̂_0 of its own
        return;
    }
    QVERIFY(static_cast<bool>(denoiser.x0));
    // At ᾱ = 0: x̂_0 = −v̂ for a v-model, x̂_0 = the output for an x0-model.
    net.predict(xt, 20, raw);
    denoiser.x0(xt, 20, x0);
    const dl::Batch expected = target == dl::PredictionTarget::V ? dl::Batch(-raw) : raw;
    QVERIFY2((x0 - expected).cwiseAbs().maxCoeff() < 1e-6f,
             qPrintable(QString::number((x0 - expected).cwiseAbs().maxCoeff())));
    QVERIFY(raw.cwiseAbs().maxCoeff() > 1e-3f);  // the check above is not 0 = 0
    // At ᾱ_5 > 0 it agrees with x̂_0 rebuilt from ε̂: x_0 = (x_t − √(1−ᾱ) ε̂)/√ᾱ.
    const int t = 5;
    denoiser.x0(xt, t, x0);
    denoiser.epsilon(xt, t, eps);
    const float a = static_cast<float>(std::sqrt(schedule.alphaBar(t)));
    const float s = static_cast<float>(std::sqrt(1.0 - schedule.alphaBar(t)));
    const dl::Batch rebuilt = (xt - s * eps) / a;
    QVERIFY((x0 - rebuilt).cwiseAbs().maxCoeff() < 1e-4f);
}

QTEST_APPLESS_MAIN(TestModelDenoiser)
#include "tst_modeldenoiser.moc"
