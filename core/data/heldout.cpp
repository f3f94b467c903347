#include "core/data/heldout.h"

#include <algorithm>
#include <numeric>
#include <vector>

#include "core/data/pointgenerators.h"
#include "core/math/rng.h"

namespace dl {

int heldOutRows(int n) {
    const int rows = std::min(static_cast<int>(kHeldOutFraction * n), kMaxHeldOutRows);
    return rows >= kMinHeldOutRows ? rows : 0;
}

HeldOutSplit splitHeldOut(const DataSet& data, std::uint64_t seed) {
    const int n = data.size();
    const int held = heldOutRows(n);
    HeldOutSplit split;
    split.training = data;
    if (held == 0) return split;
    // A partial Fisher–Yates shuffle picks the held-out rows uniformly; a mask keeps both parts in order.
    std::vector<int> index(static_cast<std::size_t>(n));
    std::iota(index.begin(), index.end(), 0);
    Rng rng = Rng(seed).split(0x4E1D0u);
    std::vector<bool> isHeld(static_cast<std::size_t>(n), false);
    for (int i = 0; i < held; ++i) {
        std::swap(index[static_cast<std::size_t>(i)],
                  index[static_cast<std::size_t>(rng.uniformInt(i, n - 1))]);
        isHeld[static_cast<std::size_t>(index[static_cast<std::size_t>(i)])] = true;
    }
    split.heldOut.resize(held, data.dim());
    split.training.points.resize(n - held, data.dim());
    Eigen::Index h = 0, t = 0;
    for (int i = 0; i < n; ++i) {
        if (isHeld[static_cast<std::size_t>(i)])
            split.heldOut.row(h++) = data.points.row(i);
        else
            split.training.points.row(t++) = data.points.row(i);
    }
    return split;
}

bool canDrawAgain(const DataSet& data) {
    if (data.isImage()) return false;
    const auto& shapes = builtInPointShapes();
    return std::find(shapes.begin(), shapes.end(), data.name) != shapes.end();
}

}  // namespace dl
