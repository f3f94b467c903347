// The PyTorch peer of the training benchmark: bench/peer/torch_ddpm2d.py trains the same
// tiny-diffusion network with PyTorch on the CPU (OpenBLAS when Debian's libopenblas0-openmp is
// installed) and prints `train_steps_per_s=` and `blas=`. `diffusion-lab-cli bench` runs it in
// alternation with its own training step, so the machine's drift over minutes affects both alike.
//
//   if (auto script = dlcli::findPeerScript(std::nullopt)) {
//       std::string why;
//       if (auto run = dlcli::runPeer(*script, 2000, 32, 1, why)) std::printf("%.0f\n", run->stepsPerSecond);
//   }
#pragma once

#include <optional>
#include <string>

namespace dlcli {

struct PeerRun {
    double stepsPerSecond = 0.0;     ///< train_steps_per_s= of the peer (its training loop only)
    double stepsPerCpuSecond = 0.0;  ///< train_steps_per_cpu_s= (per second of its CPU time), 0 if absent
    std::string blas;                ///< the BLAS the peer's PyTorch actually loaded
};

/// The peer script: `override` when given (must exist), else the copy in the source tree's
/// bench/peer/, else nothing.
std::optional<std::string> findPeerScript(const std::optional<std::string>& override);

/// Whether python3 can import torch; when not, `why` says what is missing.
bool peerRuntimeAvailable(std::string& why);

/// Runs the peer once (training only, no samples kept); nothing when it failed, with the reason in `why`.
std::optional<PeerRun> runPeer(const std::string& script, int steps, int batch, int threads,
                               std::string& why);

}  // namespace dlcli
