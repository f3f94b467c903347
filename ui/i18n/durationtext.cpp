#include "ui/i18n/durationtext.h"

#include <QCoreApplication>
#include <cmath>

namespace dlui {

namespace {

// A named translation context, so lupdate files these strings where tr() looks them up.
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(dlui::DurationText)
};

}  // namespace

QString durationText(double seconds) {
    if (!(seconds >= 0) || !std::isfinite(seconds)) return QStringLiteral("–");
    const auto s = static_cast<long long>(std::llround(seconds));
    if (s < 60) return Texts::tr("%1 s").arg(s);
    if (s < 3600) return Texts::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return Texts::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

}  // namespace dlui
