// The kernels the CPU actually runs (the AVX-512 build where the CPU has it: register-blocked products,
// AdamW with refined reciprocal square roots) against the generic build in double precision, on shapes
// that reach every path of the products: 32- and 16-row strips, full and partial 12-column tiles, a depth
// above one 256-deep slice, input gradients through Eigen and through a transposed copy of W (≥ 128 columns),
// widths that are not a multiple of 16 (Eigen's products), one t per batch (the sampling shortcut) and a
// single sample.
#include <QTest>
#include <cmath>
#include <cstdio>
#include <cstring>
#if defined(__F16C__)
#include <immintrin.h>
#endif
#include <limits>

#include "core/math/rng.h"
#include "core/model/bf16weights.h"
#define DL_KERNEL_NS kernel_test
#include "core/model/gelurational.h"
#undef DL_KERNEL_NS
#include "core/model/inputlayertable.h"
#include "core/model/int16weights.h"
#include "core/model/mlp.h"
#include "core/model/mlpkernel.h"
#include "core/model/modelpredictor.h"

namespace {

using NetD = dl::BasicMlp<double>;

/// Largest |a − b| / max(1, max|b|), printed with the first differing pair when above tol.
bool close(const char* what, const Eigen::MatrixXd& a, const Eigen::MatrixXd& b, double tol) {
    const double scale = std::max(1.0, b.cwiseAbs().maxCoeff());
    Eigen::Index r = 0, c = 0;
    const double diff = (a - b).cwiseAbs().maxCoeff(&r, &c) / scale;
    if (diff > tol)
        std::printf("%s: largest scaled difference %.3g at (%lld, %lld): %.9g vs %.9g\n", what, diff,
                    static_cast<long long>(r), static_cast<long long>(c), a(r, c), b(r, c));
    return diff <= tol;
}

/// The AdamW kernel's arguments over the whole of the buffers, the coefficients left at their defaults.
dl::AdamWKernelArgs adamwArgs(Eigen::VectorXf& p, const Eigen::VectorXf& g, Eigen::VectorXf& m,
                              Eigen::VectorXf& v, Eigen::VectorXf& e) {
    dl::AdamWKernelArgs a;
    a.params = p.data();
    a.grads = g.data();
    a.m = m.data();
    a.v = v.data();
    a.ema = e.data();
    a.n = p.size();
    return a;
}

/// For the *ProductsStayClose tests: the network of the current data row (columns hidden, features,
/// dataDim, batch; 3 blocks, E = 16) in double and, with the same weights, in float, and a batch of
/// inputs (standard normal times xScale, drawn after the weights).
struct NetworkPair {
    explicit NetworkPair(double xScale) : netD(fetchedConfig()), netF(netD.config()) {
        QFETCH(int, batch);
        dl::Rng rng(5);
        netD.initialise(rng);
        netF.parameters() = netD.parameters().cast<float>();
        x.resize(netD.config().dataDim, batch);
        for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = xScale * rng.normal();
        xf = x.cast<float>();
    }

    static dl::MlpConfig fetchedConfig() {
        QFETCH(int, hidden);
        QFETCH(int, features);
        QFETCH(int, dataDim);
        dl::MlpConfig c;
        c.dataDim = dataDim;
        c.hidden = hidden;
        c.inputFeatures = features;
        c.timeEmbedding = 16;
        c.layers = 3;
        return c;
    }

    /// Outputs at timesteps t of the double network, the float one, and the float one with the products
    /// packed as given.
    struct Outputs {
        Eigen::MatrixXd exact, plain, reduced;
    };
    Outputs run(const Eigen::VectorXi& t, const dl::Bf16Weights* bf16, const dl::Int16Weights* int16) const {
        const Eigen::Index B = x.cols();
        NetD::Workspace wsD;
        dl::Mlp::Workspace wsF, wsR;
        netD.forward(netD.parameters().data(), x.data(), t.data(), B, wsD, false);
        netF.forward(netF.parameters().data(), xf.data(), t.data(), B, wsF, false);
        netF.forward(netF.parameters().data(), xf.data(), t.data(), B, wsR, false, bf16, int16);
        return {wsD.output(), wsF.output().cast<double>(), wsR.output().cast<double>()};
    }

    NetD netD;
    dl::Mlp netF;
    Eigen::MatrixXd x;
    Eigen::MatrixXf xf;
};

}  // namespace

class TestMlpKernels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void floatKernelsMatchDouble_data();
    void floatKernelsMatchDouble();
    void adamwMatchesGeneric();
    void adamwKeepsSubnormalMomentsFinite();
    void adamwSumsTwoGradientsAsItReadsThem();
    void bf16RoundsToNearestEven();
    void bf16ProductsStayClose_data();
    void bf16ProductsStayClose();
    void int16LimitCannotOverflow();
    void int16ProductsStayClose_data();
    void int16ProductsStayClose();
    void int16ProductsKeepNaN();
    void int16PassGeluFollowsTheTanhForm();
    void inputTableMatchesTheNetwork();
    void inputTableIsNotBuiltWhenTooLarge();
    void inputTableHalvesRoundAsTheCpuDoes();
};

void TestMlpKernels::initTestCase() {
    std::printf("kernels in use: %s\n", dl::mlpKernels<float>().name);
}

void TestMlpKernels::floatKernelsMatchDouble_data() {
    QTest::addColumn<int>("hidden");
    QTest::addColumn<int>("features");
    QTest::addColumn<int>("batch");
    QTest::addColumn<bool>("sameT");
    QTest::newRow("H=48, I=384, B=37") << 48 << 128 << 37 << false;
    QTest::newRow("tiny-diffusion, B=32") << 128 << 128 << 32 << false;
    QTest::newRow("H=48, B=130 (Wᵀ copied)") << 48 << 64 << 130 << false;
    QTest::newRow("H=40 (not 16k), B=13") << 40 << 16 << 13 << false;
    QTest::newRow("H=64, one sample") << 64 << 32 << 1 << false;
    QTest::newRow("H=48, one t per batch, B=50") << 48 << 128 << 50 << true;
}

void TestMlpKernels::floatKernelsMatchDouble() {
    QFETCH(int, hidden);
    QFETCH(int, features);
    QFETCH(int, batch);
    QFETCH(bool, sameT);
    dl::MlpConfig c;
    c.hidden = hidden;
    c.inputFeatures = features;
    c.timeEmbedding = features;
    c.layers = 3;
    NetD netD(c);
    dl::Rng rng(11);
    netD.initialise(rng);
    dl::Mlp netF(c);
    netF.parameters() = netD.parameters().cast<float>();
    const Eigen::Index B = batch;
    Eigen::MatrixXd x(2, B), r(2, B);
    for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = rng.normal();
    for (Eigen::Index i = 0; i < r.size(); ++i) r.data()[i] = rng.normal();
    Eigen::VectorXi t(B);
    for (Eigen::Index b = 0; b < B; ++b) t[b] = sameT ? 23 : 1 + static_cast<int>(b * 7 % 150);
    const Eigen::MatrixXf xf = x.cast<float>(), rf = r.cast<float>();

    NetD::Workspace wsD;
    dl::Mlp::Workspace wsF;
    // With one t and no backward pass the float network takes the sampling shortcut (time columns folded
    // into the bias); the double reference runs the full product.
    const bool train = !sameT;
    netD.forward(netD.parameters().data(), x.data(), t.data(), B, wsD, true);
    netF.forward(netF.parameters().data(), xf.data(), t.data(), B, wsF, train);
    QVERIFY(close("output", wsF.output().cast<double>(), wsD.output(), 1e-5));
    if (!train) return;

    Eigen::VectorXd gD(netD.parameterCount());
    Eigen::VectorXf gF(netF.parameterCount());
    double normF = 0.0;
    netD.backward(netD.parameters().data(), r.data(), wsD, gD.data(), nullptr);
    netF.backward(netF.parameters().data(), rf.data(), wsF, gF.data(), nullptr, &normF);
    for (const auto& block : netD.parameterBlocks()) {
        const Eigen::MatrixXd a = gF.segment(block.offset, block.size()).cast<double>();
        const Eigen::MatrixXd b = gD.segment(block.offset, block.size());
        QVERIFY2(close(block.name.c_str(), a, b, 2e-5), block.name.c_str());
    }
    QVERIFY(std::abs(normF - gD.squaredNorm()) <= 1e-4 * gD.squaredNorm());
}

void TestMlpKernels::adamwMatchesGeneric() {
    // 1005 values: 62 full vectors of 16 and a tail of 13; some second moments exactly 0 (their √v is 0).
    const std::ptrdiff_t n = 1005;
    dl::Rng rng(2);
    Eigen::VectorXf p(n), g(n), m(n), v(n), e(n);
    for (std::ptrdiff_t i = 0; i < n; ++i) {
        p[i] = static_cast<float>(rng.normal());
        g[i] = i % 7 == 0 ? 0.0f : static_cast<float>(rng.normal() * 1e-3);
        m[i] = static_cast<float>(rng.normal() * 1e-3);
        v[i] = i % 7 == 0 ? 0.0f : static_cast<float>(std::abs(rng.normal()) * 1e-6);
        e[i] = static_cast<float>(rng.normal());
    }
    Eigen::VectorXf p2 = p, m2 = m, v2 = v, e2 = e;
    auto args = [&](Eigen::VectorXf& pp, Eigen::VectorXf& mm, Eigen::VectorXf& vv, Eigen::VectorXf& ee) {
        dl::AdamWKernelArgs a = adamwArgs(pp, g, mm, vv, ee);
        a.decayFactor = 1.0f - 1e-3f * 0.01f;
        a.stepSize = 1e-3f / (1.0f - 0.9f);
        a.invSqrtBias2 = 1.0f / std::sqrt(1.0f - 0.999f);
        a.emaKeep = 0.99f;
        a.emaTake = 0.01f;
        return a;
    };
    dl::mlpKernels<float>().adamw(args(p, m, v, e));
    dl::genericMlpKernels<float>().adamw(args(p2, m2, v2, e2));
    QVERIFY(close("m", m.cast<double>(), m2.cast<double>(), 1e-7));
    QVERIFY(close("v", v.cast<double>(), v2.cast<double>(), 1e-7));
    QVERIFY(close("parameters", p.cast<double>(), p2.cast<double>(), 1e-6));
    QVERIFY(close("EMA", e.cast<double>(), e2.cast<double>(), 1e-6));
    QVERIFY(p.allFinite());
}

// Two threads' gradients are summed by the update as it reads them (the trainer stores no sum): the result
// must be exactly the update with the summed gradient, in both kernels, tail included.
void TestMlpKernels::adamwSumsTwoGradientsAsItReadsThem() {
    const std::ptrdiff_t n = 1005;
    dl::Rng rng(3);
    Eigen::VectorXf p(n), g1(n), g2(n), m(n), v(n), e(n);
    for (std::ptrdiff_t i = 0; i < n; ++i) {
        p[i] = static_cast<float>(rng.normal());
        g1[i] = static_cast<float>(rng.normal() * 1e-3);
        g2[i] = static_cast<float>(rng.normal() * 1e-3);
        m[i] = static_cast<float>(rng.normal() * 1e-3);
        v[i] = static_cast<float>(std::abs(rng.normal()) * 1e-6);
        e[i] = static_cast<float>(rng.normal());
    }
    const Eigen::VectorXf summed = g1 + g2;
    for (const dl::MlpKernels<float>* kernels : {&dl::mlpKernels<float>(), &dl::genericMlpKernels<float>()}) {
        Eigen::VectorXf pSum = p, mSum = m, vSum = v, eSum = e;
        Eigen::VectorXf pTwo = p, mTwo = m, vTwo = v, eTwo = e;
        kernels->adamw(adamwArgs(pSum, summed, mSum, vSum, eSum));
        dl::AdamWKernelArgs two = adamwArgs(pTwo, g1, mTwo, vTwo, eTwo);
        two.grads2 = g2.data();
        kernels->adamw(two);
        QCOMPARE(pTwo, pSum);
        QCOMPARE(mTwo, mSum);
        QCOMPARE(vTwo, vSum);
        QCOMPARE(eTwo, eSum);
        QVERIFY(pTwo != p);  // the update did something
    }
}

// A weight whose gradient has been ~0 for tens of thousands of steps has a second moment that decays
// into the subnormal floats; the AVX-512 kernel's refined reciprocal square root overflowed there and
// turned the weight into NaN (the default preset diverged at step ~62,000 of a 200,000-step run).
void TestMlpKernels::adamwKeepsSubnormalMomentsFinite() {
    const std::ptrdiff_t n = 64;
    Eigen::VectorXf p(n), g(n), m(n), v(n), e(n);
    for (std::ptrdiff_t i = 0; i < n; ++i) {
        p[i] = 0.5f;
        g[i] = i % 2 == 0 ? 0.0f : 1e-21f;  // g² subnormal or 0
        m[i] = 1e-12f;
        v[i] = i == 0 ? 0.0f : std::ldexp(1.0f, -149 + static_cast<int>(i) * 2);  // 2⁻¹⁴⁷ .. 2⁻²³
        e[i] = 0.5f;
    }
    QVERIFY(v[1] > 0.0f && v[1] < std::numeric_limits<float>::min());  // subnormal
    Eigen::VectorXf p2 = p, m2 = m, v2 = v, e2 = e;
    auto args = [&](Eigen::VectorXf& pp, Eigen::VectorXf& mm, Eigen::VectorXf& vv, Eigen::VectorXf& ee) {
        dl::AdamWKernelArgs a = adamwArgs(pp, g, mm, vv, ee);
        a.stepSize = 2e-4f / (1.0f - 0.9f);
        a.invSqrtBias2 = 1.0f;
        return a;
    };
    dl::mlpKernels<float>().adamw(args(p, m, v, e));
    dl::genericMlpKernels<float>().adamw(args(p2, m2, v2, e2));
    QVERIFY(p.allFinite());
    QVERIFY(e.allFinite());
    QVERIFY(close("parameters", p.cast<double>(), p2.cast<double>(), 1e-6));
    QVERIFY(close("EMA", e.cast<double>(), e2.cast<double>(), 1e-6));
}

QTEST_APPLESS_MAIN(TestMlpKernels)
// The scalar rounding the packer uses: to nearest, ties to even (as vcvtneps2bf16), NaN kept.
void TestMlpKernels::bf16RoundsToNearestEven() {
    QCOMPARE(dl::toBf16(1.0f), std::uint16_t{0x3F80});
    QCOMPARE(dl::toBf16(-2.0f), std::uint16_t{0xC000});
    QCOMPARE(dl::toBf16(1.0f + 1.0f / 256), std::uint16_t{0x3F80});                 // tie, to the even 0x3F80
    QCOMPARE(dl::toBf16(1.0f + 3.0f / 256), std::uint16_t{0x3F82});                 // tie, to the even 0x3F82
    QCOMPARE(dl::toBf16(1.0f + 1.0f / 256 + 1.0f / 65536), std::uint16_t{0x3F81});  // above the tie
    QCOMPARE(dl::fromBf16(dl::toBf16(0.15625f)), 0.15625f);                         // exact in 8 bits
    QVERIFY(std::isnan(dl::fromBf16(dl::toBf16(std::nanf("")))));
}

void TestMlpKernels::bf16ProductsStayClose_data() {
    QTest::addColumn<int>("hidden");
    QTest::addColumn<int>("features");
    QTest::addColumn<int>("dataDim");
    QTest::addColumn<int>("batch");
    QTest::newRow("tiny-diffusion, 256 rows (a sampling chunk)") << 128 << 128 << 2 << 256;
    QTest::newRow("H=48 (a lone 16-row block), B=37 (partial tiles)") << 48 << 64 << 2 << 37;
    QTest::newRow("raw coordinates, d=3: odd input width") << 64 << 0 << 3 << 101;
    QTest::newRow("one sample") << 32 << 16 << 2 << 1;
}

// bf16 products against the double network: each weight and layer input is rounded to 8 significant
// bits (relative error ≤ 2⁻⁹) and summed in float, so outputs agree to about 1 %, where a wrong layout
// (a pair, block or column out of place) would be off by the size of the output itself. The float32 path
// must differ from it, or the bf16 products were not used.
void TestMlpKernels::bf16ProductsStayClose() {
    if (!dl::bf16ProductsAvailable()) QSKIP("this CPU or build has no AVX-512 BF16");
    const NetworkPair nets(1.0);
    const dl::Bf16Weights packed =
        dl::packBf16Weights(nets.netF.kernelShape(), nets.netF.parameters().data());
    QVERIFY(!packed.empty());
    const Eigen::VectorXi t = Eigen::VectorXi::Constant(nets.x.cols(), 37);  // one t: the sampling path
    const NetworkPair::Outputs out = nets.run(t, &packed, nullptr);
    QVERIFY(close("float32", out.plain, out.exact, 1e-5));
    QVERIFY(close("bf16", out.reduced, out.exact, 2e-2));
    QVERIFY2((out.reduced - out.plain).cwiseAbs().maxCoeff() > 1e-6, "the bf16 products were not used");
}

// The int32 sum of 2·pairs products of magnitude ≤ limit² must fit whatever the values: the largest
// possible sum for each depth stays below 2³¹, and the limit is as large as that allows (within 2 %).
void TestMlpKernels::int16LimitCannotOverflow() {
    for (std::ptrdiff_t pairs = 1; pairs <= 8192; ++pairs) {
        const double limit = dl::int16ProductLimit(pairs);
        QVERIFY(limit <= 32767);
        const double largestSum = 2.0 * static_cast<double>(pairs) * limit * limit;
        QVERIFY2(largestSum < 2147483648.0, qPrintable(QString::number(pairs)));
        if (limit < 32767)
            QVERIFY(2.0 * static_cast<double>(pairs) * (limit + 3) * (limit + 3) >= 2147483648.0);
    }
}

void TestMlpKernels::int16ProductsStayClose_data() {
    bf16ProductsStayClose_data();
    QTest::newRow("a t per row: the time columns in the product") << 64 << 32 << 2 << 45;
}

// int16 products against the double network: each weight row and layer input column is scaled to
// integers of at most ~2,400–4,100 (int16weights.h), so each carries an error of at most 2⁻¹² of its
// row's or column's largest value and the outputs agree to well under 1 %; a wrong layout or scale would
// be off by the size of the output itself. The float32 path must differ from it, or the int16 products
// were not used.
void TestMlpKernels::int16ProductsStayClose() {
    if (!dl::int16ProductsAvailable()) QSKIP("these kernels take no int16 products (AVX-512 without VNNI)");
    const NetworkPair nets(3.0);
    const dl::Int16Weights packed =
        dl::packInt16Weights(nets.netF.kernelShape(), nets.netF.parameters().data());
    QVERIFY(!packed.empty());
    const Eigen::Index B = nets.x.cols();
    Eigen::VectorXi t = Eigen::VectorXi::Constant(B, 37);  // one t: the sampling path
    if (QByteArray(QTest::currentDataTag()).startsWith("a t per row"))
        for (Eigen::Index b = 0; b < B; ++b) t[b] = static_cast<int>(b * 7 % 100);
    const NetworkPair::Outputs out = nets.run(t, nullptr, &packed);
    QVERIFY(close("float32", out.plain, out.exact, 1e-5));
    QVERIFY(close("int16", out.reduced, out.exact, 5e-3));
    QVERIFY2((out.reduced - out.plain).cwiseAbs().maxCoeff() > 1e-6, "the int16 products were not used");
}

// The GELU of the int16 sampling pass (gelurational.h) against the tanh form in double, every 10⁻⁴ over
// [−12, 12] (both sides of the ±4.5 clamp): its fit is within 1.2·10⁻⁶ of max(1, |x|), and a coefficient
// off in its third digit is not. GELU(0) is 0, NaN stays NaN, and +∞ stays +∞ (the quantisation after it
// must see a sample that has diverged).
void TestMlpKernels::int16PassGeluFollowsTheTanhForm() {
#if defined(__AVX2__) && defined(__FMA__)
    auto gelu = [](float x) {
        alignas(32) float lanes[8];
        _mm256_store_ps(lanes, dl::kernel_test::geluRational8(_mm256_set1_ps(x)));
        return lanes[0];
    };
    double worst = 0.0, worstAt = 0.0;
    for (int i = -120000; i <= 120000; ++i) {
        const float x = static_cast<float>(i) * 1e-4f;
        const double xd = x;
        const double exact =
            0.5 * xd * (1.0 + std::tanh(0.7978845608028654 * (xd + 0.044715 * xd * xd * xd)));
        const double error = std::fabs(gelu(x) - exact) / std::max(1.0, std::fabs(xd));
        if (error > worst) {
            worst = error;
            worstAt = xd;
        }
    }
    QVERIFY2(worst <= 2e-6, qPrintable(QStringLiteral("error %1 at x = %2").arg(worst).arg(worstAt)));
    QCOMPARE(gelu(0.0f), 0.0f);
    QVERIFY(std::isnan(gelu(std::nanf(""))));
    QCOMPARE(gelu(std::numeric_limits<float>::infinity()), std::numeric_limits<float>::infinity());
    QVERIFY(!std::isfinite(gelu(-std::numeric_limits<float>::infinity())));
#else
    QSKIP("built without AVX2 and FMA: the int16 pass does not exist");
#endif
}

// A sample that has gone non-finite stays non-finite through int16 products (as in float), so the
// sampler's divergence check sees it; its neighbours in the batch are not touched.
void TestMlpKernels::int16ProductsKeepNaN() {
    if (!dl::int16ProductsAvailable()) QSKIP("these kernels take no int16 products (AVX-512 without VNNI)");
    dl::MlpConfig c;
    c.hidden = 32;
    c.inputFeatures = 0;  // raw coordinates: the NaN reaches the first product as it is
    c.timeEmbedding = 16;
    dl::Mlp net(c);
    dl::Rng rng(2);
    net.initialise(rng);
    const dl::Int16Weights packed = dl::packInt16Weights(net.kernelShape(), net.parameters().data());
    Eigen::MatrixXf x = Eigen::MatrixXf::Ones(2, 3);
    x(1, 1) = std::nanf("");
    const Eigen::VectorXi t = Eigen::VectorXi::Constant(3, 5);
    dl::Mlp::Workspace ws;
    net.forward(net.parameters().data(), x.data(), t.data(), 3, ws, false, nullptr, &packed);
    QVERIFY(ws.output().col(0).allFinite());
    QVERIFY(!ws.output().col(1).allFinite());
    QVERIFY(ws.output().col(2).allFinite());
}

// The tabulated input layer against the double network: the Taylor remainder is ≈ 6·10⁻⁶ of a term and
// the halves of the higher coefficients round within 4.5·10⁻⁵ of |g|'s bound (1.6·10⁻⁶ of the output
// measured here), so outputs agree as closely as the float network's own (1e-5), for coordinates anywhere on
// the grid, at grid points and half-way between them; coordinates off the grid (beyond ±8, NaN) take the
// exact path, and must give the plain network's output up to the summation order. The table must change the
// bits somewhere, or it was not used.
void TestMlpKernels::inputTableMatchesTheNetwork() {
    dl::MlpConfig c;  // the default 2D network: F = 128, scale 25, H = 128
    NetD netD(c);
    dl::Rng rng(9);
    netD.initialise(rng);
    dl::Mlp netF(c);
    netF.parameters() = netD.parameters().cast<float>();
    const dl::InputLayerTable table = dl::buildInputLayerTable(netF.kernelShape(), netF.parameters().data(),
                                                               netF.coordinateFrequencies().data());
    QVERIFY(!table.empty());
    QCOMPARE(table.orders, dl::kInputTableOrders);
    const Eigen::Index B = 300;
    Eigen::MatrixXd x(2, B);
    for (Eigen::Index b = 0; b < B; ++b) {
        x(0, b) = -8.0 + 16.0 * rng.uniform();
        x(1, b) = 2.0 * rng.normal();
    }
    x(0, 0) = table.low;                                                               // the first grid point
    x(1, 1) = static_cast<double>(table.low) + 7.5 * static_cast<double>(table.step);  // half-way
    x(0, 2) = 8.0;                                                                     // the last grid point
    x(0, 3) = 9.5;                                                                     // off the grid: exact
    x(1, 4) = -30.0;
    Eigen::MatrixXf xf = x.cast<float>();
    xf(1, 5) = std::nanf("");
    x(1, 5) = std::nan("");
    const Eigen::VectorXi t = Eigen::VectorXi::Constant(B, 12);
    NetD::Workspace wsD;
    dl::Mlp::Workspace wsF, wsT;
    netD.forward(netD.parameters().data(), x.data(), t.data(), B, wsD, false);
    netF.forward(netF.parameters().data(), xf.data(), t.data(), B, wsF, false);
    netF.forward(netF.parameters().data(), xf.data(), t.data(), B, wsT, false, nullptr, nullptr, &table);
    const Eigen::MatrixXd f = wsF.output().cast<double>(), tab = wsT.output().cast<double>();
    QVERIFY(!tab.col(5).allFinite());
    for (const Eigen::Index b : {3, 4}) QVERIFY(close("off the grid", tab.col(b), f.col(b), 1e-6));
    Eigen::MatrixXd finiteD = wsD.output(), finiteT = tab;
    finiteD.col(5).setZero();
    finiteT.col(5).setZero();
    QVERIFY(close("tabulated", finiteT, finiteD, 1e-5));
    QVERIFY2((tab.leftCols(3) - f.leftCols(3)).cwiseAbs().maxCoeff() > 0.0, "the table was not used");
}

// A table over many coordinates of a wide network (an image model) would take more memory than it saves
// time: none is built, and sampling computes the input layer as before.
void TestMlpKernels::inputTableIsNotBuiltWhenTooLarge() {
    dl::MlpConfig c;
    c.dataDim = 256;  // 16×16 gray
    c.hidden = 384;
    dl::Mlp net(c);
    QVERIFY(dl::buildInputLayerTable(net.kernelShape(), net.parameters().data(),
                                     net.coordinateFrequencies().data())
                .empty());
    c.dataDim = 2;
    c.inputFeatures = 0;  // raw coordinates: nothing to tabulate
    dl::Mlp raw(c);
    QVERIFY(dl::buildInputLayerTable(raw.kernelShape(), raw.parameters().data(),
                                     raw.coordinateFrequencies().data())
                .empty());
    // Weights so large that a higher coefficient is beyond the halves' range (65504): no table either,
    // rather than infinities in h_0.
    dl::MlpConfig small;
    dl::Mlp huge(small);
    huge.parameters().setConstant(1e5f);
    QVERIFY(dl::buildInputLayerTable(huge.kernelShape(), huge.parameters().data(),
                                     huge.coordinateFrequencies().data())
                .empty());
}

// The table's higher coefficients are stored as halves (inputlayertable.h) by a portable conversion; the
// kernel reads them with the CPU's. The conversion must be the one vcvtps2ph does (nearest, ties to even):
// checked on ties, subnormals, the edge of the range, ±0, ∞, and 200,000 random bit patterns.
void TestMlpKernels::inputTableHalvesRoundAsTheCpuDoes() {
#if defined(__F16C__)
    auto hardware = [](float v) {
        return static_cast<std::uint16_t>(
            _mm_extract_epi16(_mm_cvtps_ph(_mm_set_ss(v), _MM_FROUND_TO_NEAREST_INT), 0));
    };
    const float tie = 1.0f + 1.0f / 2048.0f;  // half-way between 1 and the next half: rounds to 1 (even)
    const float edges[] = {0.0f,
                           -0.0f,
                           1.0f,
                           tie,
                           -tie,
                           1.0f + 3.0f / 2048.0f,
                           65504.0f,
                           65519.99f,
                           65520.0f,
                           1e6f,
                           6.1035156e-5f,
                           6.1e-5f,
                           5.9604645e-8f,
                           2.9802322e-8f,
                           2.98e-8f,
                           8.9e-8f,
                           1e-10f,
                           std::numeric_limits<float>::infinity(),
                           -std::numeric_limits<float>::infinity()};
    for (const float v : edges)
        QVERIFY2(dl::toHalfBits(v) == hardware(v),
                 qPrintable(QString::number(static_cast<double>(v), 'g', 9)));
    QCOMPARE(dl::toHalfBits(tie), std::uint16_t{0x3C00});
    QVERIFY((dl::toHalfBits(std::nanf("")) & 0x7FFFu) > 0x7C00u);
    dl::Rng rng(31);
    for (int k = 0; k < 200000; ++k) {
        // Every finite float from about 2⁻³⁰ to 2²⁰, both signs: the subnormal, normal and overflow cases.
        const auto bits =
            static_cast<std::uint32_t>(0x30800000u + rng.uniform() * (0x49800000u - 0x30800000u)) |
            (k % 2 ? 0x80000000u : 0u);
        float v;
        std::memcpy(&v, &bits, sizeof v);
        if (dl::toHalfBits(v) != hardware(v))
            QFAIL(qPrintable(QStringLiteral("bits %1: %2 vs %3")
                                 .arg(bits, 8, 16)
                                 .arg(dl::toHalfBits(v), 4, 16)
                                 .arg(hardware(v), 4, 16)));
    }
#else
    QSKIP("needs F16C to compare with");
#endif
}

#include "tst_mlpkernels.moc"
