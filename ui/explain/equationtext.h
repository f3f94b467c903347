// The Explain dock's text, built without widgets: which equations show for the current view and sampler,
// each typeset in Qt's rich text (mathhtml.h) with its current numbers next to the symbols.
//
//   forward view  the forward step q(x_t|x_{t−1}), the closed form x_t = √ᾱ_t x_0 + √(1−ᾱ_t) ε and the
//                 training loss ‖ε − ε_θ(x_t, t)‖² (Ho et al. 2020, Eq. 2, 4 and 14)
//   reverse view  the posterior q(x_{t−1}|x_t, x_0) (Eq. 6–7) and the chosen sampler's update: DDPM
//                 (Eq. 11, Algorithm 2), DDIM (Song et al. 2021, Eq. 12 and 16) or Langevin (Song &
//                 Ermon 2019; the update of the DDPM note)
//
//   auto sections = dlui::EquationText::sections(dlui::ExplainView::Forward, samplerParams, numbers);
//   label->setText(sections.front().html);
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include "core/data/dataset.h"
#include "core/sampling/samplers.h"
#include "ui/explain/explainnumbers.h"

namespace dlui {

enum class ExplainView { Forward, Reverse };

/// What names the noise in the reverse step: the trained network ε_θ, or the exact denoiser of the data,
/// written ε* (E[ε | x_t] over every data point), with μ* and p* after it: there is no θ to speak of.
enum class NoiseEstimate { Network, ExactDenoiser };

/// One block of the dock: an id (stable, for tests and object names), a title and its rich text.
struct ExplainSection {
    QString id;  ///< "point" (inspector), "values", "forwardStep", "closedForm", "loss", "posterior", "ddpm",
                 ///< "ddim", "langevin"
    QString title;
    QString html;
};

class EquationText {
    Q_DECLARE_TR_FUNCTIONS(dlui::EquationText)
public:
    /// The sections to show, in order: the table of values first, then the view's equations.
    /// valuePairsPerRow: symbol = value pairs per row of the table of values (2 or 1; 0 puts each value
    /// under its symbol).
    static QList<ExplainSection> sections(ExplainView view, const dl::SamplerParams& sampler,
                                          const StepNumbers& n, int valuePairsPerRow = 2,
                                          NoiseEstimate estimate = NoiseEstimate::Network);
    /// The ids alone (which equations show), for the view and sampler.
    static QStringList sectionIds(ExplainView view, dl::SamplerKind sampler);

    static QString valuesTable(const StepNumbers& n, dl::SamplerKind sampler, int pairsPerRow = 2);
    /// The table alone, without the line under it about a jumping sampler: what the panel measures to
    /// choose pairsPerRow (that line wraps, and its unwrapped width is no table's).
    static QString valuesGrid(const StepNumbers& n, int pairsPerRow);
    static QString forwardStep(const StepNumbers& n);
    static QString closedForm(const StepNumbers& n);
    static QString trainingLoss(const StepNumbers& n);
    static QString posterior(const StepNumbers& n);
    static QString ddpmStep(const StepNumbers& n, dl::SamplerKind sampler,
                            NoiseEstimate estimate = NoiseEstimate::Network);
    static QString ddimStep(const StepNumbers& n, double eta,
                            NoiseEstimate estimate = NoiseEstimate::Network);
    static QString langevinStep(const StepNumbers& n, double stepSize,
                                NoiseEstimate estimate = NoiseEstimate::Network);
    /// `symbol` as the estimate's: ε → ε_θ for the network, ε* for the exact denoiser.
    static QString estimated(const QString& symbol, NoiseEstimate estimate);
    /// The line that says where ε* comes from (empty for the network).
    static QString estimateNote(NoiseEstimate estimate);
    /// Where the numbers live: the normalised coordinates of 2D points, x = (data − m) / s, which the view
    /// draws back in the data's units (so x_T ~ N(0, I) shows around m with spread s there).
    static QString normalisationNote(const dl::Normalisation& norm);
    /// The closed form filled in with one point's own vectors (2D, normalised coordinates).
    static QString pointClosedForm(const StepNumbers& n, int row, const double x0[2], const double eps[2],
                                   const double xt[2]);
};

}  // namespace dlui
