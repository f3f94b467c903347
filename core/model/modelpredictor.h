// Turns trained weights into the denoiser callback every sampler takes (core/sampling/denoiser.h).
// The network's output is converted from its prediction target (ε, x_0 or v) into ε̂ with the
// schedule's ᾱ_t (prediction.h), so samplers never need to know what the model was trained on. An x0- or
// v-model also hands out its x̂_0 directly (makeModelDenoiser), for the steps where ᾱ_t is 0.
//
//   dl::EpsilonPredictor eps = dl::makeModelPredictor(file.model, file.emaParameters,
//   dl::Schedule(file.schedule)); dl::SampleResult r = dl::sampleFromNoise(schedule, eps, 2000, 2,
//   samplerParams, rng);
#pragma once

#include "core/math/schedule.h"
#include "core/model/mlpconfig.h"
#include "core/sampling/denoiser.h"

namespace dl {

/// The arithmetic of the network's matrix products when sampling. BFloat16 (where the CPU has AVX-512
/// BF16, see bf16ProductsAvailable) rounds weights and layer inputs to bfloat16 and sums in float; Int16
/// (where it has AVX2 but not AVX-512, see int16ProductsAvailable) scales each weight row and each layer
/// input to 16-bit integers and sums exactly in int32 (int16weights.h). Either is about twice the speed
/// of Float32, with ε̂ within ~1 % of it (docs/performance.md has the measured effect on the samples).
/// Where the CPU lacks one, asking for it gives Float32.
enum class ProductPrecision { Float32, BFloat16, Int16 };

/// Whether this build and CPU run bfloat16 products (AVX-512 BF16); DL_KERNELS=generic turns them off.
bool bf16ProductsAvailable();

/// Whether the kernels this CPU runs take int16 products (the AVX2 build, chosen where there is no
/// AVX-512 or with DL_KERNELS=generic; the AVX-512 build where the CPU has AVX-512 VNNI).
bool int16ProductsAvailable();

/// Int16 where available, else BFloat16 where available, else Float32: what the window samples with,
/// where a chain ready in a fifth of a second matters more than the last bits of ε̂.
ProductPrecision fastestProductPrecision();

/// "fp32", "bf16" or "int16", as the CLI's --precision spells them.
const char* productPrecisionName(ProductPrecision precision);

/// Copies the weights into a network of its own (shared by copies of the returned function, and
/// guarded by a mutex, so copies may be called from different threads, one call at a time). With
/// threads > 1, batches of at least 512 rows are split across that many threads (rows are independent, so
/// the result is the same up to float rounding). Throws dl::Error when the parameter count does
/// not match the config.
EpsilonPredictor makeModelPredictor(const MlpConfig& config, const Eigen::VectorXf& parameters,
                                    const Schedule& schedule, int threads = 1,
                                    ProductPrecision precision = ProductPrecision::Float32);

/// The same ε̂ as makeModelPredictor, plus (for x0- and v-prediction models) the network's own x̂_0, which the
/// samplers use where ᾱ_t underflows or is 0 (denoiser.h). What sampling code should call.
Denoiser makeModelDenoiser(const MlpConfig& config, const Eigen::VectorXf& parameters,
                           const Schedule& schedule, int threads = 1,
                           ProductPrecision precision = ProductPrecision::Float32);

}  // namespace dl
