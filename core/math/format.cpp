#include "core/math/format.h"

#include <locale>
#include <sstream>

namespace dl {

std::string formatNumber(double v, int precision) {
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out.precision(precision);
    out << v;
    return out.str();
}

}  // namespace dl
