#include "core/model/inputlayertable.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstring>

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
    const double bytes = rowsReal * static_cast<double>(H / 8 * kInputTableBlockFloats) *
                         static_cast<double>(d) * sizeof(float);
    if (bytes > static_cast<double>(kInputTableMaxBytes)) return table;
    const auto rows = static_cast<std::ptrdiff_t>(rowsReal);

    // W_0 is H × I, column-major; coordinate j's features are columns j·2·half (sines), then half cosines.
    const Eigen::Map<const Eigen::MatrixXf> w0(params + shape.weightOffset[0], H, shape.inputWidth);
    const std::ptrdiff_t rowFloats = H / 8 * kInputTableBlockFloats;
    table.values.assign(static_cast<std::size_t>(rows * rowFloats * d), 0.0f);
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
        double stepPowerOverFactorial = 1.0;  // stepⁿ/n!
        for (int n = 0; n < kInputTableOrders; ++n) {
            if (n > 0) stepPowerOverFactorial *= step / n;
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
            // The Taylor coefficient in u = δ/step: g⁽ⁿ⁾·stepⁿ/n!, so the kernel's series is a plain Horner
            // in u.
            const Eigen::MatrixXd coefficient =
                (wSin * (fPower.asDiagonal() * rotatedSin) + wCos * (fPower.asDiagonal() * rotatedCos)) *
                stepPowerOverFactorial;  // H × rows
            for (std::ptrdiff_t g = 0; g < rows; ++g) {
                float* row = table.values.data() + (j * rows + g) * rowFloats;
                for (std::ptrdiff_t i = 0; i < H; ++i) {
                    float* block = row + (i / 8) * kInputTableBlockFloats;
                    const auto value = static_cast<float>(coefficient(i, g));
                    if (n < kInputTableFloatOrders) {
                        block[n * 8 + i % 8] = value;
                        continue;
                    }
                    const std::uint16_t bits = toHalfBits(value);
                    if ((bits & 0x7C00u) == 0x7C00u) return {};  // beyond the halves' range (absurd weights)
                    auto* halves = reinterpret_cast<unsigned char*>(block + 8 * kInputTableFloatOrders);
                    std::memcpy(halves + ((n - kInputTableFloatOrders) * 8 + i % 8) * sizeof bits, &bits,
                                sizeof bits);
                }
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

std::uint16_t toHalfBits(float value) {
    std::uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    const auto sign = static_cast<std::uint16_t>((bits >> 16) & 0x8000u);
    const std::uint32_t magnitude = bits & 0x7FFFFFFFu;
    if (magnitude > 0x7F800000u) return static_cast<std::uint16_t>(sign | 0x7E00u);   // NaN (quiet)
    if (magnitude >= 0x477FF000u) return static_cast<std::uint16_t>(sign | 0x7C00u);  // ≥ 65520: ±∞
    if (magnitude < 0x38800000u) {
        // Below the smallest normal half (2⁻¹⁴): a multiple of 2⁻²⁴. The scaling by 2²⁴ is exact and
        // nearbyint rounds ties to even in the default rounding mode; 2⁻¹⁴ itself comes out as 0x0400.
        const float units = std::fabs(value) * 16777216.0f;
        return static_cast<std::uint16_t>(sign | static_cast<std::uint16_t>(std::nearbyint(units)));
    }
    // Rebias the exponent (127 → 15) and round the 23-bit significand to 10 bits, ties to even; a carry
    // out of the significand correctly bumps the exponent.
    const std::uint32_t rebiased = magnitude - (std::uint32_t{112} << 23);
    const std::uint32_t rounded = (rebiased + 0x0FFFu + ((rebiased >> 13) & 1u)) >> 13;
    return static_cast<std::uint16_t>(sign | rounded);
}

}  // namespace dl
