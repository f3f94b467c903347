// The MLP kernels built with the project's flags, and the choice between them and the AVX-512 build.
#define DL_KERNEL_NS kernel_generic
#include <cstdlib>
#include <cstring>
#include <type_traits>

#include "core/model/mlpkernelbody.h"

namespace dl {
namespace {

template <typename S>
MlpKernels<S> makeGeneric() {
    MlpKernels<S> k;
    k.name = "generic";
    k.forward = &kernel_generic::forward<S>;
    k.backward = &kernel_generic::backward<S>;
    k.product = &kernel_generic::product<S>;
    if constexpr (std::is_same_v<S, float>) {
        k.adamw = &kernel_generic::adamw;
#if defined(__AVX2__)
        k.int16Products = true;
        k.int16BlockRows = kernel_generic::gemmint16::kBlockRows;
#endif
    }
    return k;
}

bool genericForced() {
    const char* forced = std::getenv("DL_KERNELS");
    return forced && std::strcmp(forced, "generic") == 0;
}

}  // namespace

template <typename S>
const MlpKernels<S>& genericMlpKernels() {
    static const MlpKernels<S> kernels = makeGeneric<S>();
    return kernels;
}

template <>
const MlpKernels<float>& mlpKernels<float>() {
    static const MlpKernels<float>& chosen = [&]() -> const MlpKernels<float>& {
        const MlpKernels<float>* fast = genericForced() ? nullptr : avx512MlpKernels();
        return fast ? *fast : genericMlpKernels<float>();
    }();
    return chosen;
}

template <>
const MlpKernels<double>& mlpKernels<double>() {
    return genericMlpKernels<double>();
}

template const MlpKernels<float>& genericMlpKernels<float>();
template const MlpKernels<double>& genericMlpKernels<double>();

}  // namespace dl
