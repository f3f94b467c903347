// ᾱ_t as the captions print it: four decimals, or scientific notation below 10⁻³, where four decimals
// read 0.0000 (ᾱ_T = 2.67·10⁻⁵ of the default schedule looked like pure noise reached exactly).
#pragma once

#include <QString>

namespace dlui {

inline QString alphaBarText(double alphaBar) {
    return alphaBar >= 1e-3 || alphaBar == 0.0 ? QString::number(alphaBar, 'f', 4)
                                               : QString::number(alphaBar, 'e', 2);
}

}  // namespace dlui
