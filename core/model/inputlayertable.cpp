#include "core/model/inputlayertable.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>

namespace dl {

namespace {
constexpr double kLargestPhaseStep = 0.8;  // grid step × the largest frequency
}  // namespace

InputLayerTable buildInputLayerTable(const MlpKernelShape& shape, const float* params, const float* freqX) {
    InputLayerTable table;
    const std::ptrdiff_t half = shape.featureHalf, H = shape.hidden, d = shape.dataDim;
    if (half <= 0 || H <= 0 || H % 8 != 0 || d <= 0 || d > kMaxTabulatedCoordinates || !params || !freqX ||
        !shape.weightOffset)
        return table;
    Eigen::VectorXd f(half);
    for (std::ptrdiff_t k = 0; k < half; ++k) f[k] = static_cast<double>(freqX[k]);
    const double fMax = f.cwiseAbs().maxCoeff();
    if (!std::isfinite(fMax) || fMax <= 0.0) return table;
    const double step = kLargestPhaseStep / fMax;
    const double rowsReal = std::ceil(2.0 * kInputTableRange / step) + 1.0;
    const double bytes =
        rowsReal * kInputTableOrders * static_cast<double>(H) * static_cast<double>(d) * sizeof(float);
    if (bytes > static_cast<double>(kInputTableMaxBytes)) return table;
    const auto rows = static_cast<std::ptrdiff_t>(rowsReal);

    // W_0 is H × I, column-major; coordinate j's features are columns j·2·half (sines), then half cosines.
    const Eigen::Map<const Eigen::MatrixXf> w0(params + shape.weightOffset[0], H, shape.inputWidth);
    table.values.assign(static_cast<std::size_t>(rows * kInputTableOrders * H * d), 0.0f);
    Eigen::MatrixXd rotatedSin(half, rows), rotatedCos(half, rows), sines(half, rows), cosines(half, rows);
    for (std::ptrdiff_t g = 0; g < rows; ++g) {
        const double x = -kInputTableRange + static_cast<double>(g) * step;
        for (std::ptrdiff_t k = 0; k < half; ++k) {
            sines(k, g) = std::sin(f[k] * x);
            cosines(k, g) = std::cos(f[k] * x);
        }
    }
    for (std::ptrdiff_t j = 0; j < d; ++j) {
        const Eigen::MatrixXd wSin = w0.middleCols(j * 2 * half, half).cast<double>();
        const Eigen::MatrixXd wCos = w0.middleCols(j * 2 * half + half, half).cast<double>();
        if (!wSin.allFinite() || !wCos.allFinite()) return {};
        Eigen::VectorXd fPower = Eigen::VectorXd::Ones(half);
        double factorial = 1.0;  // n!
        for (int n = 0; n < kInputTableOrders; ++n) {
            if (n > 0) factorial *= n;
            // dⁿ/dxⁿ sin(fx) = fⁿ sin(fx + nπ/2), dⁿ/dxⁿ cos(fx) = fⁿ cos(fx + nπ/2).
            switch (n % 4) {
                case 0:
                    rotatedSin = sines, rotatedCos = cosines;
                    break;
                case 1:
                    rotatedSin = cosines, rotatedCos = -sines;
                    break;
                case 2:
                    rotatedSin = -sines, rotatedCos = -cosines;
                    break;
                default:
                    rotatedSin = -cosines, rotatedCos = sines;
                    break;
            }
            // The Taylor coefficient g⁽ⁿ⁾/n!, so the kernel's series is a plain Horner in δ.
            const Eigen::MatrixXd coefficient =
                (wSin * (fPower.asDiagonal() * rotatedSin) + wCos * (fPower.asDiagonal() * rotatedCos)) /
                factorial;  // H × rows
            for (std::ptrdiff_t g = 0; g < rows; ++g) {
                float* block = table.values.data() + (j * rows + g) * kInputTableOrders * H;
                for (std::ptrdiff_t i = 0; i < H; ++i)
                    block[(i / 8) * kInputTableOrders * 8 + n * 8 + i % 8] =
                        static_cast<float>(coefficient(i, g));
            }
            fPower = fPower.cwiseProduct(f);
        }
    }
    table.rows = rows;
    table.orders = kInputTableOrders;
    table.low = static_cast<float>(-kInputTableRange);
    table.step = static_cast<float>(step);
    return table;
}

}  // namespace dl
