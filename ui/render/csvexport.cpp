#include "ui/render/csvexport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <algorithm>
#include <cmath>
#include <functional>

#include "core/math/format.h"

namespace dlui {
namespace {

// A named translation context, so lupdate files these strings where tr() looks them up.
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(dlui::CsvExport)
};

/// Shortest text that reads back to the same float, or double (17 significant digits). Nine digits for
/// every float wrote a loaded 0.69643 back as 0.696430027.
QString num(float v) {
    return QString::fromStdString(dl::formatFloatRoundTrip(v));
}
QString num(double v) {
    if (std::isinf(v)) return v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    return QString::number(v, 'g', 17);
}

/// Streams rows into a QSaveFile in blocks, so a million-point data set does not need one huge string.
QString writeCsv(const QString& path, const QString& header,
                 const std::function<bool(QString& block)>& nextBlock) {
    // A folder typed in the file dialog that does not exist yet is made, as the plot and animation
    // exports make theirs.
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) return Texts::tr("cannot create the folder %1").arg(folder);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return Texts::tr("cannot write %1: %2").arg(path, file.errorString());
    QString block = header + QLatin1Char('\n');
    bool more = true;
    while (true) {
        if (file.write(block.toUtf8()) < 0)
            return Texts::tr("cannot write %1: %2").arg(path, file.errorString());
        if (!more) break;
        block.clear();
        more = nextBlock(block);
    }
    if (!file.commit()) return Texts::tr("cannot write %1: %2").arg(path, file.errorString());
    return {};
}

/// `x,y` rows of N×2 points, each value as `text(row, column)` words it.
QString writePointRows(const QString& path, const dl::Batch& points,
                       const std::function<QString(Eigen::Index, Eigen::Index)>& text) {
    if (points.cols() != 2)
        return Texts::tr("%1: points must have 2 columns, got %2").arg(path).arg(points.cols());
    Eigen::Index row = 0;
    return writeCsv(path, QStringLiteral("x,y"), [&](QString& block) {
        for (int k = 0; k < 4096 && row < points.rows(); ++k, ++row)
            block += text(row, 0) + QLatin1Char(',') + text(row, 1) + QLatin1Char('\n');
        return row < points.rows();
    });
}

QString writePoints(const QString& path, const dl::Batch& points) {
    return writePointRows(path, points,
                          [&points](Eigen::Index row, Eigen::Index c) { return num(points(row, c)); });
}

/// `value` with `decimals` places, less its trailing zeros ("-2.0916", "3", not "-2.091600" or "3.").
QString fixed(double value, int decimals) {
    QString text = QString::number(value, 'f', decimals);
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0'))) text.chop(1);
        if (text.endsWith(QLatin1Char('.'))) text.chop(1);
    }
    if (text == QStringLiteral("-0")) text = QStringLiteral("0");
    return text;
}

/// A data set's own points in data coordinates, to the precision it holds them. They are kept
/// normalised in float, which is exact to about 2⁻²⁴ of a point's normalised size times the axis's
/// scale; written back with every digit of the float round trip, a loaded -2.0916 came out as
/// -2.0915997. Each axis is written to the decimals that bound allows, de-normalised in double.
QString writeLoadedPoints(const QString& path, const dl::Batch& normalised, const dl::Normalisation& norm) {
    int decimals[2] = {0, 0};
    for (Eigen::Index c = 0; c < std::min<Eigen::Index>(2, normalised.cols()); ++c) {
        const double largest = normalised.rows() > 0 ? normalised.col(c).cwiseAbs().maxCoeff() : 0.0;
        const double resolution = 2.0 * std::max(largest, 1.0) * norm.scaleOf(c) * std::ldexp(1.0, -24);
        decimals[c] = std::clamp(static_cast<int>(std::floor(-std::log10(resolution))), 0, 9);
    }
    return writePointRows(path, normalised, [&](Eigen::Index row, Eigen::Index c) {
        return fixed(static_cast<double>(normalised(row, c)) * norm.scaleOf(c) + norm.offset(c), decimals[c]);
    });
}

/// `wholePixels`: the data set's own pixels, which came from 8-bit images, are written as the whole numbers
/// they were (the float round trip through [−1, 1] gave 6.99999952 for 7); samples keep their fraction.
QString writePixels(const QString& path, const dl::Batch& normalisedImages, bool normalised,
                    bool wholePixels) {
    QString header = QStringLiteral("id");
    for (Eigen::Index c = 0; c < normalisedImages.cols(); ++c) header += QStringLiteral(",p%1").arg(c);
    Eigen::Index row = 0;
    return writeCsv(path, header, [&](QString& block) {
        for (int k = 0; k < 64 && row < normalisedImages.rows(); ++k, ++row) {
            block += QString::number(row);
            for (Eigen::Index c = 0; c < normalisedImages.cols(); ++c) {
                const float v = normalisedImages(row, c);
                const float pixel = (v + 1.0f) * 127.5f;
                block += QLatin1Char(',') + (normalised    ? num(v)
                                             : wholePixels ? QString::number(std::lround(pixel))
                                                           : num(pixel));
            }
            block += QLatin1Char('\n');
        }
        return row < normalisedImages.rows();
    });
}

}  // namespace

QString writeDataSetCsv(const QString& path, const dl::DataSet& data, bool normalised) {
    if (data.isImage()) return writePixels(path, data.points, normalised, true);
    if (normalised) return writePoints(path, data.points);
    return writeLoadedPoints(path, data.points, data.norm);
}

QString writeSamplesCsv(const QString& path, const dl::Batch& samples, const dl::Normalisation& norm,
                        bool images, bool normalised) {
    if (images) return writePixels(path, samples, normalised, false);
    return writePoints(path, normalised ? samples : norm.toData(samples));
}

QString writeTrajectoryCsv(const QString& path, const dl::Trajectory& trajectory,
                           const dl::Normalisation& norm, bool normalised) {
    const size_t states = std::min(trajectory.states.size(), trajectory.timesteps.size());
    for (size_t k = 0; k < states; ++k)
        if (trajectory.states[k].cols() != 2)
            return Texts::tr("%1: trajectories are written for 2D points only").arg(path);
    size_t k = 0;
    return writeCsv(path, QStringLiteral("step,id,x,y"), [&](QString& block) {
        if (k >= states) return false;
        const dl::Batch x = normalised ? trajectory.states[k] : norm.toData(trajectory.states[k]);
        const QString step = QString::number(trajectory.timesteps[k]) + QLatin1Char(',');
        for (Eigen::Index i = 0; i < x.rows(); ++i)
            block += step + QString::number(i) + QLatin1Char(',') + num(x(i, 0)) + QLatin1Char(',') +
                     num(x(i, 1)) + QLatin1Char('\n');
        return ++k < states;
    });
}

QString writeScheduleCsv(const QString& path, const dl::Schedule& s) {
    int t = 0;
    return writeCsv(
        path,
        QStringLiteral("t,beta,alpha,alpha_bar,sqrt_alpha_bar,sqrt_one_minus_alpha_bar,snr,log_snr,"
                       "posterior_variance"),
        [&](QString& block) {
            for (; t <= s.T(); ++t) {
                const double snr = s.snr(t);
                block += QString::number(t) + QLatin1Char(',') + num(s.beta(t)) + QLatin1Char(',') +
                         num(s.alpha(t)) + QLatin1Char(',') + num(s.alphaBar(t)) + QLatin1Char(',') +
                         num(s.sqrtAlphaBar(t)) + QLatin1Char(',') + num(s.sqrtOneMinusAlphaBar(t)) +
                         QLatin1Char(',') + num(snr) + QLatin1Char(',') + num(std::log(snr)) +
                         QLatin1Char(',') + (t >= 1 ? num(s.posteriorVariance(t)) : QStringLiteral("0")) +
                         QLatin1Char('\n');
            }
            return false;
        });
}

QString writeLossCsv(const QString& path, std::span<const float> loss) {
    size_t i = 0;
    return writeCsv(path, QStringLiteral("step,loss"), [&](QString& block) {
        for (int k = 0; k < 8192 && i < loss.size(); ++k, ++i)
            block += QString::number(i + 1) + QLatin1Char(',') + num(loss[i]) + QLatin1Char('\n');
        return i < loss.size();
    });
}

}  // namespace dlui
