// CSV exports of what the window holds: the data set, samples, reverse trajectories, the schedule table
// and the loss history. Each file is written with QSaveFile (complete or not at all), its folder made when
// missing; points are in the data's own coordinates unless `normalised`, each number in the shortest text
// that reads back to it. Every function returns an empty string on success or a message naming the file
// and the problem.
//
//   QString error = dlui::writeTrajectoryCsv("chain.csv", *doc->trajectory(), doc->dataSet()->norm);
#pragma once

#include <QString>
#include <span>
#include <vector>

#include "core/data/dataset.h"
#include "core/math/schedule.h"
#include "core/math/types.h"
#include "core/sampling/samplers.h"

namespace dlui {

/// 2D data: "x,y" per point. Image data: "id,p0,p1,…" with pixel values 0..255 (channels interleaved).
QString writeDataSetCsv(const QString& path, const dl::DataSet& data, bool normalised = false);
/// Samples (N×d, normalised as the sampler returns them): "x,y" (2D) or "id,p0,…" (images, 0..255).
QString writeSamplesCsv(const QString& path, const dl::Batch& samples, const dl::Normalisation& norm,
                        bool images = false, bool normalised = false);
/// "step,id,x,y": step is the timestep t of each recorded state (T first, 0 last), id the sample's row.
QString writeTrajectoryCsv(const QString& path, const dl::Trajectory& trajectory,
                           const dl::Normalisation& norm, bool normalised = false);
/// "t,beta,alpha,alpha_bar,sqrt_alpha_bar,sqrt_one_minus_alpha_bar,snr,log_snr,posterior_variance", t = 0..T.
QString writeScheduleCsv(const QString& path, const dl::Schedule& schedule);
/// "step,loss", step counting from 1.
QString writeLossCsv(const QString& path, std::span<const float> loss);

}  // namespace dlui
