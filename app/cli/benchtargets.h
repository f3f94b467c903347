// The figures issue 14 sets targets for, each printed next to its target by `diffusion-lab-cli bench`:
// the training step against the PyTorch peer and against the bound of Eigen's own products (rounds
// alternate between the programs, so drift of the machine's speed cancels in the ratios), and the
// speed-up of two threads at the default preset's batch, and the time of the default preset's reverse chain.
#pragma once

#include <optional>
#include <string>

#include "benchmarks.h"

namespace dlcli {

struct TargetBenchOptions {
    dl::BenchmarkOptions timing;      ///< per-figure timing (one run per round is used)
    int rounds = 3;                   ///< alternating rounds; medians of the per-round ratios
    int threads = 2;                  ///< for the thread-scaling line
    int peerSteps = 3000;             ///< steps of each peer run
    std::optional<std::string> peer;  ///< peer script override (--peer)
    bool skipPeer = false;
};

/// Training step of the tiny-diffusion network, batch 32, one thread: ours vs the PyTorch peer and
/// vs the bound (Eigen GEMMs + unavoidable elementwise work), round by round, then the medians.
void benchAgainstPeer(const TargetBenchOptions& options);

/// Default preset network at batch 128: K threads over one thread, alternating, median ratio, with the
/// CPU time per step of all threads next to it.
void benchThreadScaling(const TargetBenchOptions& options);

/// The default preset's whole reverse chain (DDPM, every one of T steps) for 2000 points, on 1 and on K
/// threads: wall-clock and CPU-time medians.
void benchReverseChain(const TargetBenchOptions& options);

}  // namespace dlcli
