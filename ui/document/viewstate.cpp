#include "ui/document/viewstate.h"

#include <algorithm>

namespace dlui {

int ViewState::stopShownAt(int at) const {
    if (reverseStops.empty()) return at;
    auto it = std::lower_bound(reverseStops.begin(), reverseStops.end(), at);
    return it == reverseStops.end() ? reverseStops.back() : *it;
}

ViewState normalizedViewState(ViewState s) {
    s.maximum = std::max(1, s.maximum);
    s.speed = std::clamp(s.speed, ViewState::kMinSpeed, ViewState::kMaxSpeed);
    s.rateFactor = std::clamp(s.rateFactor, ViewState::kMinRateFactor, ViewState::kMaxRateFactor);
    std::sort(s.reverseStops.begin(), s.reverseStops.end());
    s.reverseStops.erase(std::unique(s.reverseStops.begin(), s.reverseStops.end()), s.reverseStops.end());
    s.t = std::clamp(s.t, 0, s.maximum);
    if (s.snapsToStops()) s.t = std::clamp(s.stopShownAt(s.t), 0, s.maximum);
    return s;
}

}  // namespace dlui
