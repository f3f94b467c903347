// The lesson bar: the lesson's title, "Step k of n", the step's narration in the language of the locale
// (English or Simplified Chinese) and Previous/Next buttons. It follows a LessonPlayer; the keys
// (PageDown/PageUp, 1–9) are the window's actions (ui/window/lessonmenu.h).
//
//   auto* bar = new dlui::LessonNavigator(player);
//   dock->setWidget(bar);
#pragma once

#include <QLocale>
#include <QWidget>

class QLabel;
class QPushButton;

namespace dlui {

class LessonPlayer;

class LessonNavigator : public QWidget {
    Q_OBJECT
public:
    explicit LessonNavigator(LessonPlayer* player, QWidget* parent = nullptr);

    /// The language of the narration: the window's (View ▸ Language) unless set here.
    void setLocale(const QLocale& locale);

    QString titleText() const;
    QString narrationText() const;
    QString positionText() const;
    QPushButton* nextButton() const { return mNext; }
    QPushButton* previousButton() const { return mPrevious; }
    /// The height that shows the open lesson's every narration (and its summary) whole at this width:
    /// the dock is sized to it, so the view keeps the rest of the window.
    int heightForLesson(int width) const;

Q_SIGNALS:
    /// heightForLesson() may have changed: the bar's width or font did (presenter mode doubles the type,
    /// and a lesson's Explain dock narrows the bar), or a problem line came or went; the narration was cut
    /// off when the dock kept its height.
    void heightForLessonChanged();

protected:
    /// A language switch while the program runs: the narration follows the window's new language. A font
    /// change: heightForLessonChanged().
    void changeEvent(QEvent* event) override;
    /// A change of width: heightForLessonChanged().
    void resizeEvent(QResizeEvent* event) override;

private:
    void refresh();
    /// A problem of the step (its model would not load) under the narration; empty hides the line.
    void showProblem(const QString& text);

    LessonPlayer* mPlayer;
    QLocale mLocale;
    QLabel* mTitle = nullptr;
    QLabel* mPosition = nullptr;
    QLabel* mNarration = nullptr;
    QLabel* mStatus = nullptr;
    QPushButton* mPrevious = nullptr;
    QPushButton* mNext = nullptr;
};

}  // namespace dlui
