#include "ui/overlays/densitycomparison.h"

#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>
#include <algorithm>
#include <array>
#include <cmath>

#include "core/math/error.h"
#include "ui/document/labdocument.h"
#include "ui/i18n/coremessages.h"

namespace dlui {

namespace {

/// A dark-to-bright ramp (after matplotlib's magma), so low density stays dark and peaks stand out.
QColor ramp(double x) {
    static constexpr std::array<std::array<int, 3>, 5> kStops = {
        {{0, 0, 4}, {81, 18, 124}, {183, 55, 121}, {252, 137, 97}, {252, 253, 191}}};
    x = std::clamp(x, 0.0, 1.0) * (kStops.size() - 1);
    const auto i = std::min<std::size_t>(static_cast<std::size_t>(x), kStops.size() - 2);
    const double f = x - static_cast<double>(i);
    auto mix = [&](int c) {
        return static_cast<int>(std::lround(kStops[i][c] + f * (kStops[i + 1][c] - kStops[i][c])));
    };
    return QColor(mix(0), mix(1), mix(2));
}

}  // namespace

DensityComparison::DensityComparison(LabDocument* document, QWidget* parent)
    : QWidget(parent), mDocument(document), mCaption(new QLabel(this)) {
    setObjectName(QStringLiteral("densityComparison"));
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);  // the maps are painted above the caption
    mCaption->setObjectName(QStringLiteral("densityCaption"));
    mCaption->setWordWrap(true);
    layout->addWidget(mCaption);
    setMinimumHeight(160);
    connect(document, &LabDocument::dataSetChanged, this, &DensityComparison::recompute);
    connect(document, &LabDocument::samplesChanged, this, &DensityComparison::recompute);
    recompute();
}

QString DensityComparison::captionText() const {
    return mCaption->text();
}

void DensityComparison::recompute() {
    mData.reset();
    mSamples.reset();
    const auto data = mDocument->dataSet();
    if (!data || data->isImage() || data->dim() != 2 || data->size() == 0) {
        mCaption->setText(tr("The density comparison needs 2D point data."));
        update();
        return;
    }
    try {
        const dl::HistogramGrid grid = dl::histogramGridAround(data->points, kBins);
        mData = dl::histogram2D(data->points, grid);
        const auto samples = mDocument->sampleResult();
        if (samples && samples->samples.rows() > 0 && samples->samples.cols() == 2) {
            mSamples = dl::histogram2D(samples->samples, grid);
            mCaption->setText(
                tr("Left: the data (%1 points). Right: the model's samples (%2). Total variation "
                   "%3 (0: the same histogram, 1: no overlap) on %4×%4 cells; %5 % of the samples "
                   "fall outside.")
                    .arg(data->size())
                    .arg(samples->samples.rows())
                    .arg(dl::totalVariation(*mData, *mSamples), 0, 'f', 2)
                    .arg(kBins)
                    .arg(100.0 * mSamples->outside, 0, 'f', 1));
        } else {
            mCaption->setText(
                tr("Left: the data (%1 points). Sample (Ctrl+R) to see the model's density on the "
                   "right.")
                    .arg(data->size()));
        }
    } catch (const dl::Error& e) {
        mCaption->setText(coreMessage(e.what()));
    }
    update();
}

QImage DensityComparison::heatMap(const dl::Histogram2D& h, double maxMass) const {
    const int n = h.grid.bins;
    QImage image(n, n, QImage::Format_RGB32);
    for (int row = 0; row < n; ++row)
        for (int column = 0; column < n; ++column) {
            // √ scale: thin structures with a little mass stay visible next to the peaks.
            const double x = maxMass > 0.0 ? std::sqrt(h.at(column, row) / maxMass) : 0.0;
            image.setPixelColor(column, n - 1 - row, ramp(x));  // row 0 is the bottom (y up)
        }
    return image;
}

void DensityComparison::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const int captionTop = mCaption->geometry().top();
    const int gap = 8;
    const int side =
        std::max(0, std::min((width() - 3 * gap) / 2, captionTop - 2 * gap - fontMetrics().height()));
    if (side <= 0 || !mData) return;
    // One colour scale for both maps, so brighter means denser on either side.
    const double maxMass = std::max(mData->maxMass(), mSamples ? mSamples->maxMass() : 0.0);
    const int titleHeight = fontMetrics().height();
    const std::array<QString, 2> titles = {tr("Data"), tr("Model's samples")};
    for (int k = 0; k < 2; ++k) {
        const QRect target(gap + k * (side + gap), gap + titleHeight, side, side);
        painter.drawText(QRect(target.left(), gap, side, titleHeight), Qt::AlignCenter, titles[k]);
        const std::optional<dl::Histogram2D>& h = k == 0 ? mData : mSamples;
        if (h)
            painter.drawImage(target, heatMap(*h, maxMass));
        else
            painter.fillRect(target, palette().window().color().darker(110));
        painter.drawRect(target.adjusted(0, 0, -1, -1));
    }
}

}  // namespace dlui
