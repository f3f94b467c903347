#include "ui/schedule/schedulediagnosticsview.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/render/alphabartext.h"
#include "ui/render/palette.h"

namespace dlui {

ScheduleDiagnosticsView::ScheduleDiagnosticsView(QWidget* parent) : QWidget(parent) {
    mLayout = new QVBoxLayout(this);
    mLayout->setContentsMargins(0, 0, 0, 0);
    mLayout->setSpacing(4);
    setDiagnostics({}, dl::ScheduleParams{});
}

QString ScheduleDiagnosticsView::describe(const dl::ScheduleDiagnostic& d,
                                          const dl::ScheduleParams& checked) {
    switch (d.code) {
        case dl::ScheduleDiagnosticCode::TerminalSignal:
            return tr("x_T still keeps %1 % of the data (√ᾱ_T = %2): sampling starts from pure noise N(0, "
                      "I), "
                      "so it starts from the wrong place.")
                .arg(d.value * 100.0, 0, 'g', 3)  // 3 digits: 99.95 reads "100", not "1e+02"
                .arg(d.value, 0, 'g', 2);
        case dl::ScheduleDiagnosticCode::DataScale:
            return tr("The data reach |x| = %1, so x_T still shows them at %2 × the noise scale: T is too "
                      "short "
                      "for data this wide.")
                .arg(d.before, 0, 'g', 3)
                .arg(d.value, 0, 'g', 3);
        case dl::ScheduleDiagnosticCode::LateBetaJump: {
            // Both ends named: the rise is measured over max(2, T/100) steps, and "just before t = 3"
            // quoted β_1 as the β before β_3 (β_2 is 0.52 at T = 3).
            const QString jump = tr("β rises from %1 at t = %2 to %3 at t = %4: the last steps wipe out what "
                                    "signal is left all at once, and the reverse process must undo that in a "
                                    "few steps.")
                                     .arg(d.before, 0, 'g', 3)
                                     .arg(d.stepBefore)
                                     .arg(d.value, 0, 'g', 3)
                                     .arg(d.step);
            // The cosine schedule ends this way by definition: the warning alone read as if it were broken.
            if (checked.kind != dl::ScheduleKind::Cosine) return jump;
            return jump + QLatin1Char(' ') +
                   tr("This is how the cosine schedule ends (Nichol & Dhariwal 2021 cap β at 0.999), and "
                      "many "
                      "models keep it; a linear schedule avoids it.");
        }
        case dl::ScheduleDiagnosticCode::AlphaBarUnderflow:
            // 2⁻²⁴ alone meant nothing to a class: it is the float spacing just below 1.
            return tr("ᾱ falls below 2⁻²⁴ at t = %1 (about 6 × 10⁻⁸, the gap between 1 and the next smaller "
                      "single-precision number). x_t is pure noise from there on, so the last %2 % of the "
                      "steps do no work in training or sampling.")
                .arg(d.step)
                .arg(d.value * 100.0, 0, 'f', 0);
    }
    return {};
}

QString ScheduleDiagnosticsView::describeFix(const dl::ScheduleDiagnostic& d,
                                             const dl::ScheduleParams& checked) {
    if (!d.fix) return {};
    switch (d.fixKind) {
        case dl::ScheduleDiagnostic::FixKind::MoreSteps:
            return tr("Use T = %1").arg(d.fix->T);
        case dl::ScheduleDiagnostic::FixKind::ZeroTerminalSnr:
            return tr("Turn on zero terminal SNR");
        case dl::ScheduleDiagnostic::FixKind::OtherKind:
            // On a cosine (or custom) schedule the fix is another kind of schedule: the button says so.
            // β as the rest of the window writes it: "1e-05" read as C on a button.
            if (d.fix->kind != checked.kind)
                return tr("Switch to linear β %1..%2")
                    .arg(shortNumberText(d.fix->betaStart), shortNumberText(d.fix->betaEnd));
            return tr("Use linear β %1..%2")
                .arg(shortNumberText(d.fix->betaStart), shortNumberText(d.fix->betaEnd));
        case dl::ScheduleDiagnostic::FixKind::None:
            break;
    }
    return {};
}

void ScheduleDiagnosticsView::setDiagnostics(const std::vector<dl::ScheduleDiagnostic>& diagnostics,
                                             const dl::ScheduleParams& checked) {
    mDiagnostics = diagnostics;
    mChecked = checked;
    while (QLayoutItem* item = mLayout->takeAt(0)) {
        if (QWidget* w = item->widget()) w->deleteLater();
        delete item;
    }
    const bool dark = isDarkPalette(palette());
    if (mDiagnostics.empty()) {
        // Zero terminal SNR ends β at 1 by design (Lin et al. 2024), a jump the late-jump check leaves
        // alone; "β grows smoothly" would contradict the plot next to it.
        auto* ok = new QLabel(checked.zeroTerminalSnr
                                  ? tr("✓ No problems found: x_T is pure noise. β rises to 1 in the last "
                                       "steps on purpose: that is what zero terminal SNR does.")
                                  : tr("✓ No problems found: x_T is pure noise and β grows smoothly."),
                              this);
        ok->setObjectName(QStringLiteral("diagnosticsOk"));
        ok->setWordWrap(true);
        // Green that reads on the palette's background: the light theme's dark green all but vanished
        // on the dark theme.
        ok->setStyleSheet(dark ? QStringLiteral("color: #7fd693;") : QStringLiteral("color: #2c7a3f;"));
        mLayout->addWidget(ok);
        return;
    }
    for (const dl::ScheduleDiagnostic& d : mDiagnostics) {
        auto* row = new QWidget(this);
        auto* rowLayout = new QVBoxLayout(row);
        rowLayout->setContentsMargins(6, 4, 6, 4);
        row->setObjectName(QStringLiteral("diagnosticRow"));
        // The row's own colours, amber on both themes: the light theme's cream glared in a dark window, and
        // the palette's light text had sat on it unreadably.
        row->setStyleSheet(
            dark ? QStringLiteral("#diagnosticRow { background: #3b3120; border: 1px solid #9a7b35; "
                                  "border-radius: 4px; } #diagnosticRow QLabel { color: #f3e3bd; }")
                 : QStringLiteral("#diagnosticRow { background: #fff4e0; border: 1px solid #e8b860; "
                                  "border-radius: 4px; } #diagnosticRow QLabel { color: #3d2b00; }"));
        auto* text = new QLabel(QStringLiteral("⚠ ") + describe(d, mChecked), row);
        text->setWordWrap(true);
        rowLayout->addWidget(text);
        if (d.fix) {
            auto* button = new QPushButton(describeFix(d, mChecked), row);
            button->setObjectName(QStringLiteral("diagnosticFix"));
            const dl::ScheduleParams fix = *d.fix;
            connect(button, &QPushButton::clicked, this, [this, fix] { Q_EMIT fixRequested(fix); });
            auto* buttons = new QHBoxLayout;
            buttons->addStretch(1);
            buttons->addWidget(button);
            rowLayout->addLayout(buttons);
        }
        mLayout->addWidget(row);
    }
}

void ScheduleDiagnosticsView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    // A font change too: the rows' style sheets fix their text's font when applied, so rows made in
    // presenter mode kept its doubled size after it (and rows made before it stayed small in it).
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange ||
        event->type() == QEvent::FontChange)
        setDiagnostics(mDiagnostics, mChecked);
}

}  // namespace dlui
