#include "ui/view/timelinewidget.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "ui/document/labdocument.h"
#include "ui/explain/mathhtml.h"
#include "ui/render/palette.h"
#include "ui/view/timeline.h"
#include "ui/widgets/flowlayout.h"

namespace dlui {

namespace {

// Which of the icons under resources/icons a transport button shows.
constexpr const char* kIconPath = "iconPath";

/// The transport icons are dark grey SVGs: on a dark palette they are drawn in its text colour instead,
/// or they all but vanish. On a light palette they are left as drawn.
QIcon iconForPalette(const QString& path, const QPalette& palette, int side) {
    QIcon icon(path);
    if (!isDarkPalette(palette)) return icon;
    // Twice the buttons' size: sharp on high-DPI screens.
    QPixmap pixmap = icon.pixmap(QSize(2 * side, 2 * side));
    if (pixmap.isNull()) return icon;
    QPainter painter(&pixmap);
    painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
    painter.fillRect(pixmap.rect(), palette.color(QPalette::ButtonText));
    painter.end();
    return QIcon(pixmap);
}

// The palette is the timeline widget's: when it changes, the buttons inside hear of it only afterwards.
void showIcon(QToolButton* button, const QString& path, const QPalette& palette) {
    button->setProperty(kIconPath, path);
    button->setIcon(iconForPalette(path, palette, button->iconSize().width()));
}

/// The transport icons' side for a font: 20 px at the application's type, and as much larger as the type
/// (presenter mode doubles it; the buttons stayed 20 px beside twice as large numbers).
int iconSideFor(const QFont& font) {
    const double scale = QFontMetricsF(font).height() / QFontMetricsF(QApplication::font()).height();
    return std::max(20, qRound(20 * scale));
}

QToolButton* makeButton(QWidget* parent, const QString& icon, const QString& text, const QString& tip) {
    auto* b = new QToolButton(parent);
    b->setText(text);  // shown when the icon cannot be loaded (no SVG image plugin)
    b->setToolTip(tip);
    b->setAutoRaise(true);
    const int side = iconSideFor(parent->font());
    b->setIconSize(QSize(side, side));
    showIcon(b, icon, parent->palette());
    return b;
}

}  // namespace

TimelineWidget::TimelineWidget(Timeline* timeline, LabDocument* document, QWidget* parent)
    : QWidget(parent), mTimeline(timeline), mDocument(document) {
    auto* rows = new QVBoxLayout(this);
    rows->setContentsMargins(8, 4, 8, 4);
    rows->setSpacing(2);

    // The transport row, the options row and the numbers. The first two wrap (FlowLayout) where the
    // middle of the window is narrower than they are: on one line each they set the window's floor, and
    // with presenter mode's doubled type beside a lesson's Schedule dock that floor was wider than a
    // 1024-pixel projector, with the lesson's Next button off the screen. The slider takes what its line
    // leaves; the t field goes onto a line of its own before the slider gets shorter than its minimum.
    auto* transport = new FlowLayout;
    transport->setSpacing(6);
    auto* buttonGroup = new QWidget(this);
    auto* buttons = new QHBoxLayout(buttonGroup);
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->setSpacing(0);
    mStart =
        makeButton(this, QStringLiteral(":/icons/jump-start.svg"), tr("|◀"), tr("Jump to the start (Home)"));
    mBack = makeButton(this, QStringLiteral(":/icons/step-back.svg"), tr("◀"), tr("Step back (←)"));
    mPlay = makeButton(this, QStringLiteral(":/icons/play.svg"), tr("Play"), tr("Play / pause (Space)"));
    mPlay->setObjectName(QStringLiteral("timelinePlay"));
    mNext = makeButton(this, QStringLiteral(":/icons/step-next.svg"), tr("▶"), tr("Step (→)"));
    mEnd = makeButton(this, QStringLiteral(":/icons/jump-end.svg"), tr("▶|"), tr("Jump to the end (End)"));
    // Loop sits with the transport, as a media player's repeat button: as a "Loop" check box at the end of
    // the options row it made that row too wide for the middle of a 1280×720 window in presenter mode with
    // a lesson and Explain, and the speed box was cut to "25 step".
    mLoop = makeButton(this, QStringLiteral(":/icons/loop.svg"), tr("Loop"),
                       tr("Loop: play again from the start at the end"));
    mLoop->setObjectName(QStringLiteral("timelineLoop"));
    mLoop->setCheckable(true);
    for (QToolButton* b : {mStart, mBack, mPlay, mNext, mEnd, mLoop}) {
        b->setFocusPolicy(Qt::NoFocus);  // keys go to the window's shortcuts
        buttons->addWidget(b);
    }
    transport->addWidget(buttonGroup);

    mSlider = new QSlider(Qt::Horizontal, this);
    mSlider->setObjectName(QStringLiteral("timelineSlider"));
    mSlider->setFocusPolicy(Qt::NoFocus);
    mSlider->setToolTip(tr("Timestep t: 0 is the data, T is pure noise"));
    keepSliderLongEnough();
    transport->addWidget(mSlider);

    auto* tGroup = new QWidget(this);
    auto* tRow = new QHBoxLayout(tGroup);
    tRow->setContentsMargins(0, 0, 0, 0);
    tRow->setSpacing(4);  // the row inherited none: "t" touched its field
    auto* tLabel = new QLabel(tr("t"), this);
    tLabel->setObjectName(QStringLiteral("timelineTLabel"));
    tRow->addWidget(tLabel);
    mTBox = new QSpinBox(this);
    mTBox->setObjectName(QStringLiteral("timelineTBox"));
    tLabel->setBuddy(mTBox);
    mTBox->setKeyboardTracking(false);
    tRow->addWidget(mTBox);
    mOfT = new QLabel(this);
    tRow->addWidget(mOfT);
    transport->addWidget(tGroup);
    rows->addLayout(transport);

    // The options wrap as three groups: the mode, the Markov chain, the speed.
    auto* options = new FlowLayout;
    options->setSpacing(18);
    auto* modeGroup = new QWidget(this);
    auto* modeRow = new QHBoxLayout(modeGroup);
    modeRow->setContentsMargins(0, 0, 0, 0);
    modeRow->setSpacing(12);  // the presenter's doubled "Forward" ran into Reverse's circle
    auto* speedGroup = new QWidget(this);
    auto* speedRow = new QHBoxLayout(speedGroup);
    speedRow->setContentsMargins(0, 0, 0, 0);
    mForward = new QRadioButton(tr("Forward"), this);
    mForward->setToolTip(tr("Noising: x_t from the data and a fixed noise draw"));
    mReverse = new QRadioButton(tr("Reverse"), this);
    mReverse->setToolTip(tr("Sampling: the reverse chain from x_T to x_0 (after Sample)"));
    auto* modes = new QButtonGroup(this);
    modes->addButton(mForward);
    modes->addButton(mReverse);
    mForward->setChecked(true);
    mMarkov = new QCheckBox(tr("Markov chain"), this);
    mMarkov->setToolTip(tr("Step by step x_t = √(1−β_t) x_{t−1} + √β_t ε_t instead of the closed form"));
    mSpeed = new QComboBox(this);
    for (int s : {5, 10, 25, 50, 100, 250, 1000}) mSpeed->addItem(tr("%1 steps/s").arg(s), s);
    mSpeed->setCurrentIndex(2);
    mSpeed->setObjectName(QStringLiteral("timelineSpeed"));
    keepSpeedBoxWhole();
    for (QWidget* w : std::initializer_list<QWidget*>{mForward, mReverse, mMarkov, mSpeed})
        w->setFocusPolicy(Qt::NoFocus);
    modeRow->addWidget(mForward);
    modeRow->addWidget(mReverse);
    options->addWidget(modeGroup);
    options->addWidget(mMarkov);
    speedRow->addWidget(mSpeed);
    options->addWidget(speedGroup);
    // Run ▸ Playback speed (and its keys ] [ S) multiplies the box's speed: shown beside it, or the box
    // read "25 steps/s" while the chain ran at 100.
    mRate = new QLabel(this);
    mRate->setObjectName(QStringLiteral("timelineRate"));
    mRate->setToolTip(tr("Run ▸ Playback speed multiplies the speed in the box"));
    mRate->hide();
    speedRow->addWidget(mRate);
    mNumbers = new QLabel(this);
    mNumbers->setObjectName(QStringLiteral("timelineNumbers"));
    mNumbers->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The numbers get a row of their own: beside the mode switches they made the bar wider than the middle
    // of a 1280×720 window with both dock columns, which pushed the window past the screen.
    rows->addLayout(options);
    rows->addWidget(mNumbers);

    connect(mStart, &QToolButton::clicked, timeline, &Timeline::jumpToStart);
    connect(mBack, &QToolButton::clicked, timeline, &Timeline::stepPrevious);
    connect(mPlay, &QToolButton::clicked, timeline, &Timeline::togglePlay);
    connect(mNext, &QToolButton::clicked, timeline, &Timeline::stepNext);
    connect(mEnd, &QToolButton::clicked, timeline, &Timeline::jumpToEnd);
    connect(mSlider, &QSlider::valueChanged, timeline, &Timeline::setT);
    connect(mTBox, &QSpinBox::valueChanged, timeline, &Timeline::setT);
    connect(mSpeed, &QComboBox::currentIndexChanged, this,
            [this] { mTimeline->setSpeed(mSpeed->currentData().toDouble()); });
    connect(mLoop, &QToolButton::toggled, timeline, &Timeline::setLoop);
    connect(mMarkov, &QCheckBox::toggled, timeline, &Timeline::setMarkovChain);
    connect(mReverse, &QRadioButton::toggled, this, [this](bool reverse) {
        mTimeline->setMode(reverse ? Timeline::Mode::Reverse : Timeline::Mode::Forward);
    });

    connect(timeline, &Timeline::tChanged, this, &TimelineWidget::syncFromTimeline);
    connect(timeline, &Timeline::maximumChanged, this, &TimelineWidget::syncFromTimeline);
    connect(timeline, &Timeline::playingChanged, this, &TimelineWidget::syncFromTimeline);
    connect(timeline, &Timeline::modeChanged, this, &TimelineWidget::syncFromTimeline);
    connect(timeline, &Timeline::markovChainChanged, this, &TimelineWidget::syncFromTimeline);
    connect(timeline, &Timeline::playbackSettingsChanged, this, &TimelineWidget::syncFromTimeline);
    connect(document, &LabDocument::scheduleChanged, this, &TimelineWidget::updateNumbers);
    connect(document, &LabDocument::modelChanged, this, &TimelineWidget::updateNumbers);
    mTimeline->setSpeed(mSpeed->currentData().toDouble());
    syncFromTimeline();
}

void TimelineWidget::keepSpeedBoxWhole() {
    // A combo box gives way below its size hint, and the row's other widgets do not: with the doubled
    // presenter type beside a lesson's Explain dock it read "25 step". Whole, it sets the middle column's
    // floor instead, and the Explain dock wraps a little more.
    mSpeed->setMinimumWidth(mSpeed->sizeHint().width());
}

void TimelineWidget::keepSliderLongEnough() {
    // Long enough to scrub, whatever the type: six lines' height (about 100 px, 200 in presenter mode).
    mSlider->setMinimumWidth(6 * fontMetrics().height());
}

void TimelineWidget::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) keepSliderLongEnough();
    // Queued: the box hears of a new font or language after this widget does.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange)
        QMetaObject::invokeMethod(this, &TimelineWidget::keepSpeedBoxWhole, Qt::QueuedConnection);
    if (event->type() == QEvent::FontChange) {
        const int side = iconSideFor(font());
        for (QToolButton* b : {mStart, mBack, mPlay, mNext, mEnd, mLoop}) b->setIconSize(QSize(side, side));
    }
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        for (QToolButton* b : {mStart, mBack, mPlay, mNext, mEnd, mLoop})
            showIcon(b, b->property(kIconPath).toString(), palette());
}

void TimelineWidget::syncFromTimeline() {
    const ViewState& view = mDocument->viewState();
    const bool reverse = view.mode == ViewMode::Reverse;
    {
        const QSignalBlocker a(mSlider), b(mTBox), c(mForward), d(mReverse), e(mMarkov), f(mLoop), g(mSpeed);
        mSlider->setRange(0, view.maximum);
        mSlider->setValue(view.t);
        // Reverse plays T → 0; show it moving left to right as it plays.
        mSlider->setInvertedAppearance(reverse);
        mTBox->setRange(0, view.maximum);
        mTBox->setValue(view.t);
        mForward->setChecked(!reverse);
        mReverse->setChecked(reverse);
        mMarkov->setChecked(view.markovChain);
        mMarkov->setEnabled(!reverse);
        mLoop->setChecked(view.loop);
        const int speed = mSpeed->findData(static_cast<int>(view.speed));
        if (speed >= 0) mSpeed->setCurrentIndex(speed);
    }
    mOfT->setText(tr("/ %1").arg(view.maximum));
    mRate->setVisible(view.rateFactor != 1.0);
    mRate->setText(tr("× %1").arg(QLocale().toString(view.rateFactor, 'g', 3)));
    // Every tick of playback comes here: the icon (an SVG rendered and tinted on a dark palette) is set
    // only when it changes between play and pause.
    const QString playIcon =
        mTimeline->isPlaying() ? QStringLiteral(":/icons/pause.svg") : QStringLiteral(":/icons/play.svg");
    if (mPlay->property(kIconPath).toString() != playIcon) showIcon(mPlay, playIcon, palette());
    mPlay->setText(mTimeline->isPlaying() ? tr("Pause") : tr("Play"));
    updateNumbers();
}

void TimelineWidget::updateNumbers() {
    const ViewState& view = mDocument->viewState();
    const bool reverse = view.mode == ViewMode::Reverse;
    const dl::Schedule& schedule = reverse ? mDocument->reverseSchedule() : mDocument->schedule();
    const int t = std::min(view.t, schedule.T());
    // The Explain dock's digits: "SNR = 999.0000" here stood beside "999" there, and "1.00e+05" in C's
    // notation.
    mNumbers->setText(tr("βₜ = %1   ᾱₜ = %2   SNR = %3")
                          .arg(mathhtml::plainNumber(schedule.beta(t)),
                               mathhtml::plainNumber(schedule.alphaBar(t)),
                               mathhtml::plainNumber(schedule.snr(t))));
}

QString TimelineWidget::numbersText() const {
    return mNumbers->text();
}

}  // namespace dlui
