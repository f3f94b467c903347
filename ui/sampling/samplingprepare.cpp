#include "ui/sampling/samplingprepare.h"

#include <algorithm>
#include <memory>
#include <vector>

namespace dlui {
namespace {

constexpr std::size_t kPageBytes = 4096;
constexpr std::size_t kStepRecordBatches = 6;  // x_t, ε̂, x̂_0, μ, σz, x_s (core/sampling/steprecord.h)

/// Takes `bytes` from the heap in pieces of `pieceBytes`, writes to every page, and frees the pieces
/// last first, so each one merges back into the free space at the top of the heap.
void touchHeap(std::size_t bytes, std::size_t pieceBytes) {
    std::vector<std::unique_ptr<char[]>> pieces;
    pieces.reserve(bytes / pieceBytes + 1);
    for (std::size_t taken = 0; taken < bytes; taken += pieceBytes) {
        pieces.push_back(std::make_unique_for_overwrite<char[]>(pieceBytes));
        // Volatile, so that the compiler keeps the allocation and the writes it would otherwise drop.
        volatile char* piece = pieces.back().get();
        for (std::size_t at = 0; at < pieceBytes; at += kPageBytes) piece[at] = 0;
    }
    while (!pieces.empty()) pieces.pop_back();
}

}  // namespace

std::size_t samplingRunBytes(const SamplingRequest& request) {
    const std::size_t K = static_cast<std::size_t>(std::max(samplingStepCount(request), 0));
    const std::size_t stride = static_cast<std::size_t>(std::max(request.params.trajectoryStride, 0));
    const std::size_t states = stride > 0 ? K / stride + 2 : 2;  // x_T … x_0, or the current pair
    const std::size_t recordBytes = request.params.stepRecordRows.size() *
                                    static_cast<std::size_t>(std::max(request.dim, 1)) * sizeof(float) *
                                    kStepRecordBatches * K;
    return samplingStateBytes(request) * states + recordBytes;
}

void prepareSampling(const SamplingRequest& request) {
    if (request.makeDenoiser) request.makeDenoiser();
    const std::size_t bytes = std::min(2 * samplingRunBytes(request), kMaxPreparedBytes);
    // Pieces the size of one state, as the run takes them (at least a page, at most 1 MB).
    touchHeap(bytes, std::clamp<std::size_t>(samplingStateBytes(request), kPageBytes, std::size_t{1} << 20));
}

}  // namespace dlui
