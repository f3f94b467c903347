// A small image data set for window tests in pixel space: side×side gray images of a bright 3×3 square at
// random places (d = side², a few milliseconds to train on), with the source the Data panel would record.
//
//   const auto [images, source] = dltest::squareImages(8, 200);
//   window.document()->setDataSet(images, source);
#pragma once

#include <utility>

#include "core/data/dataset.h"
#include "core/math/rng.h"
#include "ui/document/labdocument.h"

namespace dltest {

inline std::pair<dl::DataSet, dlui::DataSource> squareImages(int side, int n) {
    dl::Rng rng(5);
    dl::Batch raw = dl::Batch::Zero(n, side * side);
    for (int i = 0; i < n; ++i) {
        const int x = rng.uniformInt(0, side - 3), y = rng.uniformInt(0, side - 3);
        for (int dy = 0; dy < 3; ++dy)
            for (int dx = 0; dx < 3; ++dx) raw(i, (y + dy) * side + x + dx) = 255.0f;
    }
    dl::DataSet images;
    images.kind = dl::DataKind::Image;
    images.name = "squares";
    images.image = dl::ImageShape{side, side, 1};
    images.norm = dl::imageNormalisation(side * side);
    images.points = images.norm.toNormalised(raw);
    dlui::DataSource source;
    source.kind = dlui::DataSource::Kind::Glyphs;
    source.count = n;
    return {std::move(images), source};
}

}  // namespace dltest
