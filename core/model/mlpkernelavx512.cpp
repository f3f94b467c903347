// The MLP kernels built for AVX-512 (F, VL, DQ, BW, and BF16 and VNNI for sampling when the compiler has
// them), compiled with those flags by CMake for this file alone and used only when the CPU reports them
// (mlpKernels() in mlpkernelgeneric.cpp).
//
// Eigen's namespace is renamed in this translation unit: Eigen's functions are templates and inline
// functions, which the linker merges by name across object files; compiled here with AVX-512 they
// must not be able to replace the generic ones. With `Eigen` defined as `EigenAvx512`, every Eigen
// symbol of this file has a name of its own (the body's are in dl::kernel_avx512), and the exported
// entry point below checks the CPU before handing out anything built here.
#if defined(DL_HAVE_AVX512_KERNELS)
#define Eigen EigenAvx512
#define DL_KERNEL_NS kernel_avx512
#include "core/model/mlpkernelbody.h"
#undef Eigen
#else
#include "core/model/mlpkernel.h"
#endif

namespace dl {

const MlpKernels<float>* avx512MlpKernels() {
#if defined(DL_HAVE_AVX512_KERNELS)
    static const bool supported = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
                                  __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512bw");
    static const MlpKernels<float> kernels = [] {
        MlpKernels<float> k{"avx512", &kernel_avx512::forward<float>, &kernel_avx512::backward<float>,
                            &kernel_avx512::adamw, &kernel_avx512::product<float>};
#if defined(__AVX512BF16__)
        k.bf16Products = __builtin_cpu_supports("avx512bf16");
#endif
#if defined(__AVX512VNNI__)
        k.int16Products = __builtin_cpu_supports("avx512vnni");
        k.int16BlockRows = kernel_avx512::gemmint16::kBlockRows;
#endif
        return k;
    }();
    return supported ? &kernels : nullptr;
#else
    return nullptr;
#endif
}

double avx512FmaPeakLoop(long iterations) {
#if defined(DL_HAVE_AVX512_KERNELS)
    if (!avx512MlpKernels()) return 0.0;
    const __m512 b = _mm512_set1_ps(0.9999f), c = _mm512_set1_ps(1e-4f);
    // Twelve named accumulators, not an array: GCC keeps an array of vectors on the stack, and the
    // loop then measures store-to-load forwarding instead of the FMA units.
    __m512 a0 = _mm512_set1_ps(1.0f), a1 = _mm512_set1_ps(1.1f), a2 = _mm512_set1_ps(1.2f),
           a3 = _mm512_set1_ps(1.3f), a4 = _mm512_set1_ps(1.4f), a5 = _mm512_set1_ps(1.5f),
           a6 = _mm512_set1_ps(1.6f), a7 = _mm512_set1_ps(1.7f), a8 = _mm512_set1_ps(1.8f),
           a9 = _mm512_set1_ps(1.9f), a10 = _mm512_set1_ps(2.0f), a11 = _mm512_set1_ps(2.1f);
    for (long i = 0; i < iterations; ++i) {
        a0 = _mm512_fmadd_ps(a0, b, c);
        a1 = _mm512_fmadd_ps(a1, b, c);
        a2 = _mm512_fmadd_ps(a2, b, c);
        a3 = _mm512_fmadd_ps(a3, b, c);
        a4 = _mm512_fmadd_ps(a4, b, c);
        a5 = _mm512_fmadd_ps(a5, b, c);
        a6 = _mm512_fmadd_ps(a6, b, c);
        a7 = _mm512_fmadd_ps(a7, b, c);
        a8 = _mm512_fmadd_ps(a8, b, c);
        a9 = _mm512_fmadd_ps(a9, b, c);
        a10 = _mm512_fmadd_ps(a10, b, c);
        a11 = _mm512_fmadd_ps(a11, b, c);
        // Keeps the chains from being folded away or merged.
        __asm__ volatile(""
                         : "+v"(a0), "+v"(a1), "+v"(a2), "+v"(a3), "+v"(a4), "+v"(a5), "+v"(a6), "+v"(a7),
                           "+v"(a8), "+v"(a9), "+v"(a10), "+v"(a11));
    }
    volatile float sink = _mm512_reduce_add_ps(_mm512_add_ps(a0, a11));
    (void)sink;
    return static_cast<double>(iterations) * 12.0 * 32.0;
#else
    (void)iterations;
    return 0.0;
#endif
}

}  // namespace dl
