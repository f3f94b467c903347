#include "ui/explain/equationtext.h"

#include "ui/explain/mathhtml.h"

namespace dlui {

using namespace mathhtml;

namespace {

const QString kSp = QStringLiteral("&nbsp;");

QString abar(const QString& index) {
    return sub(kAlphaBar, index);
}
QString oneMinus(const QString& x) {
    return QStringLiteral("1 ") + kMinus + QStringLiteral(" ") + x;
}
/// A value in the colour of numbers, so they stand out from the symbols.
QString val(double v) {
    return QStringLiteral("<nobr><span style=\"color:") + kValueColor + QStringLiteral("\">") + number(v) +
           QStringLiteral("</span></nobr>");
}
QString assign(const QString& symbol, double v) {
    return symbol + QStringLiteral(" = ") + val(v);
}
QString line(const QString& html) {
    return QStringLiteral("<p style=\"margin-top:2px; margin-bottom:2px\">") + html + QStringLiteral("</p>");
}
QString normal(const QString& mean, const QString& variance, const QString& of) {
    return kNormal + QStringLiteral("(") + of + QStringLiteral("; ") + mean + QStringLiteral(", ") +
           variance + QStringLiteral(" <b>I</b>)");
}
QString epsTheta(const QString& args, NoiseEstimate estimate = NoiseEstimate::Network) {
    return EquationText::estimated(QStringLiteral("\u03B5"), estimate) + QStringLiteral("(") + args +
           QStringLiteral(")");
}

/// The names of the reverse jump: t−1 with β_t, α_t when the sampler visits every step, otherwise s with
/// β′ = 1 − ᾱ_t/ᾱ_s and α′ = ᾱ_t/ᾱ_s (the coefficients of the jump actually taken).
struct JumpSymbols {
    QString prev, beta, alpha;
    explicit JumpSymbols(const StepNumbers& n) {
        const bool oneStep = n.prev == n.t - 1;
        prev = oneStep ? QStringLiteral("t") + kMinus + QStringLiteral("1") : QStringLiteral("s");
        beta = oneStep ? sub(QStringLiteral("\u03B2"), QStringLiteral("t")) : QStringLiteral("\u03B2\u2032");
        alpha = oneStep ? sub(QStringLiteral("\u03B1"), QStringLiteral("t")) : QStringLiteral("\u03B1\u2032");
    }
};

}  // namespace

QStringList EquationText::sectionIds(ExplainView view, dl::SamplerKind sampler) {
    if (view == ExplainView::Forward)
        return {QStringLiteral("values"), QStringLiteral("forwardStep"), QStringLiteral("closedForm"),
                QStringLiteral("loss")};
    QStringList ids{QStringLiteral("values"), QStringLiteral("posterior")};
    switch (sampler) {
        case dl::SamplerKind::DdpmBeta:
        case dl::SamplerKind::DdpmPosterior:
            ids << QStringLiteral("ddpm");
            break;
        case dl::SamplerKind::Ddim:
            ids << QStringLiteral("ddim");
            break;
        case dl::SamplerKind::Langevin:
            ids << QStringLiteral("langevin");
            break;
    }
    return ids;
}

QString EquationText::estimated(const QString& symbol, NoiseEstimate estimate) {
    return estimate == NoiseEstimate::Network ? sub(symbol, QStringLiteral("\u03B8"))
                                              : sup(symbol, QStringLiteral("*"));
}

QString EquationText::estimateNote(NoiseEstimate estimate) {
    if (estimate == NoiseEstimate::Network) return {};
    return line(tr("The exact denoiser: %1 = E[%2 | %3], computed from every data point, with no network.")
                    .arg(estimated(QStringLiteral("\u03B5"), estimate), vec(QStringLiteral("\u03B5")),
                         vec(QStringLiteral("x"), QStringLiteral("t"))));
}

QList<ExplainSection> EquationText::sections(ExplainView view, const dl::SamplerParams& sampler,
                                             const StepNumbers& n, int valuePairsPerRow,
                                             NoiseEstimate estimate) {
    QList<ExplainSection> out;
    for (const QString& id : sectionIds(view, sampler.kind)) {
        ExplainSection s;
        s.id = id;
        if (id == QLatin1String("values")) {
            // At t = 0 (the data) the numbers are the first step's; the title says so rather than
            // naming a t the timeline does not show.
            s.title = n.clamped && n.t == 1
                          ? tr("Values of the first step, t = 1 of T = %1 (t = 0 is the data)").arg(n.T)
                          : tr("Values at t = %1 of T = %2").arg(n.t).arg(n.T);
            s.html = valuesTable(n, sampler.kind, valuePairsPerRow);
        } else if (id == QLatin1String("forwardStep")) {
            s.title = tr("Forward step: add a little noise");
            s.html = forwardStep(n);
        } else if (id == QLatin1String("closedForm")) {
            s.title = tr("Closed form: jump from x\u2080 straight to t");
            s.html = closedForm(n);
        } else if (id == QLatin1String("loss")) {
            s.title = tr("Training loss: predict the noise");
            s.html = trainingLoss(n);
        } else if (id == QLatin1String("posterior")) {
            s.title = tr("Posterior: one step back when x\u2080 is known");
            s.html = posterior(n);
        } else if (id == QLatin1String("ddpm")) {
            s.title = sampler.kind == dl::SamplerKind::DdpmBeta
                          ? tr("Reverse step: DDPM, \u03C3\u209C\u00B2 = \u03B2\u209C")
                          : tr("Reverse step: DDPM, \u03C3\u209C\u00B2 = \u03B2\u0303\u209C");
            s.html = ddpmStep(n, sampler.kind, estimate);
        } else if (id == QLatin1String("ddim")) {
            s.title = tr("Reverse step: DDIM, \u03B7 = %1").arg(sampler.eta);
            s.html = ddimStep(n, sampler.eta, estimate);
        } else if (id == QLatin1String("langevin")) {
            s.title = tr("Langevin dynamics at noise level t");
            s.html = langevinStep(n, sampler.langevinStepSize, estimate);
        }
        out << s;
    }
    return out;
}

QString EquationText::valuesTable(const StepNumbers& n, dl::SamplerKind sampler, int pairsPerRow) {
    QString html = valuesGrid(n, pairsPerRow);
    const QString t = QStringLiteral("t");
    if (n.prev != n.t - 1 && sampler != dl::SamplerKind::Langevin)
        html += line(tr("The sampler jumps from t = %1 to s = %2; %3 and %4 are those of the jump.")
                         .arg(n.t)
                         .arg(n.prev)
                         .arg(sub(kBetaTilde, t), sub(QStringLiteral("\u03C3"), t)));
    // With zero terminal SNR, ᾱ_T = 0 and the table's β̃_T came out as 0.6971 beside ᾱ_T = 0, where the
    // formula gives 1: the samplers' floor on ᾱ has to be said, with the schedule's own value.
    if ((n.alphaBarFloored || n.alphaBarPrevFloored) && sampler != dl::SamplerKind::Langevin) {
        const QString x0hat = sub(QStringLiteral("<b>x\u0302</b>"), QStringLiteral("0"));
        const QString x0Formula = x0hat + QStringLiteral(" = (") + sub(QStringLiteral("<b>x</b>"), t) +
                                  QStringLiteral(" ") + kMinus + QStringLiteral(" ") +
                                  root(oneMinus(abar(t))) + QStringLiteral(" ") + kEpsHat +
                                  QStringLiteral(")/") + root(abar(t));
        html += line(tr("%1 is below 2<sup>%2</sup> \u2248 %3 here. The samplers raise it to that floor, so "
                        "that %4 stays finite, and %5 and %6 above are the values they use. With %1 as it "
                        "is, %5 would be %7.")
                         .arg(n.alphaBarFloored ? abar(t) : abar(QStringLiteral("s")),
                              kMinus + QStringLiteral("24"), val(dl::kMinSamplerAlphaBar), x0Formula,
                              sub(kBetaTilde, t), sub(QStringLiteral("\u03C3"), t),
                              val(n.exactPosteriorVariance)));
    }
    return html;
}

QString EquationText::valuesGrid(const StepNumbers& n, int pairsPerRow) {
    const QString t = QStringLiteral("t");
    const QList<QPair<QString, double>> rows{
        {sub(QStringLiteral("\u03B2"), t), n.beta},
        {sub(QStringLiteral("\u03B1"), t), n.alpha},
        {abar(t), n.alphaBar},
        {root(abar(t)), n.sqrtAlphaBar},
        {root(oneMinus(abar(t))), n.sqrtOneMinusAlphaBar},
        {sub(kBetaTilde, t), n.posteriorVariance},
        {sub(QStringLiteral("\u03C3"), t), n.sigma},
        {tr("SNR"), n.snr},
    };
    // Two symbol = value pairs a row where the panel is wide enough, else one, else the value under its
    // symbol (0; ExplainPanel decides): a table squeezed below its width breaks numbers anywhere, <nobr>
    // or not ("3." over "155×10⁻⁴").
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\"><tr>");
    for (int i = 0; i < rows.size(); ++i) {
        if (pairsPerRow <= 0) {
            if (i > 0) html += QStringLiteral("</tr><tr>");
            html += QStringLiteral("<td><nobr>") + rows[i].first +
                    QStringLiteral("&nbsp;=</nobr></td></tr><tr>") + QStringLiteral("<td>&nbsp;&nbsp;") +
                    val(rows[i].second) + QStringLiteral("</td>");
            continue;
        }
        if (i > 0 && i % pairsPerRow == 0) html += QStringLiteral("</tr><tr>");
        html += QStringLiteral("<td align=\"right\"><nobr>") + rows[i].first +
                QStringLiteral("&nbsp;=&nbsp;</nobr></td><td><nobr>") + val(rows[i].second) +
                QStringLiteral("&nbsp;&nbsp;&nbsp;&nbsp;</nobr></td>");
    }
    html += QStringLiteral("</tr></table>");
    return html;
}

QString EquationText::forwardStep(const StepNumbers& n) {
    const QString t = QStringLiteral("t");
    const QString beta = sub(QStringLiteral("\u03B2"), t);
    const QString prev = QStringLiteral("t") + kMinus + QStringLiteral("1");
    QString html = equation({QStringLiteral("q(") + vec(QStringLiteral("x"), t) + QStringLiteral(" | ") +
                             vec(QStringLiteral("x"), prev) + QStringLiteral(") = ") +
                             normal(root(oneMinus(beta)) + kSp + vec(QStringLiteral("x"), prev), beta,
                                    vec(QStringLiteral("x"), t))});
    html += line(
        tr("with %1, %2 and %3")
            .arg(assign(beta, n.beta),
                 assign(sub(QStringLiteral("\u03B1"), t) + QStringLiteral(" = ") + oneMinus(beta), n.alpha),
                 assign(root(oneMinus(beta)), std::sqrt(n.alpha))));
    return html;
}

QString EquationText::closedForm(const StepNumbers& n) {
    const QString t = QStringLiteral("t");
    const QString x0 = vec(QStringLiteral("x"), QStringLiteral("0"));
    const QString eps = vec(QStringLiteral("\u03B5"));
    QString html = equation({vec(QStringLiteral("x"), t) + QStringLiteral(" = ") + root(abar(t)) + kSp + x0 +
                             QStringLiteral(" + ") + root(oneMinus(abar(t))) + kSp + eps +
                             QStringLiteral(",&nbsp;&nbsp;") + eps + QStringLiteral(" \u223C ") + kNormal +
                             QStringLiteral("(<b>0</b>, <b>I</b>)")});
    html += line(vec(QStringLiteral("x"), t) + QStringLiteral(" = ") + val(n.sqrtAlphaBar) + kSp + x0 +
                 QStringLiteral(" + ") + val(n.sqrtOneMinusAlphaBar) + kSp + eps);
    html += line(tr("with %1").arg(
        assign(abar(t) + QStringLiteral(" = \u220F") + sub(QStringLiteral("\u03B1"), QStringLiteral("i")),
               n.alphaBar)));
    // SNR on a row of its own, bound to its "=": sharing a cell with the words before it, it wrapped to
    // "… and" / "SNR =" beside its fraction, or "SNR" / "=" in a narrow dock.
    html += equation({tr("SNR") + QStringLiteral("&nbsp;="), frac(abar(t), oneMinus(abar(t))),
                      QStringLiteral("&nbsp;= ") + val(n.snr)});
    return html;
}

QString EquationText::normalisationNote(const dl::Normalisation& norm) {
    const auto pair = [](double a, double b) {
        return QStringLiteral("(") + val(a) + QStringLiteral(", ") + val(b) + QStringLiteral(")");
    };
    if (norm.offset.size() != 2) return {};
    const QString m = pair(norm.offset(0), norm.offset(1));
    const QString s = norm.perAxis() ? pair(norm.scaleOf(0), norm.scaleOf(1)) : val(norm.scale);
    return line(tr("In the coordinates the model works in: %1 = (data %2 %3) / %4 with %3 = %5 and %4 = %6. "
                   "The view draws them back in the data's units, where %7 %8 %9(<b>0</b>, <b>I</b>) lies "
                   "around %3 with spread %4.")
                    .arg(vec(QStringLiteral("x")), kMinus, QStringLiteral("<i>m</i>"),
                         QStringLiteral("<i>s</i>"), m, s, vec(QStringLiteral("x"), QStringLiteral("T")),
                         QStringLiteral("\u223C"), kNormal));
}

QString EquationText::trainingLoss(const StepNumbers& n) {
    const QString t = QStringLiteral("t");
    const QString eps = vec(QStringLiteral("\u03B5"));
    QString html =
        equation({QStringLiteral("L = \u2016") + eps + QStringLiteral(" ") + kMinus + QStringLiteral(" ") +
                  epsTheta(vec(QStringLiteral("x"), t) + QStringLiteral(", t")) +
                  QStringLiteral("\u2016<sup>2</sup>")});
    html += line(tr("The network sees %1 and is scored on how well it names the noise %2.")
                     .arg(vec(QStringLiteral("x"), t) + QStringLiteral(" = ") + val(n.sqrtAlphaBar) + kSp +
                              vec(QStringLiteral("x"), QStringLiteral("0")) + QStringLiteral(" + ") +
                              val(n.sqrtOneMinusAlphaBar) + kSp + eps,
                          eps));
    return html;
}

QString EquationText::posterior(const StepNumbers& n) {
    const JumpSymbols j(n);
    const QString t = QStringLiteral("t");
    const QString xt = vec(QStringLiteral("x"), t), x0 = vec(QStringLiteral("x"), QStringLiteral("0")),
                  xs = vec(QStringLiteral("x"), j.prev);
    QString html = equation({QStringLiteral("q(") + xs + QStringLiteral(" | ") + xt + QStringLiteral(", ") +
                             x0 + QStringLiteral(") = ") + normal(sub(kMuTilde, t), sub(kBetaTilde, t), xs)});
    html += equation(
        {sub(kMuTilde, t) + QStringLiteral(" = "), frac(root(abar(j.prev)) + kSp + j.beta, oneMinus(abar(t))),
         kSp + x0 + QStringLiteral(" + "),
         frac(root(j.alpha) + QStringLiteral(" (") + oneMinus(abar(j.prev)) + QStringLiteral(")"),
              oneMinus(abar(t))),
         kSp + xt});
    html += line(sub(kMuTilde, t) + QStringLiteral(" = ") + val(n.coefX0) + kSp + x0 + QStringLiteral(" + ") +
                 val(n.coefXt) + kSp + xt);
    html +=
        equation({sub(kBetaTilde, t) + QStringLiteral(" = "), frac(oneMinus(abar(j.prev)), oneMinus(abar(t))),
                  kSp + j.beta + QStringLiteral(" = ") + val(n.posteriorVariance)});
    return html;
}

QString EquationText::ddpmStep(const StepNumbers& n, dl::SamplerKind sampler, NoiseEstimate estimate) {
    const JumpSymbols j(n);
    const QString t = QStringLiteral("t");
    const QString xt = vec(QStringLiteral("x"), t), xs = vec(QStringLiteral("x"), j.prev);
    const QString sigma = sub(QStringLiteral("\u03C3"), t);
    const QString mu = estimated(QStringLiteral("\u03BC"), estimate);
    QString html = equation({estimated(QStringLiteral("p"), estimate) + QStringLiteral("(") + xs +
                             QStringLiteral(" | ") + xt + QStringLiteral(") = ") +
                             normal(mu + QStringLiteral("(") + xt + QStringLiteral(", t)"),
                                    sup(sigma, QStringLiteral("2")), xs)});
    html += equation({mu + QStringLiteral(" = "), frac(QStringLiteral("1"), root(j.alpha)),
                      QStringLiteral(" (") + xt + QStringLiteral(" ") + kMinus + QStringLiteral(" "),
                      frac(j.beta, root(oneMinus(abar(t)))),
                      kSp + epsTheta(xt + QStringLiteral(", t"), estimate) + QStringLiteral(")")});
    html += line(mu + QStringLiteral(" = ") + val(n.invSqrtAlphaStep) + QStringLiteral(" (") + xt +
                 QStringLiteral(" ") + kMinus + QStringLiteral(" ") + val(n.epsCoef) + kSp +
                 estimated(QStringLiteral("\u03B5"), estimate) + QStringLiteral(")"));
    const QString variance = sampler == dl::SamplerKind::DdpmBeta ? j.beta : sub(kBetaTilde, t);
    html += line(xs + QStringLiteral(" = ") + mu + QStringLiteral(" + ") + sigma +
                 QStringLiteral(" <b>z</b>,&nbsp;&nbsp;") +
                 assign(sigma + QStringLiteral(" = ") + root(variance), n.sigma) +
                 (n.prev == 0 ? tr(" (no noise on the last step)") : QString()));
    return html + estimateNote(estimate);
}

QString EquationText::ddimStep(const StepNumbers& n, double eta, NoiseEstimate estimate) {
    const QString t = QStringLiteral("t");
    const QString s =
        n.prev == n.t - 1 ? QStringLiteral("t") + kMinus + QStringLiteral("1") : QStringLiteral("s");
    const QString xt = vec(QStringLiteral("x"), t), xs = vec(QStringLiteral("x"), s);
    const QString x0hat = sub(QStringLiteral("<b>x\u0302</b>"), QStringLiteral("0"));
    const QString sigma = sub(QStringLiteral("\u03C3"), t);
    const QString et = estimated(QStringLiteral("\u03B5"), estimate);
    QString html = equation(
        {x0hat + QStringLiteral(" = "),
         frac(xt + QStringLiteral(" ") + kMinus + QStringLiteral(" ") + root(oneMinus(abar(t))) + kSp + et,
              root(abar(t)))});
    // The update on two lines, the second under the first's right-hand side: on one line, with the
    // subscripts of a single step (t−1 rather than s), it was wider than the Explain dock may grow in
    // presenter mode at 1280×720, and a formula alone does not wrap, so the dock scrolled sideways.
    html += equation({xs + QStringLiteral(" = ") + root(abar(s)) + kSp + x0hat});
    html += equation({kSp.repeated(6) + QStringLiteral("+ ") +
                      root(oneMinus(abar(s)) + QStringLiteral(" ") + kMinus + QStringLiteral(" ") +
                           sup(sigma, QStringLiteral("2"))) +
                      kSp + et + QStringLiteral(" + ") + sigma + QStringLiteral(" <b>z</b>")});
    // With σ_t = 0 (η = 0) the step adds no noise: say so rather than write "+ 0 z".
    html += line(xs + QStringLiteral(" = ") + val(std::sqrt(n.alphaBarPrev)) + kSp + x0hat +
                 QStringLiteral(" + ") + val(n.ddimDirection) + kSp + et +
                 (n.sigma > 0.0 ? QStringLiteral(" + ") + val(n.sigma) + QStringLiteral(" <b>z</b>")
                                : tr(" (σ = 0: no noise is added)")));
    // √((1 − ᾱ_s)/(1 − ᾱ_t)) as a fraction of two roots: as one root it broke after its "/" in a narrow
    // dock, half the overline on each line.
    html += equation({sigma + QStringLiteral(" = \u03B7 "),
                      frac(root(oneMinus(abar(s))), root(oneMinus(abar(t)))),
                      kSp + root(oneMinus(abar(t) + QStringLiteral("/") + abar(s))) + QStringLiteral(" = ") +
                          val(n.sigma)});
    html += line(tr("\u03B7 = %1: 0 is deterministic, 1 adds as much noise as DDPM with %2.")
                     .arg(eta)
                     .arg(sub(kBetaTilde, QStringLiteral("t"))));
    return html + estimateNote(estimate);
}

QString EquationText::langevinStep(const StepNumbers& n, double stepSize, NoiseEstimate estimate) {
    const QString t = QStringLiteral("t");
    const QString x = vec(QStringLiteral("x"));
    const QString delta = QStringLiteral("\u03B4");
    QString html = equation({x + QStringLiteral(" \u2190 ") + x + QStringLiteral(" + "),
                             frac(delta, QStringLiteral("2")),
                             kSp + sub(QStringLiteral("\u2207"), x) + QStringLiteral(" log p(") + x +
                                 QStringLiteral(") + ") + root(delta) + kSp + QStringLiteral("<b>z</b>")});
    html += equation({sub(QStringLiteral("\u2207"), x) + QStringLiteral(" log p<sub>t</sub>(") + x +
                          QStringLiteral(") \u2248 ") + kMinus,
                      frac(epsTheta(x + QStringLiteral(", t"), estimate), root(oneMinus(abar(t))))});
    html += line(tr("%1 (a fraction %2 of the noise variance)")
                     .arg(assign(delta + QStringLiteral(" = ") + number(stepSize) + QStringLiteral(" (") +
                                     oneMinus(abar(t)) + QStringLiteral(")"),
                                 n.langevinDelta))
                     .arg(number(stepSize)));
    html += line(assign(root(delta) + QStringLiteral(" = ") + sub(QStringLiteral("\u03C3"), t), n.sigma));
    return html + estimateNote(estimate);
}

QString EquationText::pointClosedForm(const StepNumbers& n, int row, const double x0[2], const double eps[2],
                                      const double xt[2]) {
    const auto pair = [](const double v[2]) {
        return QStringLiteral("(") + val(v[0]) + QStringLiteral(", ") + val(v[1]) + QStringLiteral(")");
    };
    const QString t = QStringLiteral("t");
    QString html = line(tr("Point %1 (normalised coordinates):").arg(row));
    html += line(vec(QStringLiteral("x"), QStringLiteral("0")) + QStringLiteral(" = ") + pair(x0) +
                 QStringLiteral(",&nbsp;&nbsp;") + vec(QStringLiteral("\u03B5")) + QStringLiteral(" = ") +
                 pair(eps));
    if (n.clamped) {
        // t = 0 shows x_0 itself, while the numbers above are t = 1's: x_t = x_0 there, and the step to t = 1
        // is worked out with those numbers (it read "x_t = 0.9999 x_0 + 0.01 ε = x_0", which does not add
        // up).
        const double next[2] = {n.sqrtAlphaBar * x0[0] + n.sqrtOneMinusAlphaBar * eps[0],
                                n.sqrtAlphaBar * x0[1] + n.sqrtOneMinusAlphaBar * eps[1]};
        html += line(tr("At t = 0 the point is %1 itself; at t = %2:")
                         .arg(vec(QStringLiteral("x"), QStringLiteral("0")))
                         .arg(n.t));
        html += line(vec(QStringLiteral("x"), QString::number(n.t)) + QStringLiteral(" = ") +
                     val(n.sqrtAlphaBar) + kSp + pair(x0) + QStringLiteral(" + ") +
                     val(n.sqrtOneMinusAlphaBar) + kSp + pair(eps));
        html += line(QStringLiteral("&nbsp;&nbsp;&nbsp;&nbsp;= ") + pair(next));
        return html;
    }
    html += line(vec(QStringLiteral("x"), t) + QStringLiteral(" = ") + val(n.sqrtAlphaBar) + kSp + pair(x0) +
                 QStringLiteral(" + ") + val(n.sqrtOneMinusAlphaBar) + kSp + pair(eps));
    html += line(QStringLiteral("&nbsp;&nbsp;&nbsp;&nbsp;= ") + pair(xt));
    return html;
}

}  // namespace dlui
