// Data vs model: the density of the data set and the density of the model's latest samples as two heat
// maps side by side on one grid and one colour scale, with their total variation distance
// (core/sampling/densityhistogram.h). A photo used as a 2D shape shows here where the model blurs sharp
// edges: mass the data keep inside an outline that the samples spread across it.
// Shown from View ▸ Density: data vs model (ui/window/densitycomparisondock.h); 2D point data only.
//
//   auto* panel = new dlui::DensityComparison(document);
//   panel->captionText();   // "total variation 0.21 …" or what is missing
#pragma once

#include <QImage>
#include <QWidget>
#include <optional>

#include "core/sampling/densityhistogram.h"

class QLabel;

namespace dlui {

class LabDocument;

class DensityComparison : public QWidget {
    Q_OBJECT
public:
    static constexpr int kBins = 64;

    explicit DensityComparison(LabDocument* document, QWidget* parent = nullptr);

    /// The line under the maps: the distance, or what is missing (2D data, samples).
    QString captionText() const;
    /// The two histograms as drawn (nothing when they cannot be drawn).
    const std::optional<dl::Histogram2D>& dataHistogram() const { return mData; }
    const std::optional<dl::Histogram2D>& sampleHistogram() const { return mSamples; }
    QSize sizeHint() const override { return {320, 220}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    /// Recomputes both histograms from the document (O(N), cheap enough for the GUI thread).
    void recompute();
    QImage heatMap(const dl::Histogram2D& histogram, double maxMass) const;

    LabDocument* mDocument;
    QLabel* mCaption;
    std::optional<dl::Histogram2D> mData;
    std::optional<dl::Histogram2D> mSamples;
};

}  // namespace dlui
