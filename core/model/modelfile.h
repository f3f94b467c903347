// Model files: everything needed to sample from a trained denoiser, continue its training, or judge
// its samples, in one versioned, self-describing binary file.
//
// Layout (all numbers little-endian):
//   "DLMODEL\0"                 8-byte magic
//   u32 format version          1, or 2 when the file holds per-axis scales (AXSC): a build that reads
//                               only version 1 would map such samples back wrongly, so it refuses them
//                               with a clear message instead; a newer version is refused likewise
//   u32 section count
//   u64 payload length          bytes of the sections that follow
//   sections                    each: 4-byte tag, u64 length, body. Unknown tags are skipped, so a
//                               reader of the same major version can read files with extra sections.
//   u32 CRC-32                  of everything before it (IEEE 802.3 polynomial, as zlib's crc32)
// Sections: META (UTF-8 "key=value" lines for people), ARCH, SCHD, DATA, REFS, TRCF, STEP, LOSS,
// PARM, EMAP, ADAM, and the optional HOLD (held-out rows, for the quality figures) and AXSC (per-axis
// scales of the normalisation); files without them still load. A truncated, corrupted, wrong-magic or
// newer-version file throws dl::Error naming the file and the problem; nothing is returned half-loaded.
//
//   dl::ModelFile f = dl::modelFileFromTrainer(trainer, rng);
//   dl::saveModelFile("moons.dlmodel", f);                       // atomic
//   dl::ModelFile g = dl::loadModelFile("moons.dlmodel");
//   auto eps = dl::makeModelPredictor(g.model, g.emaParameters, dl::Schedule(g.schedule));
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/dataset.h"
#include "core/math/rng.h"
#include "core/math/schedule.h"
#include "core/model/mlpconfig.h"
#include "core/training/optimizer.h"
#include "core/training/trainer.h"

namespace dl {

/// The newest format version this build reads and writes (see the layout above).
constexpr std::uint32_t kModelFileVersion = 2;
/// Rows of normalised training data kept in a model file (for quality metrics and the exact denoiser).
constexpr int kModelReferenceRows = 4096;

struct ModelFile {
    MlpConfig model;
    ScheduleParams schedule;  ///< the schedule the model was trained with

    DataKind dataKind = DataKind::Points2D;
    std::string dataName;
    Normalisation normalisation;  ///< maps samples back to data coordinates
    ImageShape image;             ///< meaningful for image data
    Eigen::VectorXf dataMin;      ///< per-dimension range of the normalised training data (x̂_0 clipping)
    Eigen::VectorXf dataMax;
    Batch referenceSample;  ///< up to kModelReferenceRows rows of normalised training data
    Batch heldOutSample;    ///< rows of finite data held out of training (heldout.h), normalised;
                            ///< empty for built-in shapes (drawn again instead) and older files

    TrainerConfig trainer;
    int step = 0;
    std::vector<float> lossHistory;
    Eigen::VectorXf parameters;     ///< raw weights (continue training from these)
    Eigen::VectorXf emaParameters;  ///< EMA weights (sample with these)
    AdamWState optimizer;           ///< empty when not saved (a snapshot holds no optimizer state)
};

/// Writes the file atomically (dl::writeFileAtomically). Throws dl::Error on an invalid model or I/O failure.
void saveModelFile(const std::string& path, const ModelFile& model);
/// Reads and fully validates a model file. Throws dl::Error naming the file and the problem.
ModelFile loadModelFile(const std::string& path);

/// The bytes saveModelFile writes, and their parser (what loadModelFile uses); source names the bytes in
/// errors.
std::string serialiseModelFile(const ModelFile& model);
ModelFile parseModelFile(std::string_view bytes, const std::string& source);

/// Checks the parts against each other (sizes, config, schedule); a message or nothing.
std::optional<std::string> validateModelFile(const ModelFile& model);

/// Everything of a run, on the thread that calls step() and between steps. rng picks the reference rows.
ModelFile modelFileFromTrainer(const Trainer& trainer, Rng& rng);
/// From a snapshot (any thread): the EMA weights become both weight sets; no optimizer state.
ModelFile modelFileFromSnapshot(const TrainingSnapshot& snapshot, const DataSet& data,
                                const TrainerConfig& config, Rng& rng);

/// Per-dimension minimum and maximum of N×d data.
void dataRange(const Batch& data, Eigen::VectorXf& min, Eigen::VectorXf& max);

}  // namespace dl
