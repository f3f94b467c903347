// Getting the sampling thread ready for the next Sample while the window is idle (after training, or
// after a model is loaded). Without it the first runs of a session pay for two things the later ones
// do not: building the denoiser (25 ms for the default network: its bfloat16 or int16 weights, the
// input layer's table, its threads), and the heap growing to the size of a run, a page fault on every
// 4 KB page the first time it is touched (≈ 10 µs each on a virtual machine: 7,300 faults on the first
// Sample and 4,200 on the second, which made them 0.18–0.19 and 0.15–0.17 s against 0.09–0.10 s later;
// docs/performance.md, 2026-12-04). It runs in the sampling job's own thread (LatestJob::runInWorker)
// because glibc keeps freed memory per thread arena (core/sampling/heapretention.h).
//
//   controller.prepare(request);   // SamplingController: prepareSampling(request) in its worker
#pragma once

#include <cstddef>

#include "ui/sampling/samplingjob.h"

namespace dlui {

/// What one run of the request allocates for the states it keeps (its trajectory) and the inspector's
/// step records (six R×d batches per step).
std::size_t samplingRunBytes(const SamplingRequest& request);

/// The most prepareSampling touches: below the free space glibc keeps (heapretention.h), or it would
/// hand the pages straight back.
constexpr std::size_t kMaxPreparedBytes = std::size_t{48} << 20;

/// Builds the request's denoiser (through the denoiser cache, which keeps it for the run that follows),
/// then takes the memory of two runs from the heap, touches every page and frees it: the window keeps
/// the last result on screen while the next run allocates its own. Call in the sampling worker thread.
void prepareSampling(const SamplingRequest& request);

}  // namespace dlui
