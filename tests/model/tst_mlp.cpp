// The MLP's hand-written backward pass against central differences, in double precision, block by
// block (as ggml's test-backend-ops and tiny-dnn's gradient_check), for every activation, with and
// without residual blocks and input features; the float network against the double one; and a tiny
// network that must fit a tiny batch.
#include <QTest>
#include <cmath>
#include <cstdio>

#include "core/math/error.h"
#include "core/math/rng.h"
#include "core/model/mlp.h"
#include "core/training/optimizer.h"

using dl::Activation;
using dl::MlpConfig;

Q_DECLARE_METATYPE(dl::Activation)

namespace {

using NetD = dl::BasicMlp<double>;

struct Compared {
    double maxDiff = 0.0;
    Eigen::Index worst = -1;
    bool ok = true;
};

/// Compares analytic with numeric values; on failure prints the first few pairs and the largest difference.
Compared compare(const char* what, const Eigen::VectorXd& analytic, const Eigen::VectorXd& numeric,
                 double tol) {
    Compared c;
    for (Eigen::Index i = 0; i < analytic.size(); ++i) {
        const double diff = std::abs(analytic[i] - numeric[i]);
        const double scaled = diff / std::max(1.0, std::abs(numeric[i]));
        if (scaled > c.maxDiff) {
            c.maxDiff = scaled;
            c.worst = i;
        }
    }
    c.ok = c.maxDiff <= tol;
    if (!c.ok) {
        std::printf("gradient mismatch in %s (%lld values), tolerance %.3g\n", what,
                    static_cast<long long>(analytic.size()), tol);
        for (Eigen::Index i = 0; i < std::min<Eigen::Index>(5, analytic.size()); ++i)
            std::printf("  [%lld] analytic % .10e  numeric % .10e\n", static_cast<long long>(i), analytic[i],
                        numeric[i]);
        std::printf("  largest difference at [%lld]: analytic % .10e numeric % .10e (scaled diff %.3g)\n",
                    static_cast<long long>(c.worst), analytic[c.worst], numeric[c.worst], c.maxDiff);
    }
    return c;
}

/// True when f throws dl::Error (the message is printed, so a failing run shows what was rejected).
template <typename F>
bool throwsError(F&& f) {
    try {
        f();
    } catch (const dl::Error& e) {
        std::printf("  rejected: %s\n", e.what());
        return true;
    }
    return false;
}

MlpConfig smallConfig(Activation act, bool residual, int features) {
    MlpConfig c;
    c.dataDim = 2;
    c.inputFeatures = features;
    c.featureScale = 3.0f;
    c.timeEmbedding = 4;
    c.hidden = 6;
    c.layers = 2;
    c.residual = residual;
    c.activation = act;
    return c;
}

/// L = Σ r ⊙ y: a random projection of the output, so dL/dy = r exercises every output.
double projectedLoss(const NetD& net, const Eigen::VectorXd& params, const Eigen::MatrixXd& x,
                     const Eigen::VectorXi& t, const Eigen::MatrixXd& r, NetD::Workspace& ws) {
    net.forward(params.data(), x.data(), t.data(), x.cols(), ws, false);
    return (ws.output().array() * r.array()).sum();
}

}  // namespace

class TestMlp : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parameterLayout();
    void gradientCheck_data();
    void gradientCheck();
    void floatMatchesDouble();
    void predictChunksAgree();
    void tinyNetworkFitsTinyBatch();
    void rejectsBadInput();
};

void TestMlp::parameterLayout() {
    MlpConfig c;  // tiny-diffusion: 2·128 + 128 = 384 inputs, 128 wide, 3 blocks, 2 outputs
    dl::Mlp net(c);
    QCOMPARE(c.inputWidth(), 384);
    const Eigen::Index expected = (384 * 128 + 128) + 3 * (128 * 128 + 128) + (128 * 2 + 2);
    QCOMPARE(net.parameterCount(), expected);
    QCOMPARE(static_cast<int>(net.parameterBlocks().size()), 2 * (c.layers + 2));
    Eigen::Index offset = 0;
    for (const auto& block : net.parameterBlocks()) {
        QCOMPARE(block.offset, offset);
        offset += block.size();
    }
    QCOMPARE(offset, expected);
    QCOMPARE(net.forwardMacsPerSample(), double(384 * 128 + 3 * 128 * 128 + 128 * 2));
}

void TestMlp::gradientCheck_data() {
    QTest::addColumn<Activation>("activation");
    QTest::addColumn<bool>("residual");
    QTest::addColumn<int>("features");
    for (Activation a : {Activation::Gelu, Activation::Silu, Activation::Relu})
        for (bool residual : {true, false})
            for (int features : {0, 4}) {
                const std::string name = std::string(dl::activationName(a)) +
                                         (residual ? " residual" : " plain") +
                                         " F=" + std::to_string(features);
                QTest::newRow(name.c_str()) << a << residual << features;
            }
}

void TestMlp::gradientCheck() {
    QFETCH(Activation, activation);
    QFETCH(bool, residual);
    QFETCH(int, features);
    NetD net(smallConfig(activation, residual, features));
    dl::Rng rng(11);
    net.initialise(rng);
    const Eigen::Index B = 3, d = 2;
    Eigen::MatrixXd x(d, B), r(d, B);
    for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = rng.normal();
    for (Eigen::Index i = 0; i < r.size(); ++i) r.data()[i] = rng.normal();
    Eigen::VectorXi t(B);
    t << 1, 7, 40;

    NetD::Workspace ws;
    net.forward(net.parameters().data(), x.data(), t.data(), B, ws, true);
    Eigen::VectorXd grads(net.parameterCount());
    Eigen::MatrixXd dx(d, B);
    net.backward(net.parameters().data(), r.data(), ws, grads.data(), dx.data());

    // Central differences, h = 1e-6: truncation O(h²) ≈ 1e-12, rounding ≈ 1e-16/h ≈ 1e-10.
    const double h = 1e-6, tol = 1e-6;
    Eigen::VectorXd params = net.parameters();
    NetD::Workspace probe;
    for (const auto& block : net.parameterBlocks()) {
        Eigen::VectorXd numeric(block.size());
        for (Eigen::Index k = 0; k < block.size(); ++k) {
            const Eigen::Index i = block.offset + k;
            const double saved = params[i];
            params[i] = saved + h;
            const double up = projectedLoss(net, params, x, t, r, probe);
            params[i] = saved - h;
            const double down = projectedLoss(net, params, x, t, r, probe);
            params[i] = saved;
            numeric[k] = (up - down) / (2 * h);
        }
        const Compared c =
            compare(block.name.c_str(), grads.segment(block.offset, block.size()), numeric, tol);
        QVERIFY2(c.ok, qPrintable(QString::fromStdString(block.name)));
    }
    // The input: d/dx through the sinusoidal features (or the raw coordinates).
    Eigen::VectorXd numericX(x.size());
    for (Eigen::Index i = 0; i < x.size(); ++i) {
        Eigen::MatrixXd xp = x, xm = x;
        xp.data()[i] += h;
        xm.data()[i] -= h;
        numericX[i] =
            (projectedLoss(net, params, xp, t, r, probe) - projectedLoss(net, params, xm, t, r, probe)) /
            (2 * h);
    }
    const Eigen::VectorXd analyticX = Eigen::Map<const Eigen::VectorXd>(dx.data(), dx.size());
    QVERIFY(compare("input x", analyticX, numericX, tol).ok);
}

void TestMlp::floatMatchesDouble() {
    // The float network runs the same code; its gradients must agree with double to float accuracy.
    MlpConfig c;
    c.hidden = 32;
    c.inputFeatures = 16;
    c.timeEmbedding = 16;
    NetD netD(c);
    dl::Rng rng(3);
    netD.initialise(rng);
    dl::Mlp netF(c);
    netF.parameters() = netD.parameters().cast<float>();
    const Eigen::Index B = 16;
    Eigen::MatrixXd x(2, B), r(2, B);
    for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = rng.normal();
    for (Eigen::Index i = 0; i < r.size(); ++i) r.data()[i] = rng.normal();
    Eigen::VectorXi t(B);
    for (Eigen::Index b = 0; b < B; ++b) t[b] = 1 + static_cast<int>(b) * 6;
    const Eigen::MatrixXf xf = x.cast<float>(), rf = r.cast<float>();

    NetD::Workspace wsD;
    dl::Mlp::Workspace wsF;
    netD.forward(netD.parameters().data(), x.data(), t.data(), B, wsD, true);
    netF.forward(netF.parameters().data(), xf.data(), t.data(), B, wsF, true);
    const double outDiff = (wsD.output() - wsF.output().cast<double>()).cwiseAbs().maxCoeff();
    QVERIFY2(outDiff < 1e-4, qPrintable(QString("output differs by %1").arg(outDiff)));

    Eigen::VectorXd gD(netD.parameterCount());
    Eigen::VectorXf gF(netF.parameterCount());
    netD.backward(netD.parameters().data(), r.data(), wsD, gD.data(), nullptr);
    netF.backward(netF.parameters().data(), rf.data(), wsF, gF.data(), nullptr);
    for (const auto& block : netD.parameterBlocks()) {
        const Eigen::VectorXd a = gF.segment(block.offset, block.size()).cast<double>();
        const Eigen::VectorXd b = gD.segment(block.offset, block.size());
        const double scale = std::max(1.0, b.cwiseAbs().maxCoeff());
        QVERIFY2(compare(block.name.c_str(), a / scale, b / scale, 2e-4).ok, block.name.c_str());
    }
}

void TestMlp::predictChunksAgree() {
    // predict() runs in chunks of 2048; one forward over everything must give the same numbers.
    MlpConfig c;
    c.hidden = 16;
    c.inputFeatures = 8;
    c.timeEmbedding = 8;
    dl::Mlp net(c);
    dl::Rng rng(5);
    net.initialise(rng);
    const int n = 5000;
    dl::Batch xt(n, 2);
    rng.fillNormal(xt);
    Eigen::VectorXi t(n);
    for (int i = 0; i < n; ++i) t[i] = 1 + i % 100;
    dl::Batch out;
    net.predict(xt, t, out);
    dl::Mlp::Workspace ws;
    net.forward(net.parameters().data(), xt.data(), t.data(), n, ws, false);
    const Eigen::MatrixXf whole = ws.output();
    const Eigen::MatrixXf chunked = Eigen::Map<const Eigen::MatrixXf>(out.data(), 2, n);
    QVERIFY((whole - chunked).cwiseAbs().maxCoeff() < 1e-5f);

    dl::Batch same;
    net.predict(xt, 17, same);
    Eigen::VectorXi t17 = Eigen::VectorXi::Constant(n, 17);
    net.predict(xt, t17, out);
    QCOMPARE(same, out);
}

void TestMlp::tinyNetworkFitsTinyBatch() {
    // 8 points with fixed t and targets: a 32-wide network must drive the mean squared error to ~0.
    MlpConfig c;
    c.hidden = 32;
    c.layers = 2;
    c.inputFeatures = 8;
    c.featureScale = 2.0f;
    c.timeEmbedding = 8;
    dl::Mlp net(c);
    dl::Rng rng(9);
    net.initialise(rng);
    const Eigen::Index B = 8;
    Eigen::MatrixXf x(2, B), target(2, B);
    for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = static_cast<float>(rng.normal());
    for (Eigen::Index i = 0; i < target.size(); ++i) target.data()[i] = static_cast<float>(rng.normal());
    Eigen::VectorXi t(B);
    for (Eigen::Index b = 0; b < B; ++b) t[b] = static_cast<int>(1 + 3 * b);

    dl::Mlp::Workspace ws;
    Eigen::VectorXf grads(net.parameterCount());
    dl::AdamWState adam(net.parameterCount());
    Eigen::MatrixXf dy(2, B);
    float first = 0.0f, last = 0.0f;
    for (int step = 0; step < 1500; ++step) {
        net.forward(net.parameters().data(), x.data(), t.data(), B, ws, true);
        dy = ws.output() - target;
        const float loss = dy.squaredNorm() / static_cast<float>(dy.size());
        if (step == 0) first = loss;
        last = loss;
        dy *= 2.0f / static_cast<float>(dy.size());
        net.backward(net.parameters().data(), dy.data(), ws, grads.data(), nullptr);
        dl::AdamWStep s;
        s.t = step + 1;
        s.learningRate = 3e-3f;
        dl::adamwUpdate(adam, net.parameters().data(), grads.data(), 0, net.parameterCount(), s);
    }
    qInfo("tiny batch: loss %.4g -> %.4g", first, last);
    QVERIFY(first > 0.1f);
    QVERIFY2(last < 1e-4f, qPrintable(QString("final loss %1").arg(last)));
}

void TestMlp::rejectsBadInput() {
    MlpConfig c;
    c.inputFeatures = 3;
    QVERIFY(throwsError([&] { dl::Mlp net(c); }));
    c.inputFeatures = 128;
    c.hidden = 0;
    QVERIFY(throwsError([&] { dl::Mlp net(c); }));
    dl::Mlp net(MlpConfig{});
    dl::Batch xt(4, 3), out;
    xt.setZero();
    QVERIFY(throwsError([&] { net.predict(xt, 1, out); }));
    dl::Batch ok(4, 2);
    ok.setZero();
    QVERIFY(throwsError([&] { net.predict(ok, -1, out); }));
    Eigen::VectorXi wrongLength(3);
    wrongLength.setOnes();
    QVERIFY(throwsError([&] { net.predict(ok, wrongLength, out); }));
}

QTEST_APPLESS_MAIN(TestMlp)
#include "tst_mlp.moc"
