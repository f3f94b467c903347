// The MLP kernels built for AVX-512 (F, VL, DQ, BW), compiled with those flags by CMake for this file
// alone and used only when the CPU reports them (mlpKernels() in mlpkernelgeneric.cpp).
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
    static const MlpKernels<float> kernels{"avx512", &kernel_avx512::forward<float>,
                                           &kernel_avx512::backward<float>, &kernel_avx512::adamw,
                                           &kernel_avx512::product<float>};
    return supported ? &kernels : nullptr;
#else
    return nullptr;
#endif
}

}  // namespace dl
