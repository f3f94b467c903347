#include "core/data/pointgenerators.h"

#include <cmath>
#include <numbers>

#include "core/math/error.h"

namespace dl {

const std::vector<std::string>& builtInPointShapes() {
    static const std::vector<std::string> names = {"moons"};
    return names;
}

Batch generatePoints(std::string_view name, int n, Rng& rng) {
    if (n < 1) throw Error("number of points must be at least 1, got " + std::to_string(n));
    if (name == "moons") return makeMoons(n, rng);
    throw Error("unknown dataset '" + std::string(name) + "'");
}

Batch makeMoons(int n, Rng& rng) {
    constexpr double kNoise = 0.05;
    Batch out(n, 2);
    const int upper = (n + 1) / 2;
    for (int i = 0; i < n; ++i) {
        const double angle = std::numbers::pi * rng.uniform();
        double x, y;
        if (i < upper) {
            x = std::cos(angle);
            y = std::sin(angle);
        } else {
            x = 1.0 - std::cos(angle);
            y = 0.5 - std::sin(angle);
        }
        out(i, 0) = static_cast<float>(x + kNoise * rng.normal());
        out(i, 1) = static_cast<float>(y + kNoise * rng.normal());
    }
    return out;
}

}  // namespace dl
