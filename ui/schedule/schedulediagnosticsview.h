// The schedule's diagnostics in words (core/math/schedulediagnostics.h), one row each with a button that
// applies the suggested fix. Words come from tr() here, built from the diagnostic's code and numbers.
//
//   auto* view = new dlui::ScheduleDiagnosticsView;
//   view->setDiagnostics(dl::diagnoseSchedule(schedule, dataMaxAbs), schedule.params());
//   connect(view, &dlui::ScheduleDiagnosticsView::fixRequested, document, ...);
#pragma once

#include <QWidget>
#include <vector>

#include "core/math/schedulediagnostics.h"

class QVBoxLayout;

namespace dlui {

class ScheduleDiagnosticsView : public QWidget {
    Q_OBJECT
public:
    explicit ScheduleDiagnosticsView(QWidget* parent = nullptr);

    /// `checked` is the schedule the diagnostics are of: the all-clear words depend on it.
    void setDiagnostics(const std::vector<dl::ScheduleDiagnostic>& diagnostics,
                        const dl::ScheduleParams& checked);
    int count() const { return static_cast<int>(mDiagnostics.size()); }
    /// The sentence shown for a diagnostic of schedule `checked` (tests, tooltips).
    static QString describe(const dl::ScheduleDiagnostic& diagnostic, const dl::ScheduleParams& checked);
    /// The fix button's text: it says when the fix is a schedule of another kind.
    static QString describeFix(const dl::ScheduleDiagnostic& diagnostic, const dl::ScheduleParams& checked);

Q_SIGNALS:
    /// The person asked to apply the fix offered with a diagnostic.
    void fixRequested(const dl::ScheduleParams& params);

protected:
    /// Re-words the rows when the language changes (View → Language), re-colours them with the theme.
    void changeEvent(QEvent* event) override;

private:
    QVBoxLayout* mLayout;
    std::vector<dl::ScheduleDiagnostic> mDiagnostics;
    dl::ScheduleParams mChecked;
};

}  // namespace dlui
