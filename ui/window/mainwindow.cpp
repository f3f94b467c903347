#include "ui/window/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QLayout>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

#include "ui/data/dataloader.h"
#include "ui/data/datapanel.h"
#include "ui/document/sessionapply.h"
#include "ui/i18n/accesskeytext.h"
#include "ui/schedule/schedulepanel.h"
#include "ui/view/mainview.h"
#include "ui/view/timeline.h"
#include "ui/view/timelinewidget.h"
#include "ui/widgets/discardkey.h"
#include "ui/widgets/dockroom.h"
#include "ui/widgets/elidedlabel.h"
#include "ui/widgets/elidingstatusbar.h"
#include "ui/widgets/literaltabtextstyle.h"
#include "ui/widgets/readabletext.h"
#include "ui/widgets/scrollareaaround.h"

namespace dlui {

namespace {

QAction* makeAction(QObject* parent, const QString& text, const QString& icon, const QKeySequence& key,
                    const QString& tip = {}) {
    auto* a = new QAction(text, parent);
    if (!icon.isEmpty()) a->setIcon(QIcon(icon));
    if (!key.isEmpty()) a->setShortcut(key);
    if (!tip.isEmpty())
        a->setToolTip(
            key.isEmpty() ? tip : MainWindow::tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    return a;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : MainWindow(Options{}, parent) {}

MainWindow::MainWindow(const Options& options, QWidget* parent)
    : QMainWindow(parent),
      mOptions(options),
      mDocument(new LabDocument(this)),
      mTimeline(new Timeline(mDocument, this)) {
    setObjectName(QStringLiteral("DiffusionLabMainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/diffusionlab.svg")));
    setAcceptDrops(true);
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);

    mLoader = new DataLoader(this);
    mView = new MainView(mDocument, mTimeline);
    mView->setObjectName(QStringLiteral("mainView"));
    mTimelineWidget = new TimelineWidget(mTimeline, mDocument);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(mView, 1);
    layout->addWidget(mTimelineWidget);
    // At 1280×720 the docks take their preferred widths and the middle column only its minimum. That was
    // the timeline's widest row (453 px), by accident: when Loop moved beside the transport buttons the row
    // narrowed and the docks took the view's width. The picture's floor is now its own, on the view: on the
    // middle column it replaced the layout's minimum, and in presenter mode, with twice the type, a wide
    // Explain dock cut the timeline's "Markov chain" to "Markov chai".
    mView->setMinimumWidth(460);
    setCentralWidget(central);

    createActions();
    createDocks();
    createMenus();
    createToolBar();
    createStatusBar();
    createPresentation();
    connectDocument();
    loadPreset();
    mDocument->setModified(false);
    updateTimelineRange();
    updateStatus();
    updateTitle();
    fitToScreen();
}

MainWindow::~MainWindow() = default;

void MainWindow::restoreLastSession() {
    if (mOptions.restoreLastSession && mOptions.useSettings) readSettings();
    showForwardWhenNoSamples();
    updateTimelineRange();
    updateStatus();
    updateTitle();
    fitToScreen();
}

void MainWindow::createActions() {
    Actions& a = mActions;
    a.open = makeAction(this, tr("&Open…"), QStringLiteral(":/icons/open.svg"), QKeySequence::Open,
                        tr("Open a session, a CSV of points or an image"));
    a.saveSession = makeAction(this, tr("&Save session"), QStringLiteral(":/icons/save.svg"),
                               QKeySequence::Save, tr("Save data, schedule and view to a session file"));
    a.saveSessionAs = makeAction(this, tr("Save session &as…"), {}, QKeySequence::SaveAs);
    a.exportFrames = makeAction(this, tr("&Export…"), QStringLiteral(":/icons/export.svg"),
                                QKeySequence(tr("Ctrl+E")), tr("Export frames, a GIF or a video"));
    a.exportSchedulePlots = makeAction(this, tr("&Schedule plots (PNG/PDF)…"), {}, {});
    a.exportLossPlot = makeAction(this, tr("&Loss curve (PNG/PDF)…"), {}, {});
    a.exportDataCsv = makeAction(this, tr("&Data set…"), {}, {});
    a.exportSamplesCsv = makeAction(this, tr("&Samples…"), {}, {});
    a.exportTrajectoryCsv = makeAction(this, tr("&Reverse chain…"), {}, {});
    a.exportScheduleCsv = makeAction(this, tr("Schedule &table…"), {}, {});
    a.exportLossCsv = makeAction(this, tr("&Loss history…"), {}, {});
    a.copyView = makeAction(this, tr("&Copy view"), {}, QKeySequence(tr("Ctrl+Shift+C")),
                            tr("Copy the main view to the clipboard as an image"));
    a.quit = makeAction(this, tr("&Quit"), {}, QKeySequence::Quit);
    a.train = makeAction(this, tr("&Train"), QStringLiteral(":/icons/train.svg"), QKeySequence(tr("Ctrl+T")),
                         tr("Train the denoiser (or resume)"));
    a.pauseTraining = makeAction(this, tr("&Pause training"), QStringLiteral(":/icons/train-pause.svg"), {},
                                 tr("Pause training"));
    a.stopTraining = makeAction(this, tr("St&op training"), QStringLiteral(":/icons/train-stop.svg"), {},
                                tr("Stop training and keep the model"));
    a.sample = makeAction(this, tr("Sa&mple"), QStringLiteral(":/icons/sample.svg"),
                          QKeySequence(tr("Ctrl+R")), tr("Run the reverse process from the current model"));
    a.playPause = makeAction(this, tr("Pla&y / pause"), {}, QKeySequence(Qt::Key_Space));
    a.stepNext = makeAction(this, tr("Step &forward"), {}, QKeySequence(Qt::Key_Right));
    a.stepPrevious = makeAction(this, tr("Step &back"), {}, QKeySequence(Qt::Key_Left));
    a.jumpStart = makeAction(this, tr("Jump to &start"), {}, QKeySequence(Qt::Key_Home));
    a.jumpEnd = makeAction(this, tr("Jump to &end"), {}, QKeySequence(Qt::Key_End));
    a.presenter = makeAction(this, tr("P&resenter mode"), QStringLiteral(":/icons/presenter.svg"),
                             QKeySequence(Qt::Key_F11), tr("Full screen with large type, for a projector"));
    a.presenter->setCheckable(true);
    a.returnFocus =
        makeAction(this, tr("Keys to the &view"), {}, QKeySequence(Qt::Key_Escape),
                   tr("Leave the field being edited; Space and the arrows move the timeline again"));
    a.gettingStarted = makeAction(this, tr("&Getting started"), {}, QKeySequence::HelpContents);
    a.about = makeAction(this, tr("&About Diffusion Lab"), {}, {});
    a.pauseTraining->setEnabled(false);
    a.stopTraining->setEnabled(false);
    for (QAction* action : {a.playPause, a.stepNext, a.stepPrevious, a.jumpStart, a.jumpEnd, a.presenter,
                            a.returnFocus, a.copyView}) {
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);  // active even when the menus are hidden
    }

    connect(a.open, &QAction::triggered, this, &MainWindow::onOpen);
    connect(a.saveSession, &QAction::triggered, this, &MainWindow::onSave);
    connect(a.saveSessionAs, &QAction::triggered, this, &MainWindow::onSaveAs);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    connect(a.playPause, &QAction::triggered, mTimeline, &Timeline::togglePlay);
    connect(a.stepNext, &QAction::triggered, mTimeline, &Timeline::stepNext);
    connect(a.stepPrevious, &QAction::triggered, mTimeline, &Timeline::stepPrevious);
    connect(a.jumpStart, &QAction::triggered, mTimeline, &Timeline::jumpToStart);
    connect(a.jumpEnd, &QAction::triggered, mTimeline, &Timeline::jumpToEnd);
    connect(a.presenter, &QAction::toggled, this, &MainWindow::setPresenterMode);
    connect(a.returnFocus, &QAction::triggered, this, &MainWindow::returnKeysToView);
    connect(a.gettingStarted, &QAction::triggered, this, &MainWindow::showGettingStarted);
    connect(a.about, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Diffusion Lab"),
            tr("<h3>Diffusion Lab %1</h3><p>See how denoising diffusion models (DDPM) work: noise data "
               "step by step, train a small denoiser and watch it turn noise back into data.</p>")
                .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::createDocks() {
    mDataPanel = new DataPanel(mDocument);
    mDataDock = new QDockWidget(tr("Data"), this);
    mDataDock->setObjectName(QStringLiteral("dataDock"));
    mDataDock->setWidget(makePanelScrollArea(mDataPanel));
    addDockWidget(Qt::LeftDockWidgetArea, mDataDock);

    mSchedulePanel = new SchedulePanel(mDocument);
    mScheduleDock = new QDockWidget(tr("Schedule"), this);
    mScheduleDock->setObjectName(QStringLiteral("scheduleDock"));
    mScheduleDock->setWidget(makePanelScrollArea(mSchedulePanel));
    mScheduleDock->setMinimumWidth(340);
    addDockWidget(Qt::RightDockWidgetArea, mScheduleDock);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(mActions.open);
    file->addAction(mActions.saveSession);
    file->addAction(mActions.saveSessionAs);
    file->addSeparator();
    file->addAction(mActions.exportFrames);
    QMenu* plots = file->addMenu(tr("Export &plots"));
    plots->addAction(mActions.exportSchedulePlots);
    plots->addAction(mActions.exportLossPlot);
    QMenu* csv = file->addMenu(tr("Export data as &CSV"));
    csv->addAction(mActions.exportDataCsv);
    csv->addAction(mActions.exportSamplesCsv);
    csv->addAction(mActions.exportTrajectoryCsv);
    csv->addAction(mActions.exportScheduleCsv);
    csv->addAction(mActions.exportLossCsv);
    file->addSeparator();
    file->addAction(mActions.quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(mActions.copyView);
    edit->addSeparator();
    edit->addAction(mActions.returnFocus);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    run->addAction(mActions.train);
    run->addAction(mActions.pauseTraining);
    run->addAction(mActions.stopTraining);
    run->addSeparator();
    run->addAction(mActions.sample);
    run->addSeparator();
    run->addAction(mActions.playPause);
    run->addAction(mActions.stepPrevious);
    run->addAction(mActions.stepNext);
    run->addAction(mActions.jumpStart);
    run->addAction(mActions.jumpEnd);

    mViewMenu = menuBar()->addMenu(tr("&View"));
    mViewMenu->addAction(mDataDock->toggleViewAction());
    mViewMenu->addAction(mScheduleDock->toggleViewAction());
    mViewMenu->addSeparator();
    mViewMenu->addAction(mActions.presenter);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(mActions.gettingStarted);
    help->addSeparator();
    help->addAction(mActions.about);
}

void MainWindow::createToolBar() {
    mToolBar = addToolBar(tr("Main toolbar"));
    mToolBar->setObjectName(QStringLiteral("mainToolBar"));
    mToolBar->setIconSize(QSize(22, 22));
    mToolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    mToolBar->addAction(mActions.open);
    mToolBar->addAction(mActions.saveSession);
    mToolBar->addAction(mActions.exportFrames);
    mToolBar->addSeparator();
    mToolBar->addAction(mActions.train);
    mToolBar->addAction(mActions.pauseTraining);
    mToolBar->addAction(mActions.stopTraining);
    mToolBar->addAction(mActions.sample);
    mToolBar->addSeparator();
    mToolBar->addAction(mActions.presenter);
    mViewMenu->insertAction(mViewMenu->actions().value(2), mToolBar->toggleViewAction());
    // A button has no access key: "打开(&O)…" showed as "打开(O)…". Kept so through every change of the
    // text (the live language switch re-words it); setting the same icon text again emits nothing.
    for (QAction* action : mToolBar->actions()) {
        if (action->isSeparator()) continue;
        const auto label = [action] { action->setIconText(withoutAccessKey(action->text())); };
        label();
        connect(action, &QAction::changed, mToolBar, label);
    }
}

void MainWindow::createStatusBar() {
    setStatusBar(new ElidingStatusBar(this));  // temporary messages end in "…" rather than mid-word
    // Elided labels: in a narrow window each gives up room with a "…" instead of overrunning the next.
    mDataLabel = new ElidedLabel(this);
    mDataLabel->setObjectName(QStringLiteral("dataStatus"));
    mModelLabel = new ElidedLabel(this);
    mModelLabel->setObjectName(QStringLiteral("modelStatus"));
    mModelLabel->setContentsMargins(12, 0, 0, 0);  // a gap from the label before it
    statusBar()->addWidget(mDataLabel, 1);
    statusBar()->addPermanentWidget(mModelLabel);
}

void MainWindow::addPanelDock(QDockWidget* dock, Qt::DockWidgetArea area) {
    addDockWidget(area, dock);
    const QList<QAction*> items = mViewMenu->actions();
    // Dock toggles go above the separator that precedes the presenter toggle.
    QAction* before = nullptr;
    for (QAction* item : items)
        if (item->isSeparator()) {
            before = item;
            break;
        }
    // The toggle shows the dock's title as it is: "Model & Train" must not turn '&' into a mnemonic.
    QAction* toggle = dock->toggleViewAction();
    toggle->setText(withLiteralAmpersands(dock->windowTitle()));
    mViewMenu->insertAction(before, toggle);
}

void MainWindow::connectDocument() {
    connect(mDocument, &LabDocument::scheduleChanged, this, &MainWindow::updateTimelineRange);
    connect(mDocument, &LabDocument::samplesChanged, this, [this] {
        updateTimelineRange();
        // A fresh trajectory is what the person asked to see: show it from x_T (once per sampling run:
        // a run's trajectory grows while it is computed, and the animation keeps its place).
        const auto trajectory = mDocument->trajectory();
        if (trajectory && !trajectory->empty()) {
            const std::uint64_t run = mDocument->samplesRun();
            if (run != 0 && run == std::exchange(mShownSamplesRun, run)) return;
            mTimeline->setMode(Timeline::Mode::Reverse);
            mTimeline->jumpToStart();
        } else {
            showForwardWhenNoSamples();
        }
    });
    connect(mDocument, &LabDocument::modelChanged, this, &MainWindow::updateTimelineRange);
    connect(mDocument, &LabDocument::dataSetChanged, this, &MainWindow::showForwardWhenNoSamples);
    connect(mDocument, &LabDocument::samplesChanged, this, &MainWindow::withdrawNoSamplesMessage);
    connect(mTimeline, &Timeline::modeChanged, this, &MainWindow::updateTimelineRange);
    connect(mTimeline, &Timeline::tChanged, mSchedulePanel, &SchedulePanel::setCurrentT);
    for (auto signal :
         {&LabDocument::dataSetChanged, &LabDocument::scheduleChanged, &LabDocument::modelChanged}) {
        connect(mDocument, signal, this, &MainWindow::updateStatus);
    }
    connect(mDocument, &LabDocument::modifiedChanged, this, &MainWindow::updateTitle);

    connect(mDataPanel, &DataPanel::sourceRequested, this, &MainWindow::requestSource);
    connect(mDataPanel, &DataPanel::drawingRequested, mView, &MainView::setDrawingEnabled);
    connect(mDataPanel, &DataPanel::clearStrokesRequested, mView, &MainView::clearStrokes);
    connect(mView, &MainView::strokesChanged, mDataPanel,
            [this] { mDataPanel->setStrokes(mView->strokes(), mView->strokeUnit()); });
    connect(mDocument, &LabDocument::dataSetChanged, this, &MainWindow::followDataSourceInTheView);
    // Strokes not loaded yet are work the session cannot hold (it keeps the loaded data's source): quitting
    // with a drawing lost it without a question.
    addCloseWarning([this] {
        const DataSource& loaded = mDocument->dataSource();
        const bool drawnLoaded = loaded.kind == DataSource::Kind::HandDrawn;
        const bool unloaded =
            !mView->strokes().empty() && (!drawnLoaded || mView->strokes() != loaded.strokes);
        // Not "not loaded": strokes loaded once and then replaced by other data are not kept either.
        return unloaded
                   ? tr("The strokes drawn on the view are not the data loaded now and will be lost: "
                        "Load data with Source “Hand-drawn” in the Data panel keeps them in the session.")
                   : QString();
    });
    connect(mLoader, &DataLoader::busyChanged, mDataPanel, &DataPanel::setBusy);
    connect(mLoader, &DataLoader::csvColumnsRead, mDataPanel, &DataPanel::setCsvColumnNames);
    connect(mDataPanel, &DataPanel::csvColumnsWanted, mLoader, &DataLoader::readCsvColumns);
    connect(mLoader, &DataLoader::csvColumnsNeeded, this, [this](const QString&, int columnCount) {
        mDataPanel->askForCsvColumns(columnCount);
        statusBar()->showMessage(
            tr("The file has %1 columns: choose x and y in the Data panel.").arg(columnCount), 8000);
        mPendingView.reset();
        mPendingClean = false;
    });
    connect(mLoader, &DataLoader::progress, this, [this](double fraction) {
        mDataPanel->setLoadProgress(fraction);
        mLoadProgressMessage = tr("Loading the data… %1 %").arg(qRound(fraction * 100));
        statusBar()->showMessage(mLoadProgressMessage, 2000);
    });
    // The last "… 100 %" stood for its two seconds under the data already shown.
    connect(mLoader, &DataLoader::busyChanged, this, [this](bool busy) {
        if (!busy && statusBar()->currentMessage() == mLoadProgressMessage) statusBar()->clearMessage();
    });
    connect(mLoader, &DataLoader::failed, this, [this](const QString& message) {
        // The dock keeps the failed source, so it can be corrected; say that the view did not follow it.
        mDataPanel->setStatus(message + QLatin1Char('\n') +
                                  tr("The view keeps the data loaded before: %1.")
                                      .arg(describeDataSource(mDocument->dataSource())),
                              true);
        statusBar()->showMessage(tr("Could not load the data: %1").arg(message), 8000);
        mPendingView.reset();
        mPendingClean = false;
    });
    connect(mLoader, &DataLoader::loaded, this, [this](const LoadedData& loaded) {
        mDocument->setDataSet(*loaded.dataSet, loaded.source);
        mDataPanel->setStatus(
            // No plural to get wrong ("Loaded 1 samples."), and the count in the locale's digits.
            tr("Samples loaded: %1.").arg(QLocale().toString(loaded.dataSet->size())) +
            (loaded.notes.isEmpty() ? QString() : QLatin1Char('\n') + loaded.notes.join(QLatin1Char('\n'))));
        if (mPendingView) {
            applySessionView(*mDocument, *mPendingView);
            mPendingView.reset();
        }
        if (mPendingClean) mDocument->setModified(false);
        mPendingClean = false;
    });
}

void MainWindow::showForwardWhenNoSamples() {
    // Reverse mode without a trajectory is an empty view (new data cleared the samples, or a session
    // restored reverse mode): show the forward process instead and say how to get the reverse one.
    const auto trajectory = mDocument->trajectory();
    if (mTimeline->mode() != Timeline::Mode::Reverse || (trajectory && !trajectory->empty())) return;
    mTimeline->setMode(Timeline::Mode::Forward);
    mNoSamplesMessage = tr("No samples yet, so the view shows the forward process: press %1 to sample.")
                            .arg(mActions.sample->shortcut().toString(QKeySequence::NativeText));
    statusBar()->showMessage(mNoSamplesMessage, 8000);
}

void MainWindow::withdrawNoSamplesMessage() {
    // Samples that come back right after (a closed lesson's, once its data are loaded again) make the
    // message false: it stood under a reverse view of them.
    const auto trajectory = mDocument->trajectory();
    if (trajectory && !trajectory->empty() && !mNoSamplesMessage.isEmpty() &&
        statusBar()->currentMessage() == mNoSamplesMessage)
        statusBar()->clearMessage();
}

void MainWindow::requestSource(DataSource source) {
    if (source.kind == DataSource::Kind::HandDrawn) {
        source.strokes = mView->strokes();
        source.strokeUnit = mView->strokeUnit();
        const int n = handDrawnPointCount(source);
        if (n > kHandDrawnConfirmPoints) {
            const QLocale locale;
            const auto answer =
                QMessageBox::question(this, tr("Many points"),
                                      tr("These strokes make %1 points. Above %2 every frame and every "
                                         "training step slows down. Load them anyway?")
                                          .arg(locale.toString(n), locale.toString(kHandDrawnConfirmPoints)),
                                      QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
            if (answer != QMessageBox::Yes) {
                mDataPanel->setStatus(tr("Not loaded: lower the density or the brush, or draw less."));
                return;
            }
        }
    }
    mLoader->load(source);
}

void MainWindow::followDataSourceInTheView() {
    // The panel shows the loaded source without asking for drawing mode (it is only syncing), so the view
    // follows the data here. Hand-drawn data from a session or a lesson bring their strokes back to draw
    // on: the panel said "No strokes yet." beside them and the next stroke replaced the drawing. Any other
    // data end drawing mode: it stayed on over a CSV opened with Ctrl+O.
    const DataSource& source = mDocument->dataSource();
    const bool drawn = source.kind == DataSource::Kind::HandDrawn;
    if (drawn && (source.strokes != mView->strokes() || source.strokeUnit != mView->strokeUnit()))
        mView->setStrokes(source.strokes, source.strokeUnit);
    mView->setDrawingEnabled(drawn);
}

void MainWindow::updateTimelineRange() {
    const bool reverse = mTimeline->mode() == Timeline::Mode::Reverse;
    int maximum = mDocument->schedule().T();
    if (reverse) {
        const auto trajectory = mDocument->trajectory();
        if (trajectory && !trajectory->timesteps.empty())
            maximum = trajectory->timesteps.front();
        else if (mDocument->modelSchedule())
            maximum = mDocument->modelSchedule()->T();
    }
    mTimeline->setMaximum(maximum);
}

void MainWindow::updateStatus() {
    mDataLabel->setText(tr("Data: %1 · %2 samples of dimension %3")
                            .arg(describeDataSource(mDocument->dataSource()))
                            .arg(mDocument->dataSet()->size())
                            .arg(mDocument->dataSet()->dim()));
    if (!mDocument->hasModel()) {
        mModelLabel->setText(
            tr("No model yet · editor: %1").arg(describeSchedule(mDocument->schedule().params())));
        setReadableTextColor(mModelLabel, QColor());
        return;
    }
    const QString mismatch = mDocument->describeScheduleMismatch();
    QString text = mismatch.isEmpty()
                       ? tr("Model: %1").arg(describeSchedule(mDocument->modelSchedule()->params()))
                       : tr("⚠ %1").arg(mismatch);
    if (!mDocument->modelMatchesData()) text += tr(" · trained on other data");
    mModelLabel->setText(text);
    setReadableTextColor(mModelLabel, mismatch.isEmpty() ? QColor() : kCautionTextColor);
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    // The retranslator re-words each message of a text, but the model's line joins two ("Model: …" and
    // " · trained on other data"), and half of it stayed in the old language. Queued: after the
    // retranslator's pass.
    if (event->type() == QEvent::LanguageChange)
        QMetaObject::invokeMethod(this, &MainWindow::updateStatus, Qt::QueuedConnection);
}

bool MainWindow::event(QEvent* event) {
    // The tab bars under tabbed docks come and go with the layout: made by tabbing docks on a narrow screen,
    // by a person dragging one dock onto another, or by restoreState at the next start, where "Model & Train"
    // read "Model _Train" again. Each gets the style as it is polished.
    if (event->type() == QEvent::ChildPolished)
        if (auto* bar = qobject_cast<QTabBar*>(static_cast<QChildEvent*>(event)->child()))
            if (bar->style() != LiteralTabTextStyle::instance(this))
                bar->setStyle(LiteralTabTextStyle::instance(this));
    return QMainWindow::event(event);
}

void MainWindow::updateTitle() {
    const QString name = mSessionPath.isEmpty() ? tr("untitled") : QFileInfo(mSessionPath).fileName();
    setWindowTitle(tr("%1[*] — Diffusion Lab").arg(name));
    setWindowModified(mDocument->isModified());
}

bool MainWindow::confirmDiscard() {
    for (const auto& check : mDiscardChecks)
        if (!check()) return false;
    if (!mOptions.askBeforeDiscard || !mDocument->isModified()) return true;
    QMessageBox box(QMessageBox::Question, tr("Unsaved work"),
                    tr("The session has unsaved changes. Save them first?"),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    giveDiscardItsAccessKey(box);
    box.setDefaultButton(QMessageBox::Save);
    const int answer = box.exec();
    if (answer == QMessageBox::Cancel) return false;
    if (answer == QMessageBox::Save) {
        onSave();
        return !mDocument->isModified();
    }
    return true;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!confirmClose()) {
        event->ignore();
        return;
    }
    mTimeline->pause();
    mLoader->cancel();
    setPresenterMode(false);  // remember the layout as it is outside presenter mode
    if (mOptions.useSettings) writeSettings();
    Q_EMIT closing();
    event->accept();
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    // Queued: the docks have their new widths only after the layout that follows.
    if (event->size().width() > event->oldSize().width())
        QMetaObject::invokeMethod(this, &MainWindow::widenCutDocks, Qt::QueuedConnection);
}

void MainWindow::widenCutDocks() {
    // Made narrow and then wide again, the window gave all the room back to the view: the left docks stayed
    // squeezed, their fields cut ("ource", "eed"), and the next start restored them so.
    // One width per column (docks stacked in it share it), the widest any of its docks needs: one resize
    // per dock undid the one before, as the layout moves only afterwards.
    QList<QDockWidget*> columns;
    QList<int> widths;
    for (QDockWidget* dock : findChildren<QDockWidget*>()) {
        if (!dock->isVisible() || dock->isFloating()) continue;
        const auto* area = qobject_cast<QScrollArea*>(dock->widget());
        if (!area || !area->widget()) continue;
        const int missing = area->widget()->minimumSizeHint().width() - area->viewport()->width();
        if (missing <= 0) continue;
        const int wanted = std::min(dock->width() + missing, widestDockBesideTheView(this, dock));
        if (wanted <= dock->width()) continue;
        const auto sameColumn = std::find_if(columns.begin(), columns.end(), [&](QDockWidget* other) {
            return dockWidgetArea(other) == dockWidgetArea(dock) && other->x() == dock->x();
        });
        if (sameColumn == columns.end()) {
            columns << dock;
            widths << wanted;
        } else {
            int& width = widths[sameColumn - columns.begin()];
            width = std::max(width, wanted);
        }
    }
    if (!columns.isEmpty()) resizeDocks(columns, widths, Qt::Horizontal);
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (mLayoutRestored) return;
    mLayoutRestored = true;
    bool restored = false;
    if (mOptions.useSettings && mOptions.restoreLastSession) {
        QSettings settings;
        restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
        restored = restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    }
    if (!restored) {
        // First start: the schedule's plots and the data preview get most of their columns' height.
        resizeDocks({mScheduleDock, mDataDock}, {height() * 3 / 5, height() / 2}, Qt::Vertical);
    }
    fitToScreen();  // now with the window manager's frame known (and after a remembered geometry)
    tabRightDocksOnANarrowScreen();
    // Once the docks have the sizes of the window as it will stay.
    if (!restored) QMetaObject::invokeMethod(this, &MainWindow::firstLayout, Qt::QueuedConnection);
    // The view takes the keys from the start (Space plays, arrows step): otherwise Qt gives them to the
    // first control of the tab chain, the timeline's t field, which swallowed Space.
    mView->setFocus(Qt::OtherFocusReason);
}

}  // namespace dlui
