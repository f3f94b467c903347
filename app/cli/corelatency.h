// How far apart two threads' cores are, as the time a cache line takes to go from one to the other
// and back. On a virtual machine the host decides where the two vCPUs run: next to each other (a round
// trip of ~130 ns on the EPYC machines of docs/performance.md) or on different core complexes
// (~500 ns), and it may move them between two runs of the same program. Every training step of several
// threads hands the parameters one thread updated and the gradient sums across, so the thread-scaling
// figure of `bench` depends on it; the bench prints it with every round.
//
//   const double ns = dlcli::coreRoundTripNanoseconds();  // 0 when no second thread could start
#pragma once

namespace dlcli {

/// Median round trip, in nanoseconds, of a value passed between two threads through one cache line.
double coreRoundTripNanoseconds();

}  // namespace dlcli
