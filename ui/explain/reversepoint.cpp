#include "ui/explain/reversepoint.h"

#include <cmath>

#include "ui/explain/mathhtml.h"

namespace dlui {

using namespace mathhtml;

std::optional<ReversePointVectors> reversePointVectors(const dl::Trajectory& trajectory, int row, int t) {
    const dl::ReverseStepRecords& records = trajectory.stepRecords;
    const int slot = records.slotOf(row);
    const dl::ReverseStepRecord* step = records.stepAt(t);
    if (slot < 0 || !step || step->xt.cols() != 2) return std::nullopt;
    ReversePointVectors v;
    v.row = row;
    v.t = step->t;
    v.s = step->s;
    v.sigma = step->sigma;
    for (int k = 0; k < 2; ++k) {
        v.xt[k] = step->xt(slot, k);
        v.eps[k] = step->eps(slot, k);
        v.x0[k] = step->x0(slot, k);
        v.mean[k] = step->mean(slot, k);
        v.noise[k] = step->noise(slot, k);
        v.next[k] = step->next(slot, k);
    }
    return v;
}

namespace {

QString val(double v) {
    return QStringLiteral("<nobr><span style=\"color:") + kValueColor + QStringLiteral("\">") + number(v) +
           QStringLiteral("</span></nobr>");
}
QString pair(const double v[2]) {
    return QStringLiteral("(") + val(v[0]) + QStringLiteral(", ") + val(v[1]) + QStringLiteral(")");
}
QString line(const QString& html) {
    return QStringLiteral("<p style=\"margin-top:2px; margin-bottom:2px\">") + html + QStringLiteral("</p>");
}
const QString kSp = QStringLiteral("&nbsp;");
const QString kEq = QStringLiteral(" = ");

}  // namespace

QString ReversePointText::html(const ReversePointVectors& v, const dl::Schedule& schedule,
                               dl::SamplerKind kind, NoiseEstimate estimate) {
    const QString t = QString::number(v.t), s = QString::number(v.s);
    const QString xt = vec(QStringLiteral("x"), t), xs = vec(QStringLiteral("x"), s);
    const QString x0 = vec(QStringLiteral("x\u0302"), QStringLiteral("0"));
    const QString eps = vec(kEpsHat), mu = vec(QStringLiteral("\u03BC"));
    const QString z = vec(QStringLiteral("z"));
    const double abT = std::max(schedule.alphaBar(v.t), dl::kMinSamplerAlphaBar);
    const double abS = v.s > 0 ? std::max(schedule.alphaBar(v.s), dl::kMinSamplerAlphaBar) : 1.0;

    QString html = line(
        tr("Point %1, the step t = %2 \u2192 %3 (normalised coordinates):").arg(v.row).arg(v.t).arg(v.s));
    html += line(xt + kEq + pair(v.xt));
    html +=
        line(eps + QStringLiteral(" = ") + EquationText::estimated(QStringLiteral("\u03B5"), estimate) +
             QStringLiteral("(") + xt + QStringLiteral(", ") + t + QStringLiteral(")") + kEq + pair(v.eps));
    // x̂_0 = (x_t − √(1−ᾱ_t) ε̂)/√ᾱ_t (Ho et al. 2020, Eq. 4 solved for x_0).
    html += line(equation(
        {x0 + kEq,
         frac(xt + QStringLiteral(" ") + kMinus + QStringLiteral(" ") + val(std::sqrt(1.0 - abT)) + kSp + eps,
              val(std::sqrt(abT))),
         kEq + pair(v.x0)}));
    if (kind == dl::SamplerKind::Ddim) {
        // Song et al. 2021, Eq. 12: μ = √ᾱ_s x̂_0 + √(1 − ᾱ_s − σ²) ε̂.
        const double direction = std::sqrt(std::max(0.0, 1.0 - abS - v.sigma * v.sigma));
        html += line(mu + kEq + val(std::sqrt(abS)) + kSp + x0 + QStringLiteral(" + ") + val(direction) +
                     kSp + eps + kEq + pair(v.mean));
    } else if (v.s == 0) {
        html +=
            line(mu + kEq + x0 + kEq + pair(v.mean) + QStringLiteral(" ") + tr("(the last step returns x̂₀)"));
    } else {
        // Ho et al. 2020, Eq. 7 for the jump t → s.
        const dl::ReverseStepCoefficients c = dl::reverseStepCoefficients(schedule, v.t, v.s);
        html += line(mu + kEq + val(c.coefX0) + kSp + x0 + QStringLiteral(" + ") + val(c.coefXt) + kSp + xt +
                     kEq + pair(v.mean));
    }
    html += line(sub(QStringLiteral("\u03C3"), QStringLiteral("t")) + kSp + z + kEq + val(v.sigma) + kSp + z +
                 kEq + pair(v.noise) +
                 (v.sigma == 0.0 ? QStringLiteral(" ") + tr("(no noise on this step)") : QString()));
    html += line(xs + kEq + mu + QStringLiteral(" + ") + sub(QStringLiteral("\u03C3"), QStringLiteral("t")) +
                 kSp + z + kEq + pair(v.next));
    return html;
}

}  // namespace dlui
