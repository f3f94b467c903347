// A training set: N samples of dimension d, already normalised for the network, plus what is
// needed to map them back to the data's own coordinates (for display and export).
//
// Normalisation (documented once, used everywhere):
//   2D points: subtract the mean of each axis, then divide both axes by one common scale, the root
//              mean square of the centred coordinates, so shapes keep their aspect ratio and the
//              data have unit variance on average (they then span roughly ±2..±4). The default.
//   2D points, per axis (PointScaling::PerAxis): divide each axis by its own standard deviation, for
//              columns in different units (one near 750, one near 1), which one common scale would
//              squash into a line. The shape's aspect is then not kept; every output maps back.
//   images:    pixel values 0..255 map linearly to [−1, 1]; normalised = value / 127.5 − 1.
#pragma once

#include <string>

#include "core/math/types.h"

namespace dl {

enum class DataKind { Points2D, Image };

/// Affine map between data coordinates and normalised coordinates: normalised = (raw − offset) / scale,
/// with one scale for all axes, or axisScale(k) for axis k when axisScale is set (per-axis).
struct Normalisation {
    VectorF offset;  ///< length d
    float scale = 1.0f;
    VectorF axisScale;  ///< empty (one common scale) or length d (per-axis standardisation)

    bool perAxis() const { return axisScale.size() > 0; }
    /// The scale of axis k (the common one unless per-axis).
    float scaleOf(Eigen::Index k) const { return perAxis() ? axisScale(k) : scale; }

    Batch toNormalised(const Batch& raw) const;
    Batch toData(const Batch& normalised) const;
};

struct ImageShape {
    int width = 0;
    int height = 0;
    int channels = 1;  ///< 1 = gray, 3 = RGB; flattened as row-major pixels, channels interleaved
    int dim() const { return width * height * channels; }
};

struct DataSet {
    DataKind kind = DataKind::Points2D;
    std::string name;    ///< e.g. "moons", "text:DDPM", "csv:/path/file.csv"
    Batch points;        ///< N×d, normalised
    Normalisation norm;  ///< maps points back to data coordinates
    ImageShape image;    ///< meaningful when kind == Image

    int size() const { return static_cast<int>(points.rows()); }
    int dim() const { return static_cast<int>(points.cols()); }
    bool isImage() const { return kind == DataKind::Image; }
};

/// How 2D points are scaled: one common RMS scale (keeps the aspect) or per axis (see above).
enum class PointScaling { Common, PerAxis };

/// Builds the documented normalisation of 2D points (see above) for raw data coordinates.
Normalisation fitPointNormalisation(const Batch& raw, PointScaling scaling = PointScaling::Common);
/// The fixed [0, 255] ↔ [−1, 1] map for images of dimension d.
Normalisation imageNormalisation(int dim);

/// Makes a point data set from raw coordinates (N×2): fits the normalisation and applies it.
/// Throws dl::Error when raw is not N×2, has no rows, or holds a value that is not finite.
DataSet makePointDataSet(std::string name, const Batch& raw, PointScaling scaling = PointScaling::Common);

/// The ratio of the larger to the smaller standard deviation of the axes of N×d points (≥ 1; infinite
/// when one axis is constant and another is not, 1 for a single point). Above 10 one common scale
/// leaves the narrow axis nearly flat: the diagnostics then suggest per-axis scaling.
double axisSpreadRatio(const Batch& points);
constexpr double kPerAxisSpreadRatio = 10.0;

/// For 2D point data on one common scale whose axes' spreads differ by more than kPerAxisSpreadRatio:
/// one sentence suggesting per-axis scaling ("the axes' spreads differ 75×: …"). Empty otherwise.
std::string perAxisScalingAdvice(const DataSet& data);

/// Makes an image data set from pixel values 0..255 (N×shape.dim(), one flattened image per row,
/// see ImageShape): applies imageNormalisation(). Throws dl::Error when the sizes disagree.
DataSet makeImageDataSet(std::string name, const Batch& pixels0to255, const ImageShape& shape);

}  // namespace dl
