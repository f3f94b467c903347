// MainWindow in front of people: fitting the screen, presenter mode and themes (their own files; here only
// how they are wired in), giving the keys back to the view, Help ▸ Getting started and the question asked
// before closing.
#include <QAbstractButton>
#include <QAction>
#include <QDockWidget>
#include <QGuiApplication>
#include <QMenu>
#include <QMessageBox>
#include <QScreen>
#include <QSet>
#include <QSignalBlocker>
#include <QTabBar>
#include <QTimer>
#include <algorithm>

#include "ui/i18n/accesskeytext.h"
#include "ui/view/mainview.h"
#include "ui/widgets/discardkey.h"
#include "ui/widgets/livemessagebox.h"
#include "ui/window/mainwindow.h"
#include "ui/window/presentermode.h"
#include "ui/window/thememenu.h"

namespace dlui {

namespace {

constexpr QSize kPreferredSize(1440, 900);
/// Room left for the window manager's title bar before the window is shown (its frame is unknown then).
constexpr int kFrameAllowance = 40;
/// How often, and how far apart, fitToScreen looks again for a frame before it moves the window.
constexpr int kFrameWaits = 10;
constexpr int kFrameWaitMs = 100;

/// How far the window manager's frame reaches beyond the window on each side.
QMargins frameMarginsOf(const QWidget* window) {
    const QRect inner = window->geometry();
    const QRect outer = window->frameGeometry();
    return {inner.left() - outer.left(), inner.top() - outer.top(), outer.right() - inner.right(),
            outer.bottom() - inner.bottom()};
}

QRect availableArea(const QWidget* widget) {
    const QScreen* screen = widget->screen() ? widget->screen() : QGuiApplication::primaryScreen();
    return screen ? screen->availableGeometry() : QRect(QPoint(0, 0), kPreferredSize);
}

/// The titled menu an action is in (a submenu's menuAction: the menu the submenu is in), or none.
const QMenu* menuHolding(const QAction* action) {
    for (const QObject* owner : action->associatedObjects())
        if (const auto* menu = qobject_cast<const QMenu*>(owner); menu && !menu->title().isEmpty())
            return menu;
    return nullptr;
}

}  // namespace

void MainWindow::fitToScreen() {
    fitToScreenTrying(kFrameWaits);
}

void MainWindow::fitToScreenTrying(int framingWaitsLeft) {
    // Full screen or maximised, the window system fits it: a resize here took a presenting window out of
    // full screen when a lesson closed (Ctrl+W), with presenter mode's layout left on.
    if (isFullScreen() || isMaximized()) return;
    const QRect area = availableArea(this);
    // The window manager's frame: known once it has framed the window; under X11 that is some time after
    // the window is shown, and again after it leaves full screen. Until then the frame last seen, or a
    // guess of a title bar's height above the window.
    const bool framed = isVisible() && frameGeometry() != geometry();
    if (framed) mFrameMargins = frameMarginsOf(this);
    const QMargins frame = mFrameMargins.value_or(QMargins(0, kFrameAllowance, 0, 0));
    const QSize room(std::max(200, area.width() - frame.left() - frame.right()),
                     std::max(200, area.height() - frame.top() - frame.bottom()));
    const QSize wanted = (isVisible() ? size() : kPreferredSize).boundedTo(room);
    resize(wanted.expandedTo(minimumSizeHint().boundedTo(room)));
    // Keep the whole frame on the screen: move it back inside where it sticks out.
    const QRect now = geometry().marginsAdded(frame);
    QRect outer = now;
    if (outer.right() > area.right()) outer.moveRight(area.right());
    if (outer.bottom() > area.bottom()) outer.moveBottom(area.bottom());
    if (outer.left() < area.left()) outer.moveLeft(area.left());
    if (outer.top() < area.top()) outer.moveTop(area.top());
    if (outer.topLeft() == now.topLeft()) return;
    // Only a framed window is moved: a move() of a shown window whose frame is not known yet is taken for
    // the inner corner (X11's static gravity), and the window manager put the title bar above the screen.
    // Until the frame comes, this looks again a little later; with no window manager it never comes.
    if (isVisible() && !framed && framingWaitsLeft > 0) {
        QTimer::singleShot(kFrameWaitMs, this,
                           [this, framingWaitsLeft] { fitToScreenTrying(framingWaitsLeft - 1); });
        return;
    }
    move(outer.topLeft());
}

void MainWindow::tabRightDocksOnANarrowScreen() {
    // Data and Model & Train on the left, the view, Schedule and Sampling on the right need about 1,100 px:
    // on a 1024×768 projector the window stuck out of the screen and the right column's fields were cut.
    // There the right column's docks become tabs of the left one, each beside the left dock level with it
    // (Schedule beside Data, Sampling and Explain beside Model & Train), and the window fits with room to
    // spare for the view. Docks hidden now (the density comparison) move too, so they open in a tab.
    const QRect area = availableArea(this);
    const int frame = isVisible() ? frameGeometry().width() - width() : 0;
    if (minimumSizeHint().width() <= area.width() - frame) return;
    QList<QDockWidget*> left, right;
    for (QDockWidget* dock : findChildren<QDockWidget*>()) {
        if (dock->isFloating()) continue;
        if (dockWidgetArea(dock) == Qt::LeftDockWidgetArea && dock->isVisible()) left << dock;
        if (dockWidgetArea(dock) == Qt::RightDockWidgetArea) right << dock;
    }
    if (left.isEmpty() || right.isEmpty()) return;
    // Where each right dock sits: a hidden dock, or a tab behind another (laid out outside the window),
    // sits where the open tab of its group is. All are worked out before the first one moves.
    // The tab shown in its group goes first, so the tabs keep their order (Sampling, then Explain).
    struct Move {
        QDockWidget* dock;
        int middle;
        bool open;
    };
    QList<Move> moves;
    for (QDockWidget* dock : std::as_const(right)) {
        Move move{dock, 0, dock->isVisible() && rect().contains(dock->geometry().center())};
        QList<QDockWidget*> group = tabifiedDockWidgets(dock);
        group << dock;
        for (QDockWidget* tab : std::as_const(group))
            if (tab->isVisible() && rect().contains(tab->geometry().center()))
                move.middle = tab->geometry().center().y();
        moves << move;
    }
    std::stable_sort(moves.begin(), moves.end(), [](const Move& a, const Move& b) {
        return a.middle != b.middle ? a.middle < b.middle : a.open > b.open;
    });
    for (const Move& move : std::as_const(moves)) {
        QDockWidget* beside = left.front();
        for (QDockWidget* candidate : std::as_const(left))
            if (candidate->y() <= move.middle && candidate->y() >= beside->y()) beside = candidate;
        tabifyDockWidget(beside, move.dock);
    }
    // The left docks stay the open tabs: the window looks as it did, less the right column.
    for (QDockWidget* dock : std::as_const(left)) dock->raise();
    // The layout's minimum is the old one until it is laid out again, and it would hold the width.
    layout()->activate();
    fitToScreen();
}

void MainWindow::createPresentation() {
    mPresenterMode = new PresenterMode(this, mOptions.useSettings);
    connect(mPresenterMode, &PresenterMode::toggled, this, [this](bool on) {
        const QSignalBlocker block(mActions.presenter);
        mActions.presenter->setChecked(on);
        // On a 1024-pixel screen a lesson's docks beside twice-as-large type need more than the screen:
        // the rectangle given back was held at that width and the window stayed cut at the right.
        if (!on) QMetaObject::invokeMethod(this, &MainWindow::fitToScreen, Qt::QueuedConnection);
    });
    mViewMenu->addAction(mPresenterMode->settingsAction());
    mViewMenu->addSeparator();
    mThemes = new ThemeMenu(this, mOptions.useSettings);
}

bool MainWindow::isPresenterMode() const {
    return mPresenterMode->isOn();
}

void MainWindow::setPresenterMode(bool on) {
    mPresenterMode->setOn(on);
}

void MainWindow::returnKeysToView() {
    // Escape leaves presenter mode as well.
    if (isPresenterMode()) setPresenterMode(false);
    giveKeysToView();
}

void MainWindow::giveKeysToView() {
    if (QWidget* focus = focusWidget(); focus && focus != mView) {
        // Leaving a field commits what was typed (spin boxes fix up their text on focus out).
        focus->clearFocus();
    }
    mView->setFocus(Qt::ShortcutFocusReason);
}

QString MainWindow::gettingStartedText() const {
    const auto key = [](const QAction* action) {
        return action->shortcut().toString(QKeySequence::NativeText);
    };
    const Actions& a = mActions;
    QString text =
        tr("<h3>Getting started</h3>"
           "<p><b>1. Watch data turn into noise.</b> Press %1 to play the forward process, or drag "
           "the t slider: the two moons dissolve into a Gaussian. Change the schedule in the "
           "Schedule dock and see ᾱ_t and the SNR follow.</p>"
           "<p><b>2. Train, then sample.</b> %2 trains the small denoiser (the loss falls in the "
           "Model &amp; Train dock); %3 then runs the reverse process and plays it from noise back "
           "to data. The exact denoiser in the Sampling dock works before any training.</p>"
           "<p><b>3. Export it.</b> %4 saves the animation as a GIF, PNG frames or a video.</p>")
            .arg(key(a.playPause), key(a.train), key(a.sample), key(a.exportFrames));
    text += tr("<h4>Keyboard</h4><table>");
    const QList<QPair<const QAction*, QString>> rows{
        {a.playPause, tr("play / pause")},
        {a.stepPrevious, tr("step back")},
        {a.stepNext, tr("step forward")},
        {a.jumpStart, tr("jump to t = 0 (forward) or x_T (reverse)")},
        {a.jumpEnd, tr("jump to the end")},
        {a.returnFocus, tr("leave a field; the keys above work again")},
        {a.train, tr("train")},
        {a.sample, tr("sample")},
        {a.exportFrames, tr("export")},
        {a.copyView, tr("copy the view")},
        {a.presenter, tr("presenter mode")},
        {a.open, tr("open a session or data file")},
        {a.saveSession, tr("save the session")},
    };
    const auto addRow = [&text](const QString& keys, const QString& what) {
        text += QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2</td></tr>")
                    .arg(keys.toHtmlEscaped(), what.toHtmlEscaped());
    };
    QSet<const QAction*> listed;
    for (const auto& [action, what] : rows) {
        addRow(key(action), what);
        listed.insert(action);
    }
    // Every other key of the window (the lessons', step mode's, playback speed's, comparison's, Quit), in
    // the words of its menu entry: a list kept by hand missed PgUp/PgDown, A, Ctrl+K and Ctrl+Q, and a key
    // added later appears by itself. The nine "go to step" keys of a lesson make one row.
    bool lessonJumps = false;
    for (const QAction* action : findChildren<QAction*>()) {
        if (listed.contains(action) || action->shortcut().isEmpty() || action->text().isEmpty()) continue;
        if (action->objectName().startsWith(QLatin1String("lessonStepJump"))) {
            lessonJumps = true;
            continue;
        }
        // Without the access key: iconText() drops the "&" but not the brackets Chinese writes it in
        // ("播放速度(D) ▸ 加快(F)").
        QString what = withoutAccessKey(action->text());
        if (what.endsWith(QChar(0x2026))) what.chop(1);
        // Where to find it, menu by menu: "Lessons ▸ Next step" (beside "step forward" a bare "Next step"
        // was unclear), "Run ▸ Playback speed ▸ Faster" (it read "Playback speed ▸ Faster", in no menu
        // of the menu bar).
        for (const QMenu* menu = menuHolding(action); menu; menu = menuHolding(menu->menuAction()))
            what = tr("%1 ▸ %2").arg(withoutAccessKey(menu->title()), what);
        addRow(key(action), what);
    }
    if (lessonJumps) addRow(tr("1 … 9"), tr("go to that step of the open lesson"));
    text += QStringLiteral("</table>");
    return text;
}

void MainWindow::showGettingStarted() {
    auto* box = findChild<QMessageBox*>(QStringLiteral("gettingStarted"));
    if (!box) {
        box = new QMessageBox(QMessageBox::Information, tr("Getting started"), QString(), QMessageBox::Close,
                              this);
        box->setObjectName(QStringLiteral("gettingStarted"));
        box->setTextFormat(Qt::RichText);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::NonModal);
    }
    box->setText(gettingStartedText());
    box->show();
    box->raise();
}

QStringList MainWindow::closeWarnings() const {
    QStringList warnings;
    for (const auto& warning : mCloseWarnings)
        if (QString w = warning(); !w.isEmpty()) warnings << w;
    return warnings;
}

bool MainWindow::confirmClose() {
    for (const auto& check : mDiscardChecks)
        if (!check()) return false;
    if (!mOptions.askBeforeDiscard) return true;
    const auto withWarnings = [this](const QString& question) {
        const QString warnings = closeWarnings().join(QLatin1Char(' '));
        return warnings.isEmpty() ? question : question + QStringLiteral("\n\n") + warnings;
    };
    // Save keeps the session, which names its model's file but does not hold the weights: "Save" under "the
    // model so far is kept only if you save it" wrote the session and lost a model never saved to a file.
    // A model not in a file gets its own button: it asks where to save the model, and once the model is in
    // its file the close goes on (saveModelRequested; the window stays open while the file is written).
    const auto offerModelSave = [this](QMessageBox& box) -> QAbstractButton* {
        return mDocument->hasModel() && !mDocument->isModelSaved()
                   ? box.addButton(tr("Save &model…"), QMessageBox::ActionRole)
                   : nullptr;
    };
    const auto savingModel = [this](const QMessageBox& box, const QAbstractButton* saveModel) {
        if (!saveModel || box.clickedButton() != saveModel) return false;
        QMetaObject::invokeMethod(this, &MainWindow::saveModelRequested, Qt::QueuedConnection);
        return true;
    };
    if (mDocument->isModified()) {
        const QString question = tr("The session has unsaved changes. Save them first?");
        QMessageBox box(QMessageBox::Question, tr("Unsaved work"), withWarnings(question),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("closeQuestion"));
        giveDiscardItsAccessKey(box);
        keepMessageTextCurrent(box, [&] { return withWarnings(question); });
        const QAbstractButton* saveModel = offerModelSave(box);
        box.setDefaultButton(QMessageBox::Save);
        const int answer = box.exec();
        if (savingModel(box, saveModel) || answer == QMessageBox::Cancel) return false;
        if (answer == QMessageBox::Save) {
            onSave();
            return !mDocument->isModified();
        }
        mDiscardedAtClose = true;  // the next start does not bring the discarded changes back
        return true;
    }
    if (closeWarnings().isEmpty()) return true;
    QMessageBox box(QMessageBox::Question, tr("Quit Diffusion Lab"), withWarnings(tr("Quit now?")),
                    QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("closeQuestion"));
    keepMessageTextCurrent(box, [&] { return withWarnings(tr("Quit now?")); });
    const QAbstractButton* saveModel = offerModelSave(box);
    box.addButton(tr("&Quit"), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (savingModel(box, saveModel)) return false;
    return box.buttonRole(box.clickedButton()) == QMessageBox::AcceptRole;
}

}  // namespace dlui
