// The window's lessons: the Lessons menu (every built-in lesson by title, Open lesson file…, next and
// previous step, close), the lesson bar at the bottom (ui/lessons/lessonnavigator.h) and the keys a
// presentation clicker sends — PageDown/PageUp for next/previous, window-wide — plus 1–9 to jump to a
// step. The step keys are enabled only while a lesson is open, so they take no key from anything else;
// a text field being edited keeps its keys (Qt asks the focused field first). Lesson files dropped or
// named on the command line open here too (MainWindow::addFileOpener).
//
//   auto lessons = std::make_unique<dlui::LessonMenu>(window, live);
//   lessons->openLesson(QStringLiteral(":/lessons/01-forward-destroys-structure.json"));
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <array>
#include <utility>

#include "core/io/lessonfile.h"

class QAction;
class QDockWidget;
class QMenu;

namespace dlui {

class LessonNavigator;
class LessonPlayer;
class MainWindow;
class TrainingAndSampling;

class LessonMenu : public QObject {
    Q_OBJECT
public:
    LessonMenu(MainWindow* window, TrainingAndSampling* live);
    ~LessonMenu() override;

    /// Opens a lesson file (or built-in resource) at its first step. False with *error (also shown in the
    /// status bar) when it is not a valid lesson; the current lesson and the window are left as they were.
    bool openLesson(const QString& path, QString* error = nullptr);

    LessonPlayer* player() const { return mPlayer; }
    LessonNavigator* navigator() const { return mNavigator; }
    QDockWidget* dock() const { return mDock; }
    QMenu* menu() const { return mMenu; }
    QAction* openFileAction() const { return mOpenFile; }
    QAction* nextAction() const { return mNext; }
    QAction* previousAction() const { return mPrevious; }
    QAction* closeAction() const { return mClose; }
    /// The built-in lessons' entries, in menu order.
    const QList<QAction*>& builtInActions() const { return mBuiltIn; }

protected:
    /// Re-titles the built-in lessons when the menu gets QEvent::LanguageChange (View → Language).
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createActions();
    void createMenu();
    /// Titles and tooltips of the built-in lessons in the window's language (not the system locale).
    void nameBuiltInLessons();
    void updateActions();
    void onOpenFile();
    bool openIfLesson(const QString& path);
    /// Sizes the lesson dock to the height its narrations need.
    void fitDock();
    /// The docks as they were before the lesson: which are shown, their sizes, the tab in front.
    void restoreLayoutBefore();
    /// Presenter mode switched while a lesson is open: which layout its close gives back.
    void followPresenterMode(bool on);
    /// Asks before a lesson's model replaces a trained model that was never saved; true to go ahead.
    bool confirmModelReplacement(const dl::Lesson& lesson);

    MainWindow* mWindow;
    LessonPlayer* mPlayer;
    LessonNavigator* mNavigator;
    QDockWidget* mDock = nullptr;
    QMenu* mMenu = nullptr;
    QAction* mOpenFile = nullptr;
    QAction* mNext = nullptr;
    QAction* mPrevious = nullptr;
    QAction* mClose = nullptr;
    std::array<QAction*, 9> mJump{};
    QList<QAction*> mBuiltIn;
    /// QMainWindow::saveState() when the lesson opened, and whether presenter mode was on then (a layout of
    /// the other mode is not given back: presenter mode keeps its own).
    QByteArray mLayoutBefore;
    bool mLayoutBeforeInPresenterMode = false;
    QList<std::pair<dl::LessonText, dl::LessonText>> mBuiltInNames;  ///< title and summary per entry
};

}  // namespace dlui
