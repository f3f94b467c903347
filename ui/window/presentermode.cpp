#include "ui/window/presentermode.h"

#include <qcustomplot.h>

#include <QAction>
#include <QCheckBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QRadioButton>
#include <QSettings>
#include <QSlider>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/i18n/accesskeytext.h"
#include "ui/view/mainview.h"
#include "ui/view/timelinewidget.h"
#include "ui/window/mainwindow.h"
#include "ui/window/presenterdialogs.h"
#include "ui/window/presenterfonts.h"
#include "ui/window/presenterstyle.h"

namespace dlui {

namespace {

const QString kKeptKey = QStringLiteral("presenter/kept");

/// The docks and toolbars of the window: the controls presenter mode keeps or hides.
QList<QWidget*> controlsOf(MainWindow* window) {
    QList<QWidget*> controls;
    for (QDockWidget* dock : window->findChildren<QDockWidget*>(QString(), Qt::FindDirectChildrenOnly))
        controls << dock;
    for (QToolBar* bar : window->findChildren<QToolBar*>(QString(), Qt::FindDirectChildrenOnly))
        controls << bar;
    return controls;
}

}  // namespace

PresenterMode::PresenterMode(MainWindow* window, bool remember)
    : QObject(window), mWindow(window), mRemember(remember), mDialogs(new PresenterDialogs(window, this)) {
    setObjectName(QStringLiteral("presenterMode"));
    if (mRemember) {
        QSettings settings;
        if (settings.contains(kKeptKey)) setKeptControls(settings.value(kKeptKey).toStringList());
    }
    mSettingsAction = new QAction(tr("Presenter mode &settings…"), this);
    mSettingsAction->setToolTip(tr("Choose which panels stay visible in presenter mode"));
    connect(mSettingsAction, &QAction::triggered, this, &PresenterMode::showSettingsDialog);
}

PresenterMode::~PresenterMode() = default;

QStringList PresenterMode::defaultKeptControls() const {
    QStringList kept{timelineName()};
    for (QWidget* control : controlsOf(mWindow))
        if (control->objectName().contains(QLatin1String("lesson"), Qt::CaseInsensitive))
            kept << control->objectName();
    return kept;
}

void PresenterMode::setKeptControls(const QStringList& names) {
    mKept = names;
    mKept.removeAll(QString());
    mKeptChosen = true;
    if (mRemember) QSettings().setValue(kKeptKey, mKept);
    // Shown at once, in place: leaving and entering again took the window out of full screen and back in
    // one go, and the window system could end it in neither state, with a stale copy of the timeline.
    if (mOn) applyKeptControls();
}

QStringList PresenterMode::keptControls() const {
    return mKeptChosen ? mKept : defaultKeptControls();
}

void PresenterMode::resetToDefaults() {
    if (mRemember) QSettings().remove(kKeptKey);
    mKept.clear();
    mKeptChosen = false;
    if (mOn) {
        leave();
        enter();
    }
}

bool PresenterMode::isKept(const QWidget* control) const {
    return !control->objectName().isEmpty() && keptControls().contains(control->objectName());
}

void PresenterMode::setOn(bool on) {
    if (on == mOn) return;
    on ? enter() : leave();
    Q_EMIT toggled(mOn);
}

void PresenterMode::enter() {
    mOn = true;
    mGeometry = mWindow->saveGeometry();
    mNormalGeometry = mWindow->geometry();
    mState = mWindow->saveState();
    mWindowState = mWindow->windowState();

    mVisibility.clear();
    QList<QWidget*> hideable = controlsOf(mWindow);
    hideable << mWindow->statusBar() << mWindow->timelineWidget();
    for (QWidget* w : hideable) mVisibility.push_back({w, w->isVisible()});
    mWindow->statusBar()->hide();
    applyKeptControls();

    scaleFonts();
    scalePlots();
    scaleFixedSizeControls();
    RenderOptions options = mWindow->mainView()->renderOptions();
    mTextScale = options.textScale;
    options.textScale = kScale * mTextScale;
    mWindow->mainView()->setRenderOptions(options);
    mWindow->setWindowState(mWindowState | Qt::WindowFullScreen);
    mDialogs->start(kScale);
}

void PresenterMode::applyKeptControls() {
    // A kept control is not brought up when it was closed (the lesson bar with no lesson open); one shown
    // since presenter mode began (a lesson opened) stays.
    for (const SavedVisibility& v : mVisibility) {
        if (!v.widget || v.widget == mWindow->statusBar() || v.widget == mWindow->timelineWidget()) continue;
        v.widget->setVisible(isKept(v.widget) && (v.visible || v.widget->isVisible()));
    }
    // Kept, the timeline stays as it was: side-by-side comparison hides it for the panes' own, and presenter
    // mode brought it back, playing a t that no pane showed.
    const bool timelineWasShown = std::none_of(
        mVisibility.begin(), mVisibility.end(),
        [this](const SavedVisibility& v) { return v.widget == mWindow->timelineWidget() && !v.visible; });
    mWindow->timelineWidget()->setVisible(keptControls().contains(timelineName()) && timelineWasShown);
}

void PresenterMode::leave() {
    mOn = false;
    mDialogs->stop();
    mWindow->setWindowState(mWindowState);
    restorePlots();
    restoreFixedSizeControls();
    restoreFonts();
    RenderOptions options = mWindow->mainView()->renderOptions();
    options.textScale = mTextScale;
    mWindow->mainView()->setRenderOptions(options);
    // A dock that came up during presenter mode (a lesson opened: its bar, its Explain step) stays up: the
    // layout from before has it closed, and leaving presenter mode took the running lesson's text away.
    QList<QDockWidget*> shownSince;
    for (const SavedVisibility& v : mVisibility) {
        auto* dock = qobject_cast<QDockWidget*>(v.widget.data());
        if (dock && !v.visible && dock->isVisible()) shownSince << dock;
    }
    // What restoreState does not know (the status bar, the timeline) gets its visibility back first, then
    // the geometry, then the docks' layout inside it, once the smaller fonts have been laid out. A window
    // that was neither maximised nor full screen gets its exact rectangle back (restoreGeometry goes
    // through the frame, which the window system may place a title bar's height off).
    for (const SavedVisibility& v : mVisibility)
        if (v.widget && !qobject_cast<QDockWidget*>(v.widget) && !qobject_cast<QToolBar*>(v.widget))
            v.widget->setVisible(v.visible);
    mVisibility.clear();
    if (mWindowState & (Qt::WindowMaximized | Qt::WindowFullScreen))
        mWindow->restoreGeometry(mGeometry);
    else
        mWindow->setGeometry(mNormalGeometry);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    mWindow->restoreState(mState);
    for (QDockWidget* dock : shownSince) dock->show();
}

void PresenterMode::scaleFonts() {
    // Every widget's size before, so that each ends up exactly kScale times as large: most inherit the
    // window's font, but some set their own (a bold title, a smaller legend) and need their own change.
    const QList<QWidget*> widgets = mWindow->findChildren<QWidget*>();
    QHash<QWidget*, qreal> before;
    for (QWidget* w : widgets) before.insert(w, fontSize(w->font()));
    mWindowFont = mWindow->font();
    mWindowFontSet = mWindow->testAttribute(Qt::WA_SetFont);
    mWindow->setFont(scaled(mWindowFont, kScale * fontSize(mWindowFont)));
    mFonts.clear();
    for (QWidget* w : widgets) {
        const qreal wanted = kScale * before.value(w);
        if (fontSize(w->font()) >= wanted - 0.01) continue;
        mFonts.push_back(SavedFont::of(w));
        w->setFont(scaled(w->font(), wanted));
    }
}

void PresenterMode::restoreFonts() {
    // The window first, so that widgets which inherit get their size from it again.
    mWindow->setFont(mWindowFontSet ? mWindowFont : QFont());
    for (auto it = mFonts.rbegin(); it != mFonts.rend(); ++it) it->restore();
    mFonts.clear();
}

void PresenterMode::scalePlots() {
    // QCustomPlot keeps the axes' fonts apart from the widget's font.
    mAxes.clear();
    for (QCustomPlot* plot : mWindow->findChildren<QCustomPlot*>()) {
        for (QCPAxisRect* rect : plot->axisRects())
            for (QCPAxis* axis : rect->axes()) {
                mAxes.push_back({plot, axis, axis->labelFont(), axis->tickLabelFont()});
                axis->setLabelFont(scaled(axis->labelFont(), kScale * fontSize(axis->labelFont())));
                axis->setTickLabelFont(
                    scaled(axis->tickLabelFont(), kScale * fontSize(axis->tickLabelFont())));
            }
        // The legend too (ᾱ_t, √ᾱ_t, √(1−ᾱ_t) under the plot a lesson step points at); its items follow it.
        if (plot->legend && plot->legend->visible()) {
            mLegends.push_back({plot, plot->legend->font()});
            plot->legend->setFont(scaled(plot->legend->font(), kScale * fontSize(plot->legend->font())));
        }
        // Tall enough for the y title written up the side: a plot's floor was set for the window's own
        // type, and with twice the type the log-SNR plot's axis box was 27 px high for a 79 px title.
        const int needed = heightForYTitle(plot);
        if (plot->minimumHeight() < needed) {
            mPlotHeights.push_back({plot, plot->minimumHeight()});
            plot->setMinimumHeight(needed);
        }
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

int PresenterMode::heightForYTitle(const QCustomPlot* plot) {
    const QCPAxisRect* rect = plot->axisRect();
    const QCPAxis* x = plot->xAxis;
    const QCPAxis* y = plot->yAxis;
    if (!rect || !x || !y || y->label().isEmpty()) return 0;
    // The axis box is the plot less its top margin and the x axis under it (ticks, their labels and the
    // x title, each with its padding), as QCPAxis lays them out.
    int under =
        x->padding() + x->tickLengthOut() + x->tickLabelPadding() + QFontMetrics(x->tickLabelFont()).height();
    if (!x->label().isEmpty()) under += x->labelPadding() + QFontMetrics(x->labelFont()).height();
    return QFontMetrics(y->labelFont()).horizontalAdvance(y->label()) + rect->margins().top() + under +
           y->padding();
}

void PresenterMode::restorePlots() {
    for (const SavedAxis& saved : mAxes) {
        if (!saved.plot) continue;
        saved.axis->setLabelFont(saved.label);
        saved.axis->setTickLabelFont(saved.tickLabel);
        saved.plot->replot(QCustomPlot::rpQueuedReplot);
    }
    mAxes.clear();
    for (const SavedLegend& saved : mLegends)
        if (saved.plot) {
            saved.plot->legend->setFont(saved.font);
            saved.plot->replot(QCustomPlot::rpQueuedReplot);
        }
    mLegends.clear();
    for (const SavedPlotHeight& saved : mPlotHeights)
        if (saved.plot) saved.plot->setMinimumHeight(saved.minimumHeight);
    mPlotHeights.clear();
}

void PresenterMode::scaleFixedSizeControls() {
    if (!mPresenterStyle) mPresenterStyle = new PresenterStyle(kScale, this);
    mRestyled.clear();
    for (QWidget* w : mWindow->findChildren<QWidget*>()) {
        const bool drawnAtAFixedSize =
            qobject_cast<QCheckBox*>(w) || qobject_cast<QRadioButton*>(w) || qobject_cast<QSlider*>(w) ||
            (qobject_cast<QGroupBox*>(w) && static_cast<QGroupBox*>(w)->isCheckable());
        // A widget with a style of its own keeps it: putting it back on leaving could not be done exactly.
        if (!drawnAtAFixedSize || w->testAttribute(Qt::WA_SetStyle)) continue;
        mRestyled.emplace_back(w);
        w->setStyle(mPresenterStyle);
    }
}

void PresenterMode::restoreFixedSizeControls() {
    for (const QPointer<QWidget>& w : mRestyled)
        if (w) w->setStyle(nullptr);  // back to the application's style
    mRestyled.clear();
}

void PresenterMode::showSettingsDialog() {
    QDialog dialog(mWindow);
    dialog.setObjectName(QStringLiteral("presenterSettings"));
    dialog.setWindowTitle(tr("Presenter mode"));
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(tr("In presenter mode, keep these visible:"), &dialog));
    const QStringList kept = keptControls();
    std::vector<std::pair<QCheckBox*, QString>> boxes;
    auto addBox = [&](const QString& title, const QString& name) {
        auto* box = new QCheckBox(title, &dialog);
        box->setObjectName(QStringLiteral("keep_") + name);
        box->setChecked(kept.contains(name));
        layout->addWidget(box);
        boxes.emplace_back(box, name);
    };
    addBox(tr("Timeline"), timelineName());
    // In the order of their titles: the window's own order of its children changes as docks are shown and
    // hidden, and the boxes moved between two openings of the dialog, so a click by position ticked
    // another panel.
    QList<QWidget*> controls = controlsOf(mWindow);
    std::stable_sort(controls.begin(), controls.end(), [](const QWidget* a, const QWidget* b) {
        return QString::localeAwareCompare(a->windowTitle(), b->windowTitle()) < 0;
    });
    // A title's "&" is a character ("Model & Train"), not a mnemonic: doubled for the check box.
    for (QWidget* control : controls)
        if (!control->objectName().isEmpty())
            addBox(withLiteralAmpersands(control->windowTitle()), control->objectName());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted) return;
    QStringList chosen;
    for (const auto& [box, name] : boxes)
        if (box->isChecked()) chosen << name;
    setKeptControls(chosen);
}

}  // namespace dlui
