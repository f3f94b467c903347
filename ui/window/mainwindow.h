// The Diffusion Lab main window: the main view with the timeline under it, the Data and Schedule docks,
// the toolbar and menus, the status bar, keyboard shortcuts, drag and drop of data files, sessions and
// remembered layout. It owns the shared LabDocument and Timeline.
//
// Other parts plug in from outside, through the public API:
//   - actions(): the QActions of the toolbar and menus. Train/Pause/Stop/Sample/Export are created here,
//     disabled-free and unconnected; the training, sampling and export code connect to them.
//   - addPanelDock(): adds a dock (Model & Train, Sampling, …) with a toggle in the View menu; the layout
//     is restored once, when the window is first shown, so docks added before show() keep their place.
//   - mainView()->addSceneDecorator(): overlays on the central view.
//   - statusBar()->addPermanentWidget(): training progress next to the model label.
//
//   dlui::MainWindow window;
//   connect(window.actions().train, &QAction::triggered, controller, &TrainingController::start);
//   window.addPanelDock(trainDock, Qt::LeftDockWidgetArea);
//   window.show();
#pragma once

#include <QMainWindow>
#include <QMargins>
#include <functional>
#include <optional>

#include "ui/document/labdocument.h"
#include "ui/document/session.h"

class QAction;
class QDockWidget;
class QLabel;
class QMenu;

namespace dlui {

class DataLoader;
class DataPanel;
class MainView;
class PresenterMode;
class ThemeMenu;
class SchedulePanel;
class Timeline;
class TimelineWidget;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        /// Open on the last session remembered in QSettings (the application does; tests do not).
        bool restoreLastSession = false;
        /// Ask before discarding unsaved work (tests turn it off: no modal dialogs offscreen).
        bool askBeforeDiscard = true;
        /// Remember geometry, dock layout and the last session in QSettings.
        bool useSettings = true;
    };

    /// The window's actions, for the toolbar, menus and the code that connects to them.
    struct Actions {
        QAction* open = nullptr;         ///< open a session or a data file (Ctrl+O)
        QAction* saveSession = nullptr;  ///< Ctrl+S
        QAction* saveSessionAs = nullptr;
        QAction* exportFrames =
            nullptr;  ///< Ctrl+E — connected by the export code (ui/window/windowexport.h)
        QAction* exportSchedulePlots = nullptr;  ///< the schedule plots as PNG or PDF
        QAction* exportLossPlot = nullptr;       ///< the loss curve as PNG or PDF
        QAction* exportDataCsv = nullptr;        ///< the data set as CSV
        QAction* exportSamplesCsv = nullptr;     ///< the samples (x_0 of the reverse chain) as CSV
        QAction* exportTrajectoryCsv = nullptr;  ///< the whole reverse chain as CSV
        QAction* exportScheduleCsv = nullptr;    ///< the schedule table as CSV
        QAction* exportLossCsv = nullptr;        ///< the loss history as CSV
        QAction* copyView = nullptr;             ///< Ctrl+Shift+C: the main view to the clipboard
        QAction* quit = nullptr;
        QAction* train = nullptr;  ///< Ctrl+T — connected by the training code
        QAction* pauseTraining = nullptr;
        QAction* stopTraining = nullptr;
        QAction* sample = nullptr;        ///< connected by the sampling code
        QAction* playPause = nullptr;     ///< Space
        QAction* stepNext = nullptr;      ///< →
        QAction* stepPrevious = nullptr;  ///< ←
        QAction* jumpStart = nullptr;     ///< Home
        QAction* jumpEnd = nullptr;       ///< End
        QAction* presenter = nullptr;     ///< F11: presenter mode (ui/window/presentermode.h)
        QAction* returnFocus = nullptr;   ///< Escape: give the keyboard back to the view (and its shortcuts)
        QAction* gettingStarted = nullptr;  ///< F1: three things to try first and the keyboard shortcuts
        QAction* about = nullptr;
    };

    /// The window without the live training and sampling panels; LabWindow (ui/window/labwindow.h) composes
    /// the whole application window.
    explicit MainWindow(QWidget* parent = nullptr);
    explicit MainWindow(const Options& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens the last session remembered in QSettings when the options ask for it. Called once the window's
    /// parts are all there, so a session's model finds the panels that load it.
    void restoreLastSession();

    LabDocument* document() const { return mDocument; }
    Timeline* timeline() const { return mTimeline; }
    MainView* mainView() const { return mView; }
    TimelineWidget* timelineWidget() const { return mTimelineWidget; }
    SchedulePanel* schedulePanel() const { return mSchedulePanel; }
    DataPanel* dataPanel() const { return mDataPanel; }
    DataLoader* dataLoader() const { return mLoader; }
    const Actions& actions() const { return mActions; }
    QMenu* viewMenu() const { return mViewMenu; }
    QToolBar* mainToolBar() const { return mToolBar; }

    /// Adds a dock with a toggle in the View menu. Give it an objectName so its place is remembered.
    void addPanelDock(QDockWidget* dock, Qt::DockWidgetArea area);

    /// The current session (data, schedule, view, model path).
    Session currentSession() const;
    /// Applies a session: view settings at once, the data through the loader (asynchronously).
    /// False with *error for an invalid schedule.
    bool applySession(const Session& session, QString* error = nullptr);
    /// Applies a session that puts back an earlier state of this window (the one from before a lesson, or
    /// from the last run): no edit, so the window ends as modified as `modified` says, once its data are in.
    bool restoreSession(const Session& session, bool modified, QString* error = nullptr);
    bool saveSessionTo(const QString& path, QString* error = nullptr);
    bool openSessionFrom(const QString& path, QString* error = nullptr);
    /// Applies a session read from `path` and makes it the window's file, unmodified.
    bool adoptSession(const Session& session, const QString& path, QString* error = nullptr);
    QString sessionPath() const { return mSessionPath; }

    /// Loads a dropped or opened file: a session (.json), points (.csv) or an image (as a shape; several
    /// images or a folder in pixel space). Returns false for a file type it does not know.
    bool openFile(const QString& path);
    /// Lets another part open the files it knows (lessons) before the window's own handling; an opener
    /// returns true when it took the file.
    void addFileOpener(std::function<bool(const QString& path)> opener) {
        mFileOpeners.push_back(std::move(opener));
    }
    bool openFiles(const QStringList& paths);

    /// Presenter mode: full screen, only the chosen controls, everything twice as large; leaving it
    /// restores the layout (ui/window/presentermode.h).
    bool isPresenterMode() const;
    void setPresenterMode(bool on);
    PresenterMode* presenterMode() const { return mPresenterMode; }
    /// Keeps the window on its screen: no larger than the screen's free area (as far as its minimum size
    /// allows) and its frame inside it. Presenter mode's larger type and a lesson's docks can widen it past
    /// a small screen; leaving either calls this.
    void fitToScreen();
    /// View ▸ Theme and View ▸ Colours (ui/window/thememenu.h).
    ThemeMenu* themeMenu() const { return mThemes; }

    /// Escape (or Escape in a field): leaves presenter mode and gives the keyboard back to the main view,
    /// so Space, ←/→ and Home/End move the timeline again.
    void returnKeysToView();
    /// Enter in a field: the value is committed and the keyboard goes back to the view; presenter mode stays
    /// (typing a t in front of a class is part of presenting).
    void giveKeysToView();
    /// Help ▸ Getting started: three things to try first and the keyboard shortcuts.
    void showGettingStarted();
    /// The Getting started text (HTML), with the shortcuts as the actions have them.
    QString gettingStartedText() const;

    /// Called before work is discarded (close, open). Returns true when it may go ahead; asks the person
    /// when askBeforeDiscard is set and there is unsaved work. Other panels may add their own checks.
    bool confirmDiscard();
    /// Whether the window asks before work is lost (off in tests and scripted runs).
    bool asksBeforeDiscard() const { return mOptions.askBeforeDiscard; }
    /// Called when the window is about to close: asks about unsaved work and names what closing stops
    /// (training); true when it may close. Asks only when askBeforeDiscard is set.
    bool confirmClose();
    void addDiscardCheck(std::function<bool()> check) { mDiscardChecks.push_back(std::move(check)); }
    /// What would be lost by closing now besides unsaved changes (e.g. "Training will be stopped."); the
    /// quit question names it. Other panels add their own.
    void addCloseWarning(std::function<QString()> warning) { mCloseWarnings.push_back(std::move(warning)); }
    /// The warnings that apply now, one sentence each (empty when closing loses nothing running).
    QStringList closeWarnings() const;

Q_SIGNALS:
    /// The window is about to close (after the person agreed): stop workers now.
    void closing();
    /// First show without a remembered layout: the docks have their first sizes and may adjust them.
    void firstLayout();
    /// The question on closing was answered with "Save model…": the window stays, and the model is to be
    /// saved to a file (a session names its model's file and does not hold the weights).
    void saveModelRequested();

protected:
    /// A language switch: the status bar's lines, built from several messages, are built again.
    void changeEvent(QEvent* event) override;
    /// Gives every dock tab bar the window makes the style that draws a title's "&" as written.
    bool event(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    /// A grown window first gives docks whose fields are cut the room they need (widenCutDocks).
    void resizeEvent(QResizeEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    void createStatusBar();
    void createPresentation();
    void connectDocument();
    void updateTimelineRange();
    void updateStatus();
    void updateTitle();
    void loadPreset();
    void onOpen();
    void onSave();
    void onSaveAs();
    void requestSource(DataSource source);
    /// Drawing mode and the strokes follow the data loaded (see the definition).
    void followDataSourceInTheView();
    /// Docks whose panel is cut behind a horizontal scroll bar take the width it needs from the view's
    /// room above its floor (dockroom.h).
    void widenCutDocks();
    void showForwardWhenNoSamples();
    /// Clears that method's "No samples yet" message when samples arrive while it shows.
    void withdrawNoSamplesMessage();
    void readSettings();
    /// On a screen narrower than the three columns, the right column's docks become tabs of the left one.
    void tabRightDocksOnANarrowScreen();
    /// fitToScreen, looking again for the window manager's frame up to `framingWaitsLeft` times before it
    /// moves a window whose frame is not known.
    void fitToScreenTrying(int framingWaitsLeft);
    void writeSettings();

    Options mOptions;
    LabDocument* mDocument;
    Timeline* mTimeline;
    MainView* mView;
    TimelineWidget* mTimelineWidget;
    DataPanel* mDataPanel;
    SchedulePanel* mSchedulePanel;
    DataLoader* mLoader;
    QDockWidget* mDataDock = nullptr;
    QDockWidget* mScheduleDock = nullptr;
    QMenu* mViewMenu = nullptr;
    QToolBar* mToolBar = nullptr;
    QLabel* mDataLabel = nullptr;
    QLabel* mModelLabel = nullptr;
    Actions mActions;
    QString mSessionPath;
    std::uint64_t mShownSamplesRun = 0;        // the sampling run the timeline was last reset for
    std::optional<ViewSettings> mPendingView;  // applied when the session's data arrive
    bool mDiscardedAtClose = false;  // "Discard" answered when closing: the session is remembered as saved
    bool mPendingClean = false;      // a session opened from a file: its data load is no edit
    std::vector<std::function<bool()>> mDiscardChecks;
    std::vector<std::function<QString()>> mCloseWarnings;
    std::vector<std::function<bool(const QString&)>> mFileOpeners;
    bool mLayoutRestored = false;
    std::optional<QMargins> mFrameMargins;  ///< the window manager's frame, once seen
    QString mNoSamplesMessage;              ///< the last "No samples yet" status message, as shown
    QString mLoadProgressMessage;           ///< the last "Loading the data… %" status message, as shown
    PresenterMode* mPresenterMode = nullptr;
    ThemeMenu* mThemes = nullptr;
};

}  // namespace dlui
