#include "ui/lessons/lessonnavigator.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QResizeEvent>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/i18n/translations.h"
#include "ui/lessons/lessonplayer.h"

namespace dlui {

namespace {

/// The window's language as a locale. Not QLocale(): that is the system's, and a class that chose Chinese in
/// View ▸ Language on an English system read every lesson in English around a Chinese window.
QLocale windowLocale() {
    return QLocale(languageCode(currentLanguage()));
}

}  // namespace

LessonNavigator::LessonNavigator(LessonPlayer* player, QWidget* parent)
    : QWidget(parent), mPlayer(player), mLocale(windowLocale()) {
    setObjectName(QStringLiteral("lessonNavigator"));
    mTitle = new QLabel(this);
    mTitle->setObjectName(QStringLiteral("lessonTitle"));
    QFont titleFont = mTitle->font();
    titleFont.setBold(true);
    mTitle->setFont(titleFont);
    // Wrapped, not one line: "Why T = 50 with β_end = 0.02 never reaches noise" at presenter mode's type
    // set the bar's floor, and the window grew past a 1024-pixel projector with Next cut to "Ne".
    mTitle->setWordWrap(true);
    mPosition = new QLabel(this);
    mPosition->setObjectName(QStringLiteral("lessonPosition"));
    mNarration = new QLabel(this);
    mNarration->setObjectName(QStringLiteral("lessonNarration"));
    mNarration->setWordWrap(true);
    mNarration->setTextFormat(Qt::PlainText);
    // Under the title: the bar is as tall as the lesson's longest step, and a short one centred in it left
    // a gap between the title and the text.
    mNarration->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    QFont narrationFont = mNarration->font();
    narrationFont.setPointSizeF(narrationFont.pointSizeF() * 1.25);  // read from the back of the room
    mNarration->setFont(narrationFont);
    mStatus = new QLabel(this);
    mStatus->setObjectName(QStringLiteral("lessonStatus"));
    mStatus->setWordWrap(true);
    mPrevious = new QPushButton(tr("◀ Previous"), this);
    mPrevious->setObjectName(QStringLiteral("lessonPrevious"));
    mPrevious->setToolTip(tr("Previous step (Page Up)"));
    mPrevious->setFocusPolicy(Qt::NoFocus);  // the keys stay with the view
    mNext = new QPushButton(tr("Next ▶"), this);
    mNext->setObjectName(QStringLiteral("lessonNext"));
    mNext->setToolTip(tr("Next step (Page Down; 1–9 jump to a step)"));
    mNext->setFocusPolicy(Qt::NoFocus);

    // The buttons share the title's row and the narration has the whole width below: with the buttons
    // stacked beside the narration and a line kept for problems, a one-line step took a 130 px dock and
    // the view lost a quarter of its height at 1280×720.
    auto* header = new QHBoxLayout;
    header->addWidget(mTitle, 1);
    header->addWidget(mPosition);
    header->addSpacing(8);
    header->addWidget(mPrevious);
    header->addWidget(mNext);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(mNarration, 1);
    layout->addWidget(mStatus);
    mStatus->hide();  // until a problem is reported

    connect(mPrevious, &QPushButton::clicked, player, &LessonPlayer::previous);
    connect(mNext, &QPushButton::clicked, player, &LessonPlayer::next);
    connect(player, &LessonPlayer::lessonChanged, this, &LessonNavigator::refresh);
    connect(player, &LessonPlayer::stepChanged, this, [this] {
        showProblem(QString());
        refresh();
    });
    connect(player, &LessonPlayer::problemReported, this, &LessonNavigator::showProblem);
    refresh();
}

void LessonNavigator::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (event->size().width() != event->oldSize().width()) Q_EMIT heightForLessonChanged();
}

void LessonNavigator::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) setLocale(windowLocale());
    if (event->type() == QEvent::FontChange) Q_EMIT heightForLessonChanged();
}

void LessonNavigator::setLocale(const QLocale& locale) {
    mLocale = locale;
    refresh();
}

QString LessonNavigator::titleText() const {
    return mTitle->text();
}
QString LessonNavigator::narrationText() const {
    return mNarration->text();
}
QString LessonNavigator::positionText() const {
    return mPosition->text();
}

void LessonNavigator::showProblem(const QString& text) {
    if (text == mStatus->text() && mStatus->isVisibleTo(this) == !text.isEmpty()) return;
    mStatus->setText(text);
    mStatus->setVisible(!text.isEmpty());
    Q_EMIT heightForLessonChanged();
}

int LessonNavigator::heightForLesson(int width) const {
    const QMargins margins = layout()->contentsMargins();
    const int spacing = std::max(0, layout()->spacing());
    const int textWidth = std::max(100, width - margins.left() - margins.right());
    const QFontMetrics metrics(mNarration->font());
    QStringList texts{mNarration->text()};
    if (const auto& lesson = mPlayer->lesson()) {
        texts << lesson->summary.text(mLocale);
        for (const dl::LessonStep& step : lesson->steps) texts << step.narration.text(mLocale);
    }
    int text = 0;
    for (const QString& t : texts)
        text = std::max(text,
                        metrics.boundingRect(QRect(0, 0, textWidth, 100000), Qt::TextWordWrap, t).height());
    const int header = std::max({mTitle->sizeHint().height(), mPosition->sizeHint().height(),
                                 mPrevious->sizeHint().height(), mNext->sizeHint().height()});
    const int problem = mStatus->isVisibleTo(this) ? spacing + mStatus->heightForWidth(textWidth) : 0;
    return margins.top() + header + spacing + text + problem + margins.bottom();
}

void LessonNavigator::refresh() {
    const auto& lesson = mPlayer->lesson();
    const int index = mPlayer->stepIndex();
    if (!lesson) {
        mTitle->setText(tr("No lesson open"));
        mPosition->clear();
        mNarration->setText(tr("Choose one from the Lessons menu."));
    } else {
        mTitle->setText(lesson->title.text(mLocale));
        mPosition->setText(index < 0 ? QString()
                                     : tr("Step %1 of %2").arg(index + 1).arg(mPlayer->stepCount()));
        mNarration->setText(index < 0
                                ? lesson->summary.text(mLocale)
                                : lesson->steps[static_cast<std::size_t>(index)].narration.text(mLocale));
    }
    mPrevious->setEnabled(lesson && index > 0);
    mNext->setEnabled(lesson && index + 1 < mPlayer->stepCount());
}

}  // namespace dlui
