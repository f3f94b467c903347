#include "ui/window/lessonmenu.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>
#include <algorithm>
#include <utility>

#include "core/io/lessonfile.h"
#include "ui/document/labdocument.h"
#include "ui/i18n/accesskeytext.h"
#include "ui/i18n/coremessages.h"
#include "ui/i18n/translations.h"
#include "ui/lessons/lessonnavigator.h"
#include "ui/lessons/lessonplayer.h"
#include "ui/widgets/filedialogs.h"
#include "ui/window/mainwindow.h"
#include "ui/window/presentermode.h"

namespace dlui {

LessonMenu::LessonMenu(MainWindow* window, TrainingAndSampling* live)
    : QObject(window),
      mWindow(window),
      mPlayer(new LessonPlayer(window, live, this)),
      mNavigator(new LessonNavigator(mPlayer)) {
    setObjectName(QStringLiteral("lessonMenu"));
    mDock = new QDockWidget(tr("Lesson"), window);
    mDock->setObjectName(QStringLiteral("lessonDock"));
    mDock->setWidget(mNavigator);
    window->addPanelDock(mDock, Qt::BottomDockWidgetArea);
    mDock->hide();                    // until a lesson is opened
    mDock->installEventFilter(this);  // its × and View ▸ Lesson close the lesson (eventFilter)

    createActions();
    createMenu();
    // Queued: the bar reports a new width or font from inside the layout that is sizing it.
    connect(mNavigator, &LessonNavigator::heightForLessonChanged, this, &LessonMenu::fitDock,
            Qt::QueuedConnection);
    connect(mPlayer, &LessonPlayer::lessonChanged, this, &LessonMenu::updateActions);
    connect(window->presenterMode(), &PresenterMode::toggled, this, &LessonMenu::followPresenterMode);
    connect(mPlayer, &LessonPlayer::lessonChanged, this, [this] {
        // Queued: the dock may be in the middle of closing (its × ends the lesson).
        if (!mPlayer->hasLesson()) QTimer::singleShot(0, this, &LessonMenu::restoreLayoutBefore);
    });
    connect(mPlayer, &LessonPlayer::stepChanged, this, &LessonMenu::updateActions);
    connect(mPlayer, &LessonPlayer::problemReported, window,
            [window](const QString& message) { window->statusBar()->showMessage(message, 10000); });
    window->addFileOpener([this](const QString& path) { return openIfLesson(path); });
    updateActions();
}

LessonMenu::~LessonMenu() = default;

void LessonMenu::createActions() {
    mOpenFile = new QAction(tr("&Open lesson file…"), this);
    mNext = new QAction(tr("&Next step"), this);
    mNext->setShortcut(QKeySequence(Qt::Key_PageDown));
    mPrevious = new QAction(tr("&Previous step"), this);
    mPrevious->setShortcut(QKeySequence(Qt::Key_PageUp));
    mClose = new QAction(tr("&Close lesson"), this);
    mClose->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));  // closed like a document
    for (int k = 0; k < 9; ++k) {
        mJump[k] = new QAction(tr("Go to step %1").arg(k + 1), this);
        mJump[k]->setObjectName(QStringLiteral("lessonStepJump%1").arg(k + 1));  // one row in Help's keys
        mJump[k]->setShortcut(QKeySequence(Qt::Key_1 + k));
        mJump[k]->setShortcutContext(Qt::WindowShortcut);
        mWindow->addAction(mJump[k]);  // keys only: no menu entry
        connect(mJump[k], &QAction::triggered, mPlayer, [this, k] { mPlayer->goTo(k); });
    }
    for (QAction* a : {mNext, mPrevious, mClose}) {
        a->setShortcutContext(Qt::WindowShortcut);
        mWindow->addAction(a);  // active even when the menu bar is hidden
    }
    connect(mOpenFile, &QAction::triggered, this, &LessonMenu::onOpenFile);
    // A step shown gives the keys back to the view, as Escape does: a lecturer who typed a t and went on
    // with Page Down (a clicker) kept them in the t field, where → and Space did nothing and a number key
    // typed into it rather than going to a step.
    connect(mPlayer, &LessonPlayer::stepChanged, mWindow, &MainWindow::giveKeysToView, Qt::QueuedConnection);
    connect(mNext, &QAction::triggered, mPlayer, &LessonPlayer::next);
    connect(mPrevious, &QAction::triggered, mPlayer, &LessonPlayer::previous);
    connect(mClose, &QAction::triggered, this, [this] {
        mPlayer->closeLesson();
        mDock->hide();
    });
}

void LessonMenu::createMenu() {
    mMenu = new QMenu(tr("&Lessons"), mWindow);
    mMenu->setObjectName(QStringLiteral("lessonsMenu"));
    for (const QString& path : dl::builtInLessonPaths()) {
        QString error;
        const auto lesson = dl::loadLesson(path, &error);
        if (!lesson) continue;  // the built-in lessons are checked by a test
        QAction* a = mMenu->addAction(QString());
        a->setData(path);
        mBuiltInNames.push_back({lesson->title, lesson->summary});
        connect(a, &QAction::triggered, this, [this, path] { openLesson(path); });
        mBuiltIn << a;
    }
    nameBuiltInLessons();
    mMenu->installEventFilter(this);
    mMenu->addSeparator();
    mMenu->addAction(mOpenFile);
    mMenu->addSeparator();
    mMenu->addAction(mPrevious);
    mMenu->addAction(mNext);
    mMenu->addAction(mClose);
    // Before Help, the last menu.
    const QList<QAction*> menus = mWindow->menuBar()->actions();
    mWindow->menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.back(), mMenu);
}

void LessonMenu::nameBuiltInLessons() {
    // The lesson files carry both languages; the one shown follows View → Language, so a Chinese
    // system with the window in English lists English titles (and the catalogue never sees them).
    // Numbered as the menu lists them, the first nine with their number as access key (Alt+L, 4 opens the
    // fourth): a lecturer at the keyboard had to arrow down to a lesson. A title's own "&" is a character.
    const QLocale locale(languageCode(currentLanguage()));
    for (qsizetype i = 0; i < mBuiltIn.size(); ++i) {
        const QString title = withLiteralAmpersands(mBuiltInNames[i].first.text(locale));
        const QString number = i < 9 ? QStringLiteral("&%1").arg(i + 1) : QString::number(i + 1);
        mBuiltIn[i]->setText(number + QLatin1Char(' ') + title);
        mBuiltIn[i]->setToolTip(mBuiltInNames[i].second.text(locale));
    }
}

bool LessonMenu::eventFilter(QObject* watched, QEvent* event) {
    if (watched == mMenu && event->type() == QEvent::LanguageChange) nameBuiltInLessons();
    // The bar's × and unticking View ▸ Lesson close the dock (presenter mode only hides it): that ends the
    // lesson, as Lessons ▸ Close lesson does. It used to hide the text and leave the lesson running, the
    // window in its state and PgUp/PgDown stepping it unseen; the work from before it never came back.
    if (watched == mDock && event->type() == QEvent::Close && mPlayer->hasLesson()) mPlayer->closeLesson();
    return QObject::eventFilter(watched, event);
}

void LessonMenu::updateActions() {
    const int index = mPlayer->stepIndex();
    const bool open = mPlayer->hasLesson();
    mNext->setEnabled(open && index + 1 < mPlayer->stepCount());
    mPrevious->setEnabled(open && index > 0);
    mClose->setEnabled(open);
    for (int k = 0; k < 9; ++k) mJump[k]->setEnabled(open && k < mPlayer->stepCount());
}

bool LessonMenu::openLesson(const QString& path, QString* error) {
    QString problem;
    const auto lesson = dl::loadLesson(path, &problem);
    if (!lesson) {
        mWindow->statusBar()->showMessage(tr("Could not open the lesson: %1").arg(coreMessage(problem)),
                                          15000);
        if (error) *error = problem;
        return false;
    }
    if (!confirmModelReplacement(*lesson)) return false;
    // Not when one lesson follows another, nor when one opens before the last one's layout came back:
    // the layout to give back is the one from before the first.
    if (!mPlayer->hasLesson() && mLayoutBefore.isEmpty()) {
        mLayoutBefore = mWindow->saveState();
        mLayoutBeforeInPresenterMode = mWindow->isPresenterMode();
    }
    // Step mode is not a lesson's: left on, its arrows and legend covered a lesson's view ("the reverse
    // chain brings back two moons" under a legend at twice the type).
    if (auto* stepMode = mWindow->findChild<QAction*>(QStringLiteral("stepModeAction"));
        stepMode && stepMode->isChecked())
        stepMode->setChecked(false);
    mPlayer->setLesson(*lesson, path);
    mDock->show();
    mDock->raise();
    mPlayer->goTo(0);
    QTimer::singleShot(0, this, &LessonMenu::fitDock);  // once the shown dock has its width
    return true;
}

bool LessonMenu::confirmModelReplacement(const dl::Lesson& lesson) {
    // The data, schedule and view come back when the lesson closes (LessonPlayer); a model the lesson loads
    // stays. So the one piece of work opening a lesson can lose is a trained model never saved, and that is
    // what is asked about. (It asked "The session has unsaved changes. Save them first?", and what was
    // discarded came back at the close.)
    const LabDocument* doc = mWindow->document();
    const bool loadsModel = std::any_of(lesson.steps.begin(), lesson.steps.end(),
                                        [](const dl::LessonStep& step) { return !step.modelPath.isEmpty(); });
    if (!loadsModel || !doc->hasModel() || doc->isModelSaved() || !mWindow->asksBeforeDiscard()) return true;
    const QLocale locale(languageCode(currentLanguage()));
    QMessageBox box(
        QMessageBox::Question, tr("Open the lesson?"),
        tr("The lesson “%1” loads its own model, which replaces the model you trained. That model "
           "has not been saved and will be lost.")
            .arg(lesson.title.text(locale)),
        QMessageBox::NoButton, mWindow);
    box.setInformativeText(tr("Your data, schedule and view come back when you close the lesson."));
    QPushButton* open = box.addButton(tr("Open the lesson"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == open;
}

void LessonMenu::fitDock() {
    // As tall as the lesson's longest narration needs, no taller: the bottom dock once took a third of a
    // 1280×720 window, mostly empty, and the view shrank to 300 px.
    if (!mDock->isVisible() || mDock->isFloating()) return;
    const int titleBar = std::max(0, mDock->height() - mNavigator->height());
    const int wanted = mNavigator->heightForLesson(mNavigator->width()) + titleBar;
    if (mDock->height() != wanted) mWindow->resizeDocks({mDock}, {wanted}, Qt::Vertical);
}

void LessonMenu::restoreLayoutBefore() {
    // A lesson raises its Explain step's dock, widens columns for its equations and scrolls panels; after
    // it the Sampling tab stayed behind Explain and the columns stayed wider at every lesson.
    if (mPlayer->hasLesson()) return;  // another opened meanwhile: its close gives the layout back
    const QByteArray before = std::exchange(mLayoutBefore, QByteArray());
    if (before.isEmpty()) return;
    if (mWindow->isPresenterMode() != mLayoutBeforeInPresenterMode) {
        // Opened before presenter mode, closed in it (a class presented with F11 and ended with Ctrl+W):
        // leaving presenter mode gives back the layout from before the lesson rather than the lesson's.
        if (!mLayoutBeforeInPresenterMode) mWindow->presenterMode()->setLayoutBefore(before);
        return;
    }
    mWindow->restoreState(before);
    mDock->hide();
    // The lesson's docks may have widened the window past a small screen; the layout before fits it again.
    QMetaObject::invokeMethod(mWindow, &MainWindow::fitToScreen, Qt::QueuedConnection);
}

void LessonMenu::followPresenterMode(bool on) {
    // A lesson opened in presenter mode and closed after it: the layout to give back is the one leaving
    // presenter mode gave back, not the presenter's own. Without it nothing was restored, and the
    // lesson's Explain dock took a little more of the left column every time.
    if (!on && mPlayer->hasLesson() && mLayoutBeforeInPresenterMode) {
        mLayoutBefore = mWindow->presenterMode()->layoutBefore();
        mLayoutBeforeInPresenterMode = false;
    }
    // F11 on a step about a dock hid it (presenter mode keeps only the lesson bar and the timeline): the
    // step's docks come back, once the new layout is in.
    if (mPlayer->hasLesson()) QTimer::singleShot(0, mPlayer, &LessonPlayer::showStepDocks);
}

void LessonMenu::onOpenFile() {
    const QString path =
        askOpenFileName(mWindow, tr("Open lesson"), QString(), tr("Lessons (*.json);;All files (*)"));
    if (!path.isEmpty()) openLesson(path);
}

bool LessonMenu::openIfLesson(const QString& path) {
    if (QFileInfo(path).suffix().toLower() != QLatin1String("json")) return false;
    QFile file(path);
    if (file.size() > 4 * 1024 * 1024 || !file.open(QIODevice::ReadOnly)) return false;
    // Only the format tag decides: a session goes on to the window's own handling.
    if (!dl::isLessonJson(QJsonDocument::fromJson(file.readAll()).object())) return false;
    openLesson(path);
    return true;
}

}  // namespace dlui
