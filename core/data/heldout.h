// Held-out data for honest quality figures. A model is judged by comparing its samples with data it
// never trained on: a built-in shape is simply drawn again with another seed, but finite data (a CSV,
// drawn strokes, an image or a text as a shape) cannot be, so a random part of their rows is set aside
// before training and never shown to the trainer.
//
// The split is random (a CSV sorted by class must not put one class in the held-out part) and depends
// only on the data and the seed, so a continued run splits the same rows off again.
//
//   dl::HeldOutSplit split = dl::splitHeldOut(data, seed);
//   dl::Trainer trainer(split.training, schedule, net, config);
//   ... score samples against split.heldOut (see core/training/modelquality.h)
#pragma once

#include <cstdint>
#include <string>

#include "core/data/dataset.h"

namespace dl {

/// The held-out part is this fraction of the rows, at most kMaxHeldOutRows (the quality check only ever
/// looks at a few thousand rows, so a large data set keeps almost everything for training).
constexpr double kHeldOutFraction = 0.2;
constexpr int kMaxHeldOutRows = 6000;
/// Below this many held-out rows there is no honest floor (it needs two disjoint subsets).
constexpr int kMinHeldOutRows = 4;

struct HeldOutSplit {
    DataSet training;  ///< the rows the model trains on, with the original data set's normalisation
    Batch heldOut;     ///< the other rows (normalised), never trained on; empty when the set is too small
};

/// Rows heldOutRows(n) sets aside: ⌊kHeldOutFraction·n⌋ capped at kMaxHeldOutRows, or 0 when that is
/// below kMinHeldOutRows.
int heldOutRows(int n);

/// Splits data's rows at random (seeded) into a training part and a held-out part of heldOutRows()
/// rows. Both keep the rows' original order. With 0 held-out rows, training is the whole set.
HeldOutSplit splitHeldOut(const DataSet& data, std::uint64_t seed);

/// True when the data set is a built-in shape (data.name is its generator's name): it can be drawn
/// again, so it needs no held-out part.
bool canDrawAgain(const DataSet& data);

}  // namespace dl
