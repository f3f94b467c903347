#include "ui/export/exportprogress.h"

#include <QCoreApplication>
#include <QLocale>

#include "ui/i18n/durationtext.h"

namespace dlui {

namespace {

// The dialog's translation context, where "Rendering frames…" has always lived.
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(dlui::ExportDialog)
};

// The first frames also pay for starting the writer (and ffmpeg): an estimate from one or two of them
// runs long.
constexpr int kFramesBeforeEstimate = 3;

}  // namespace

QString exportProgressText(int done, int total, double elapsedSeconds) {
    if (total > 0 && done >= total) return Texts::tr("Writing the file…");
    if (done < kFramesBeforeEstimate || !(elapsedSeconds > 0) || total <= 0)
        return Texts::tr("Rendering frames…");
    const double left = elapsedSeconds / done * (total - done);
    const QLocale locale;
    return Texts::tr("Rendering frame %1 of %2 · about %3 left")
        .arg(locale.toString(done + 1), locale.toString(total), durationText(left));
}

}  // namespace dlui
