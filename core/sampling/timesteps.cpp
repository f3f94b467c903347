#include "core/sampling/timesteps.h"

#include <cmath>
#include <string>

#include "core/math/error.h"

namespace dl {

std::string_view timestepSpacingName(TimestepSpacing spacing) {
    switch (spacing) {
        case TimestepSpacing::Linspace:
            return "linspace";
        case TimestepSpacing::Leading:
            return "leading";
        case TimestepSpacing::Trailing:
            return "trailing";
    }
    return "linspace";
}

std::optional<TimestepSpacing> timestepSpacingFromName(std::string_view name) {
    for (TimestepSpacing s :
         {TimestepSpacing::Linspace, TimestepSpacing::Leading, TimestepSpacing::Trailing}) {
        if (timestepSpacingName(s) == name) return s;
    }
    return std::nullopt;
}

std::vector<int> samplingTimesteps(int T, int K, TimestepSpacing spacing) {
    if (T < 1) throw Error("T must be at least 1, got " + std::to_string(T));
    if (K < 1 || K > T)
        throw Error("number of sampling steps must be from 1 to T = " + std::to_string(T) + ", got " +
                    std::to_string(K));

    // std::nearbyint rounds half to even in the default rounding mode, like numpy.round.
    std::vector<int> ts(static_cast<std::size_t>(K));
    switch (spacing) {
        case TimestepSpacing::Linspace: {
            // numpy.linspace(0, T−1, K): i·step with step = (T−1)/(K−1), last element set to T−1 exactly.
            const double step = K > 1 ? static_cast<double>(T - 1) / static_cast<double>(K - 1) : 0.0;
            for (int i = 0; i < K; ++i) {
                const double v =
                    (K > 1 && i == K - 1) ? static_cast<double>(T - 1) : static_cast<double>(i) * step;
                ts[static_cast<std::size_t>(K - 1 - i)] = static_cast<int>(std::nearbyint(v)) + 1;
            }
            break;
        }
        case TimestepSpacing::Leading: {
            const int ratio = T / K;
            for (int i = 0; i < K; ++i) ts[static_cast<std::size_t>(K - 1 - i)] = i * ratio + 1;
            break;
        }
        case TimestepSpacing::Trailing: {
            // diffusers: round(arange(T, 0, −T/K)) − 1 in 0-based indices, i.e. round(T − i·T/K) here. We
            // take exactly K values; arange's floating-point length can otherwise come out one too long.
            const double ratio = static_cast<double>(T) / static_cast<double>(K);
            for (int i = 0; i < K; ++i)
                ts[static_cast<std::size_t>(i)] =
                    static_cast<int>(std::nearbyint(static_cast<double>(T) - i * ratio));
            break;
        }
    }
    return ts;
}

}  // namespace dl
