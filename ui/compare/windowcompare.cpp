#include "ui/compare/windowcompare.h"

#include <QAction>
#include <QBoxLayout>
#include <QMenu>

#include "ui/compare/comparison.h"
#include "ui/compare/comparisonplots.h"
#include "ui/compare/comparisonview.h"
#include "ui/schedule/schedulepanel.h"
#include "ui/schedule/scheduleplots.h"
#include "ui/view/mainview.h"
#include "ui/view/timeline.h"
#include "ui/view/timelinewidget.h"
#include "ui/window/mainwindow.h"

namespace dlui {

WindowCompare::WindowCompare(MainWindow* window)
    : QObject(window), mWindow(window), mComparison(new Comparison(window->document(), this)) {
    setObjectName(QStringLiteral("windowCompare"));
    mToggle = new QAction(tr("Com&pare side by side"), this);
    mToggle->setObjectName(QStringLiteral("compareSideBySide"));
    mToggle->setCheckable(true);
    mToggle->setShortcut(QKeySequence(tr("Ctrl+K")));
    mToggle->setShortcutContext(Qt::WindowShortcut);
    mToggle->setToolTip(
        tr("Two to four views of the same data and noise, each with its own schedule or "
           "sampler, on one t slider (Ctrl+K)"));
    window->addAction(mToggle);  // active even when the menus are hidden
    QMenu* view = window->viewMenu();
    view->addSeparator();
    view->addAction(mToggle);
    connect(mToggle, &QAction::toggled, this, &WindowCompare::setActive);
    routeKeys();
}

WindowCompare::~WindowCompare() {
    // The layout and plots live in the window's widgets but read the comparison, which goes with this.
    delete mView.data();
    delete mPlots.data();
}

ComparisonView* WindowCompare::view() const {
    return mView.data();
}

ComparisonPlots* WindowCompare::plots() const {
    return mPlots.data();
}

WindowCompare* WindowCompare::of(const MainWindow* window) {
    return window ? window->findChild<WindowCompare*>(QStringLiteral("windowCompare"),
                                                      Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void WindowCompare::build() {
    if (mView) return;
    // In the central area, under the main view and its timeline, which it replaces while on.
    auto* central = qobject_cast<QBoxLayout*>(mWindow->centralWidget()->layout());
    mView = new ComparisonView(mComparison, mWindow->centralWidget());
    // It takes the keyboard as the main view does (a click, or opening it), so the window's playback keys
    // reach it rather than a combo box in a dock.
    mView->setFocusPolicy(Qt::ClickFocus);
    central->addWidget(mView, 1);
    // The panes stand in for the main view: they take its theme, colours and presenter mode's text scale.
    const auto takeLook = [this] {
        RenderOptions look;
        const RenderOptions view = mWindow->mainView()->renderOptions();
        look.background = view.background;
        look.palette = view.palette;
        look.pointRadius = view.pointRadius;
        look.textScale = view.textScale;
        mView->setLook(look);
    };
    takeLook();
    connect(mWindow->mainView(), &MainView::renderOptionsChanged, mView, takeLook);
    // In the Schedule dock, next to the editor's plots, which it replaces while on.
    SchedulePlots* editorPlots = mWindow->schedulePanel()->plots();
    auto* dock = qobject_cast<QBoxLayout*>(editorPlots->parentWidget()->layout());
    mPlots = new ComparisonPlots(mComparison, editorPlots->parentWidget());
    dock->insertWidget(dock->indexOf(editorPlots) + 1, mPlots, 1);
}

void WindowCompare::setActive(bool active) {
    if (active == mActive) return;
    mActive = active;
    if (active) build();
    // The window's playback keys also reach the hidden main timeline (see routeKeys): it comes back at
    // the t it showed, not moved by the keys that moved the panes. Unless it shows something else by
    // then (a new sample run, another T), which starts where it starts.
    Timeline* main = mWindow->timeline();
    if (active) mMainAtOpen = {main->t(), main->maximum(), main->mode()};
    if (!active) {
        mComparison->timeline()->pause();
        if (main->maximum() == mMainAtOpen.maximum && main->mode() == mMainAtOpen.mode)
            main->setT(mMainAtOpen.t);
    }
    mWindow->mainView()->setVisible(!active);
    mWindow->timelineWidget()->setVisible(!active);
    mWindow->schedulePanel()->plots()->setVisible(!active);
    if (mView) mView->setVisible(active);
    if (mPlots) mPlots->setVisible(active);
    if (active) mWindow->timeline()->pause();
    // The keys go with the view shown. The main view, hidden, had given the focus to the next widget, the
    // Data dock's Source box, which kept ←/→ and Home/End: they did nothing to the panes, nor after
    // closing to the main view, until it was clicked.
    if (active && mView)
        mView->setFocus(Qt::ShortcutFocusReason);
    else if (!active)
        mWindow->giveKeysToView();
    {
        const QSignalBlocker block(mToggle);
        mToggle->setChecked(active);
    }
    Q_EMIT activeChanged(active);
}

void WindowCompare::routeKeys() {
    // The window's playback actions move the main timeline; while comparing they move the shared t too
    // (the main view is hidden then, and setActive gives it back its t when the comparison closes).
    const MainWindow::Actions& a = mWindow->actions();
    const auto route = [this](QAction* action, void (Timeline::*slot)()) {
        connect(action, &QAction::triggered, this, [this, slot] {
            if (!mActive) return;
            mWindow->timeline()->pause();  // connected before this: Space must not play the hidden view
            (mComparison->timeline()->*slot)();
        });
    };
    route(a.playPause, &Timeline::togglePlay);
    route(a.stepNext, &Timeline::stepNext);
    route(a.stepPrevious, &Timeline::stepPrevious);
    route(a.jumpStart, &Timeline::jumpToStart);
    route(a.jumpEnd, &Timeline::jumpToEnd);
}

std::optional<ComparisonInput> WindowCompare::exportInput() const {
    if (!mActive) return std::nullopt;
    return mComparison->input();
}

}  // namespace dlui

namespace dlui {

ExportSettings WindowCompare::exportSettings(ExportSettings base) const {
    const int steps = mComparison->timeline()->maximum();
    base.frames.animation = AnimationKind::Comparison;
    base.frames.tFirst = 0;
    base.frames.tLast = -1;
    base.frames.stride = std::max(1, steps / 100);
    const int h = base.render.size.height();
    base.render.size = QSize(mComparison->paneCount() == 2 ? std::min(2 * h, kMaxExportSide) : h, h);
    return base;
}

}  // namespace dlui
