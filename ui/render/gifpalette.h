// Colour quantisation for GIF frames: median cut (Heckbert 1982) over a 5-bit-per-channel histogram,
// then each used histogram cell maps to its nearest palette colour. Deterministic (no dithering, no
// random sampling): the same image gives the same palette and indices.
//
//   dlui::IndexedImage indexed = dlui::quantizeMedianCut(frame, 256);
//   // indexed.palette.size() ≤ 256, indexed.indices has width·height entries, row by row
#pragma once

#include <QImage>
#include <QRgb>
#include <vector>

namespace dlui {

struct IndexedImage {
    int width = 0;
    int height = 0;
    std::vector<QRgb> palette;           ///< opaque colours, at most the number asked for
    std::vector<unsigned char> indices;  ///< width × height, row-major
};

/// Quantises an image (transparent pixels are flattened onto white) to at most maxColors (2..256) colours.
/// An image with at most maxColors distinct 5-bit cells gets one palette entry per cell (their mean).
IndexedImage quantizeMedianCut(const QImage& image, int maxColors = 256);

}  // namespace dlui
