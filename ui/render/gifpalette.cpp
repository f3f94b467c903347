#include "ui/render/gifpalette.h"

#include <QPainter>
#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>

namespace dlui {
namespace {

constexpr int kCells = 1 << 15;  // 32 levels per channel

int cellOf(QRgb c) {
    return ((qRed(c) >> 3) << 10) | ((qGreen(c) >> 3) << 5) | (qBlue(c) >> 3);
}

struct Cell {
    int key = 0;
    std::uint32_t count = 0;
    std::uint64_t sum[3] = {0, 0, 0};  // full 8-bit sums, so a palette colour is the exact mean
    QRgb first = 0;                    // the first exact colour seen in this cell …
    std::uint32_t firstCount = 0;      // … and how many pixels have exactly it
    int level(int channel) const { return (key >> (10 - 5 * channel)) & 31; }
};

struct Box {
    int begin = 0, end = 0;  // range in the cell array
    std::uint64_t population = 0;
    int lo[3] = {31, 31, 31}, hi[3] = {0, 0, 0};
    int widestChannel() const {
        int best = 0;
        for (int ch = 1; ch < 3; ++ch)
            if (hi[ch] - lo[ch] > hi[best] - lo[best]) best = ch;
        return best;
    }
    int extent() const { return hi[widestChannel()] - lo[widestChannel()]; }
};

Box makeBox(const std::vector<Cell>& cells, int begin, int end) {
    Box b;
    b.begin = begin;
    b.end = end;
    for (int i = begin; i < end; ++i) {
        b.population += cells[i].count;
        for (int ch = 0; ch < 3; ++ch) {
            b.lo[ch] = std::min(b.lo[ch], cells[i].level(ch));
            b.hi[ch] = std::max(b.hi[ch], cells[i].level(ch));
        }
    }
    return b;
}

}  // namespace

IndexedImage quantizeMedianCut(const QImage& source, int maxColors) {
    maxColors = std::clamp(maxColors, 2, 256);
    QImage image = source.convertToFormat(QImage::Format_ARGB32);
    if (image.hasAlphaChannel()) {
        QImage flat(image.size(), QImage::Format_RGB32);
        flat.fill(Qt::white);
        {
            QPainter painter(&flat);
            painter.drawImage(0, 0, image);
        }
        image = flat;
    }
    IndexedImage out;
    out.width = image.width();
    out.height = image.height();
    out.indices.resize(static_cast<size_t>(out.width) * out.height);

    // Histogram of the used cells.
    std::vector<Cell> histogram(kCells);
    for (int y = 0; y < out.height; ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < out.width; ++x) {
            Cell& c = histogram[static_cast<size_t>(cellOf(line[x]))];
            if (c.count == 0) c.first = line[x] & 0xffffffu;
            if ((line[x] & 0xffffffu) == c.first) ++c.firstCount;
            ++c.count;
            c.sum[0] += qRed(line[x]);
            c.sum[1] += qGreen(line[x]);
            c.sum[2] += qBlue(line[x]);
        }
    }
    std::vector<Cell> cells;
    for (int k = 0; k < kCells; ++k)
        if (histogram[k].count > 0) {
            histogram[k].key = k;
            cells.push_back(histogram[k]);
        }
    if (cells.empty()) return out;

    // Median cut: split the box with the most pixels (among splittable ones) at its population median
    // along its widest channel, until there are maxColors boxes or no box can be split.
    std::vector<Box> boxes{makeBox(cells, 0, static_cast<int>(cells.size()))};
    while (static_cast<int>(boxes.size()) < maxColors) {
        int pick = -1;
        for (int i = 0; i < static_cast<int>(boxes.size()); ++i) {
            if (boxes[i].end - boxes[i].begin < 2) continue;
            // Weight by extent too, so a large flat background does not starve the rare colours.
            const std::uint64_t score =
                boxes[i].population * static_cast<std::uint64_t>(boxes[i].extent() + 1);
            if (pick < 0 ||
                score > boxes[pick].population * static_cast<std::uint64_t>(boxes[pick].extent() + 1))
                pick = i;
        }
        if (pick < 0) break;
        const Box box = boxes[pick];
        const int ch = box.widestChannel();
        std::sort(cells.begin() + box.begin, cells.begin() + box.end, [ch](const Cell& a, const Cell& b) {
            return a.level(ch) != b.level(ch) ? a.level(ch) < b.level(ch) : a.key < b.key;
        });
        std::uint64_t running = 0;
        int split = box.begin + 1;
        for (int i = box.begin; i < box.end - 1; ++i) {
            running += cells[i].count;
            split = i + 1;
            if (running * 2 >= box.population) break;
        }
        boxes[pick] = makeBox(cells, box.begin, split);
        boxes.push_back(makeBox(cells, split, box.end));
    }

    out.palette.reserve(boxes.size());
    for (const Box& b : boxes) {
        std::uint64_t sum[3] = {0, 0, 0}, n = 0;
        const Cell* dominant = &cells[b.begin];
        for (int i = b.begin; i < b.end; ++i) {
            n += cells[i].count;
            for (int ch = 0; ch < 3; ++ch) sum[ch] += cells[i].sum[ch];
            if (cells[i].firstCount > dominant->firstCount) dominant = &cells[i];
        }
        // Flat areas (background, text, a uniform dot colour) keep their exact colour when one colour
        // covers most of the box; otherwise the box's mean colour.
        if (2 * std::uint64_t{dominant->firstCount} >= n) {
            out.palette.push_back(dominant->first | 0xff000000u);
            continue;
        }
        auto mean = [&](int ch) { return static_cast<int>((sum[ch] + n / 2) / n); };
        out.palette.push_back(qRgb(mean(0), mean(1), mean(2)));
    }

    // Each used cell → nearest palette colour to the cell's own mean colour.
    std::vector<unsigned char> lut(kCells, 0);
    for (const Cell& c : cells) {
        const int r = static_cast<int>(c.sum[0] / c.count), g = static_cast<int>(c.sum[1] / c.count),
                  b = static_cast<int>(c.sum[2] / c.count);
        int best = 0;
        int bestDistance = INT32_MAX;
        for (int i = 0; i < static_cast<int>(out.palette.size()); ++i) {
            const int dr = r - qRed(out.palette[i]), dg = g - qGreen(out.palette[i]),
                      db = b - qBlue(out.palette[i]);
            // Green weighs most, blue least (rough luminance weights), as the eye does.
            const int d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        lut[static_cast<size_t>(c.key)] = static_cast<unsigned char>(best);
    }
    for (int y = 0; y < out.height; ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        unsigned char* dst = out.indices.data() + static_cast<size_t>(y) * out.width;
        for (int x = 0; x < out.width; ++x) dst[x] = lut[static_cast<size_t>(cellOf(line[x]))];
    }
    return out;
}

}  // namespace dlui
