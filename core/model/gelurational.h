// GELU (tanh form, mlpkernelbody.h) for the int16 sampling pass, eight lanes at a time, as one rational
// function of x:
//
//   GELU(x) = x·Φ(x),  Φ(x) = ½(1 + tanh u(x)),  u(x) = √(2/π)(x + 0.044715x³)
//   Φ(x) ≈ ½ + x_c·P(x_c²) / Q(x_c²),  x_c = x clamped to ±4.5,  P of degree 3, Q of degree 4 (Q(0) = 1),
//
// the minimax fit of scripts/fit_gelu_rational.py (½ folded into P). It replaces the previous chain
// u(x) → Eigen's [13/6] rational tanh of u: no u to compute and seven FMAs for the two polynomials
// instead of nine, 18 vector operations per eight values with the bias instead of 23, on a pass that is bound
// by Zen 3's two FMA pipes (docs/performance.md). Its error against the exact tanh form is at most 5.1·10⁻⁶
// absolute, 1.2·10⁻⁶ of max(1, |x|) (largest near the clamp, where tanh u(4.5) = 1 − 2·10⁻⁶): the int16
// products that take the result quantise each value to 2⁻¹³…2⁻¹² of its column's largest (int16weights.h), so
// this is 50–100 times below the error already there.
//
// The quotient is the approximate reciprocal of Q refined by one Newton step (relative error ≈ 2⁻²²):
// Q ≥ 1 on the whole clamped range, so it is never of 0 or of a denormal. A NaN x stays NaN (the clamp
// maps it to −4.5 but the result is x·Φ); +∞ gives +∞ and −∞ a value that is not finite either, which
// the quantisation then sees.
//
// Included by mlpkernelbody.h and by the kernel tests, each defining DL_KERNEL_NS (the namespace) first.
#pragma once

#if defined(__AVX2__) && defined(__FMA__)
#include <immintrin.h>

namespace dl::DL_KERNEL_NS {

inline __m256 geluRational8(__m256 x) {
    const __m256 clamp = _mm256_set1_ps(4.5f);
    const __m256 xc = _mm256_min_ps(_mm256_max_ps(x, _mm256_sub_ps(_mm256_setzero_ps(), clamp)), clamp);
    const __m256 z = _mm256_mul_ps(xc, xc);
    __m256 p =
        _mm256_fmadd_ps(z, _mm256_set1_ps(-1.3991741417209492e-05f), _mm256_set1_ps(0.0026892674934707573f));
    p = _mm256_fmadd_ps(z, p, _mm256_set1_ps(0.022179004114627986f));
    p = _mm256_fmadd_ps(z, p, _mm256_set1_ps(0.39894772331283523f));
    p = _mm256_mul_ps(xc, p);
    __m256 q =
        _mm256_fmadd_ps(z, _mm256_set1_ps(-5.486323885651096e-06f), _mm256_set1_ps(0.00052365632637620672f));
    q = _mm256_fmadd_ps(z, q, _mm256_set1_ps(0.018453987760502593f));
    q = _mm256_fmadd_ps(z, q, _mm256_set1_ps(0.22315235028378752f));
    q = _mm256_fmadd_ps(z, q, _mm256_set1_ps(1.0f));
    __m256 r = _mm256_rcp_ps(q);
    r = _mm256_mul_ps(r, _mm256_fnmadd_ps(q, r, _mm256_set1_ps(2.0f)));
    const __m256 phi = _mm256_fmadd_ps(p, r, _mm256_set1_ps(0.5f));
    return _mm256_mul_ps(x, phi);
}

}  // namespace dl::DL_KERNEL_NS
#endif
