#include "ui/render/palette.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace dlui {

SceneColors sceneColors(Background background) {
    SceneColors c;
    switch (background) {
        case Background::Dark:
            c.background = QColor(24, 26, 32);
            c.point = QColor(110, 180, 255);
            c.axis = QColor(150, 156, 168);
            c.text = QColor(225, 228, 235);
            c.captionBox = QColor(24, 26, 32, 190);
            c.trail = QColor(255, 200, 90, 150);
            c.heat = QColor(255, 140, 50);
            break;
        case Background::White:
        case Background::Transparent:
            c.background = background == Background::White ? QColor(255, 255, 255) : QColor(0, 0, 0, 0);
            c.point = QColor(31, 100, 180);
            c.axis = QColor(90, 94, 102);
            c.text = QColor(30, 32, 38);
            c.captionBox = QColor(255, 255, 255, 200);
            c.trail = QColor(200, 90, 30, 140);
            c.heat = QColor(230, 110, 20);
            break;
    }
    return c;
}

QColor keyColor(float key) {
    // Viridis at u = 0, 1/8, …, 1 (van der Walt & Smith, matplotlib's default map).
    static constexpr std::array<std::array<int, 3>, 9> kAnchors{{{68, 1, 84},
                                                                 {71, 44, 122},
                                                                 {59, 81, 139},
                                                                 {44, 113, 142},
                                                                 {33, 144, 141},
                                                                 {39, 173, 129},
                                                                 {92, 200, 99},
                                                                 {170, 220, 50},
                                                                 {253, 231, 37}}};
    const float u = std::isnan(key) ? 0.0f : std::clamp(key, 0.0f, 1.0f);
    const float pos = u * 8.0f;
    const int i = std::min(7, static_cast<int>(pos));
    const float f = pos - static_cast<float>(i);
    auto mix = [&](int channel) {
        return static_cast<int>(
            std::lround(kAnchors[i][channel] * (1.0f - f) + kAnchors[i + 1][channel] * f));
    };
    return QColor(mix(0), mix(1), mix(2));
}

std::vector<float> colorKeysFromX(const dl::Batch& points) {
    std::vector<float> keys(static_cast<size_t>(points.rows()), 0.5f);
    if (points.rows() == 0 || points.cols() < 1) return keys;
    const float lo = points.col(0).minCoeff(), hi = points.col(0).maxCoeff();
    if (!(hi > lo)) return keys;
    for (Eigen::Index i = 0; i < points.rows(); ++i)
        keys[static_cast<size_t>(i)] = (points(i, 0) - lo) / (hi - lo);
    return keys;
}

}  // namespace dlui
