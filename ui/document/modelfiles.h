// Model files for the document, without widgets: read one and check it fits the document's data, put it
// into the document (model, the schedule it was trained with, its path), and write one. The Model & Train
// panel's Save/Load and a session's model file go through these.
//
//   QString error;
//   bool wrongDimension = false;
//   if (auto file = dlui::readModelFileFor(document, path, &error, &wrongDimension))
//       dlui::installModelFile(document, *file, path);
#pragma once

#include <QString>
#include <memory>
#include <optional>

#include "core/model/modelfile.h"

namespace dlui {

class LabDocument;

/// The file's EMA weights, configuration, schedule and loss history as the snapshot the document holds.
std::shared_ptr<const dl::TrainingSnapshot> snapshotFromModelFile(const dl::ModelFile& file);

/// Reads a model file, also one compiled into the program (":/lessons/models/…"). Any thread; throws
/// dl::Error naming the file when it cannot be read or is not a valid model.
dl::ModelFile readModelFile(const QString& path);

/// Reads a model file (a few MB at most, but on a slow or network disk it may take a while: the window
/// reads it in a background job, ui/training/trainpanelfiles.cpp). Nothing with a one-line *error when it
/// cannot be read or works on data of another dimension than the document's (then *wrongDimension is set: the
/// right data may still be loading).
std::optional<dl::ModelFile> readModelFileFor(const LabDocument& document, const QString& path,
                                              QString* error, bool* wrongDimension = nullptr);

/// Whether the file's model works on the document's data; false with a one-line *error when the
/// dimensions differ (the right data may still be loading).
bool modelFileFitsData(const LabDocument& document, const dl::ModelFile& file, QString* error);

/// Makes the file's model the document's, with the schedule it was trained with, and remembers the path.
/// The file the document's session names (its model not loaded yet) leaves the document as modified as it
/// was; any other file is an edit.
void installModelFile(LabDocument& document, const dl::ModelFile& file, const QString& path);

/// Writes atomically; on success the document remembers the path. False with a message naming the problem.
bool writeModelFile(LabDocument& document, const dl::ModelFile& file, const QString& path, QString* error);

}  // namespace dlui
