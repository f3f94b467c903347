#include "ui/render/palette.h"

#include <QPalette>
#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <vector>

namespace dlui {

namespace {

using Rgb = std::array<int, 3>;

/// Viridis at u = 0, 1/8, …, 1 (van der Walt & Smith, matplotlib's default map).
constexpr std::array<Rgb, 9> kViridis{{{68, 1, 84},
                                       {71, 44, 122},
                                       {59, 81, 139},
                                       {44, 113, 142},
                                       {33, 144, 141},
                                       {39, 173, 129},
                                       {92, 200, 99},
                                       {170, 220, 50},
                                       {253, 231, 37}}};

/// Cividis at u = 0, 1/5, …, 1 (Nuñez et al. 2018): its lightness rises monotonically and it reads the
/// same with deuteranopia, protanopia and tritanopia.
constexpr std::array<Rgb, 6> kCividis{
    {{0, 34, 78}, {53, 69, 108}, {102, 105, 112}, {148, 142, 119}, {200, 184, 102}, {254, 232, 56}}};

/// Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision deficiency.
constexpr std::array<Rgb, 7> kOkabeIto{{{0, 114, 178},     // blue
                                        {213, 94, 0},      // vermillion
                                        {0, 158, 115},     // bluish green
                                        {230, 159, 0},     // orange
                                        {86, 180, 233},    // sky blue
                                        {204, 121, 167},   // reddish purple
                                        {240, 228, 66}}};  // yellow

/// Up to 0.7 the maps' lightest colour stands ≥ 2.4:1 from white (as from 0.3 on the dark background);
/// up to 1, viridis's yellow stood 1.1:1, and the rightmost points all but vanished.
constexpr float kKeyEndOnWhite = 0.7f;

QColor rgb(const Rgb& c, int alpha = 255) {
    return QColor(c[0], c[1], c[2], alpha);
}

/// Piecewise-linear interpolation between evenly spaced anchors.
QColor interpolate(std::span<const Rgb> anchors, float key) {
    const float u = std::isnan(key) ? 0.0f : std::clamp(key, 0.0f, 1.0f);
    const int segments = static_cast<int>(anchors.size()) - 1;
    const float pos = u * static_cast<float>(segments);
    const int i = std::min(segments - 1, static_cast<int>(pos));
    const float f = pos - static_cast<float>(i);
    auto mix = [&](int channel) {
        return static_cast<int>(std::lround(anchors[i][channel] * (1.0f - f) + anchors[i + 1][channel] * f));
    };
    return QColor(mix(0), mix(1), mix(2));
}

}  // namespace

SceneColors sceneColors(Background background, ColorPalette palette) {
    SceneColors c;
    c.palette = palette;
    switch (background) {
        case Background::Dark:
            c.background = QColor(24, 26, 32);
            c.point = QColor(110, 180, 255);
            c.axis = QColor(150, 156, 168);
            c.text = QColor(225, 228, 235);
            c.captionBox = QColor(24, 26, 32, 225);
            c.trail = QColor(255, 200, 90, 150);
            c.heat = QColor(255, 140, 50);
            c.heatOpacity = 0.85;
            // From 0.3 the maps' darkest colour stands ≥ 2.4:1 from this background; from 0 it was 1.1:1.
            c.keyStart = 0.3f;
            break;
        case Background::HighContrast:
            // Black on white, opaque caption box and heavier lines: a projector in a lit room washes out
            // greys and thin strokes first.
            c.background = QColor(255, 255, 255);
            c.point = QColor(0, 0, 0);
            c.axis = QColor(0, 0, 0);
            c.text = QColor(0, 0, 0);
            c.captionBox = QColor(255, 255, 255);
            c.trail = QColor(200, 0, 0, 200);
            c.heat = QColor(220, 60, 0);
            c.lineWidth = 2.0;
            c.keyEnd = kKeyEndOnWhite;
            break;
        case Background::White:
        case Background::Transparent:
            c.background = background == Background::White ? QColor(255, 255, 255) : QColor(0, 0, 0, 0);
            c.point = QColor(31, 100, 180);
            c.axis = QColor(90, 94, 102);
            c.text = QColor(30, 32, 38);
            c.captionBox = QColor(255, 255, 255, 230);
            c.trail = QColor(200, 90, 30, 140);
            c.heat = QColor(230, 110, 20);
            // Transparent frames go on slides, most of them white.
            c.keyEnd = kKeyEndOnWhite;
            break;
    }
    if (palette == ColorPalette::ColorBlindSafe) {
        // Single colours from Okabe–Ito; the heat map through cividis.
        const bool dark = background == Background::Dark;
        c.point = rgb(dark ? kOkabeIto[4] : kOkabeIto[0]);
        c.trail = rgb(kOkabeIto[3], c.trail.alpha());
        c.heat = rgb(kCividis.back());
        c.heatMap = true;
    }
    return c;
}

QColor keyColor(float key, ColorPalette palette) {
    return palette == ColorPalette::ColorBlindSafe ? interpolate(kCividis, key) : interpolate(kViridis, key);
}

QColor pointKeyColor(float key, const SceneColors& colors) {
    const float u = std::isnan(key) ? 0.0f : std::clamp(key, 0.0f, 1.0f);
    return keyColor(colors.keyStart + (colors.keyEnd - colors.keyStart) * u, colors.palette);
}

namespace {

double relativeLuminance(const QColor& c) {
    const auto linear = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
}

}  // namespace

bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

double contrastRatio(const QColor& a, const QColor& b) {
    const double la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor readableOn(const QColor& color, const QColor& background, double minRatio) {
    // HSL lightness moves away from the background's; hue and saturation stay, so a curve keeps its name.
    if (contrastRatio(color, background) >= minRatio) return color;
    const bool lighten = relativeLuminance(background) < 0.18;
    QColor c = color.toHsl();
    for (int step = 0; step < 40 && contrastRatio(c, background) < minRatio; ++step) {
        const int l = std::clamp(c.lightness() + (lighten ? 8 : -8), 0, 255);
        c.setHsl(c.hslHue(), c.hslSaturation(), l, c.alpha());
    }
    return c.toRgb();
}

QColor categoricalColor(int index) {
    const auto n = static_cast<int>(kOkabeIto.size());
    return rgb(kOkabeIto[static_cast<size_t>(((index % n) + n) % n)]);
}

QString paletteName(ColorPalette palette) {
    return palette == ColorPalette::ColorBlindSafe ? QStringLiteral("colour-blind")
                                                   : QStringLiteral("standard");
}

std::optional<ColorPalette> paletteFromName(const QString& name) {
    for (ColorPalette p : {ColorPalette::Standard, ColorPalette::ColorBlindSafe})
        if (paletteName(p) == name) return p;
    return std::nullopt;
}

std::vector<float> colorKeysFromX(const dl::Batch& points) {
    std::vector<float> keys(static_cast<size_t>(points.rows()), 0.5f);
    if (points.rows() == 0 || points.cols() < 1) return keys;
    // The map spans the middle 98 % of x, not min..max: a sample thrown far out (the comparison's 10-step
    // DDIM pane had them) squeezed every other point into the blue half, and the ends of the moons no
    // longer matched between the panes. Points beyond take the end colours.
    std::vector<float> x;
    x.reserve(static_cast<size_t>(points.rows()));
    for (Eigen::Index i = 0; i < points.rows(); ++i)
        if (std::isfinite(points(i, 0))) x.push_back(points(i, 0));
    if (x.empty()) return keys;
    const auto quantile = [&x](double q) {
        const auto k = static_cast<std::ptrdiff_t>(std::floor(q * static_cast<double>(x.size() - 1)));
        std::nth_element(x.begin(), x.begin() + k, x.end());
        return x[static_cast<size_t>(k)];
    };
    const float lo = quantile(0.01), hi = quantile(0.99);
    if (!(hi > lo)) return keys;
    for (Eigen::Index i = 0; i < points.rows(); ++i)
        if (std::isfinite(points(i, 0)))
            keys[static_cast<size_t>(i)] = std::clamp((points(i, 0) - lo) / (hi - lo), 0.0f, 1.0f);
    return keys;
}

}  // namespace dlui
