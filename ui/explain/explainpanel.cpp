#include "ui/explain/explainpanel.h"

#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QMainWindow>
#include <QScrollBar>
#include <QSpinBox>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "ui/document/labdocument.h"
#include "ui/explain/mathhtml.h"
#include "ui/explain/pointinspector.h"
#include "ui/render/palette.h"
#include "ui/sampling/samplingpanel.h"
#include "ui/view/timeline.h"
#include "ui/widgets/dockroom.h"
#include "ui/window/mainwindow.h"

namespace dlui {

ExplainPanel::ExplainPanel(LabDocument* document, Timeline* timeline, SamplingPanel* sampling,
                           QWidget* parent)
    : QWidget(parent),
      mDocument(document),
      mTimeline(timeline),
      mSampling(sampling),
      mText(new QTextBrowser(this)) {
    setObjectName(QStringLiteral("explainPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mText);
    mText->setObjectName(QStringLiteral("explainText"));
    mText->setFrameShape(QFrame::NoFrame);
    mText->setOpenLinks(false);
    mText->document()->setDocumentMargin(6);
    // A little larger than the panels around it: sub- and superscripts must stay legible on a projector.
    // The widget's own font, not the document's: a font change of the widget (presenter mode scales every
    // font, then restores it) resets the document's default font, which lost the factor.
    QFont font = mText->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    mText->setFont(font);

    mPlayingLayout.setSingleShot(true);
    mPlayingLayout.setInterval(100);
    connect(&mPlayingLayout, &QTimer::timeout, this, [this] {
        if (!isVisible() || mPendingHtml.isNull()) return;
        showPendingHtml();
        mPlayingLayout.start();  // the next tick waits for the rest of its 100 ms
    });
    connect(timeline, &Timeline::tChanged, this, &ExplainPanel::refresh);
    connect(timeline, &Timeline::playingChanged, this, [this](bool playing) {
        if (mWidensDock && !playing) widenDockToText(WidenFor::Shown);
    });
    connect(timeline, &Timeline::modeChanged, this, &ExplainPanel::refresh);
    connect(timeline, &Timeline::maximumChanged, this, &ExplainPanel::refresh);
    connect(document, &LabDocument::scheduleChanged, this, &ExplainPanel::refresh);
    connect(document, &LabDocument::modelChanged, this, &ExplainPanel::refresh);
    connect(document, &LabDocument::samplesChanged, this, &ExplainPanel::refresh);
    // The Sampling panel has no "settings changed" signal; every one of its inputs (sampler, denoiser, η,
    // K, spacing, Langevin step) is a combo or spin box, so listen to them all.
    for (auto* box : sampling->findChildren<QComboBox*>())
        connect(box, &QComboBox::currentIndexChanged, this, &ExplainPanel::refresh);
    for (auto* box : sampling->findChildren<QSpinBox*>())
        connect(box, &QSpinBox::valueChanged, this, &ExplainPanel::refresh);
    for (auto* box : sampling->findChildren<QDoubleSpinBox*>())
        connect(box, &QDoubleSpinBox::valueChanged, this, &ExplainPanel::refresh);
    refresh();
}

const dl::Schedule& ExplainPanel::schedule() const {
    // Samples on screen: the schedule they were drawn with, whichever denoiser is chosen now.
    if (mView == ExplainView::Reverse && mDocument->samplesSchedule() && mDocument->trajectory())
        return *mDocument->samplesSchedule();
    const bool learned = mSampling->denoiser() == SamplingPanel::DenoiserChoice::Learned;
    if (mView == ExplainView::Reverse && learned && mDocument->modelSchedule())
        return *mDocument->modelSchedule();
    return mDocument->schedule();
}

NoiseEstimate ExplainPanel::noiseEstimate() const {
    // The sampler's equations name the noise as the chosen denoiser does: ε_θ, or the exact one's ε*.
    return mSampling->denoiser() == SamplingPanel::DenoiserChoice::Exact ? NoiseEstimate::ExactDenoiser
                                                                         : NoiseEstimate::Network;
}

QString ExplainPanel::sectionBlock(const ExplainSection& section) {
    return QStringLiteral("<p style=\"margin-top:8px; margin-bottom:4px\"><b>") +
           section.title.toHtmlEscaped() + QStringLiteral("</b></p>") + section.html;
}

void ExplainPanel::refresh() {
    mView = mTimeline->mode() == Timeline::Mode::Reverse ? ExplainView::Reverse : ExplainView::Forward;
    mSampler = mSampling->samplerParams();
    mNumbers = stepNumbers(schedule(), mTimeline->t(), mSampler);

    const NoiseEstimate estimate = noiseEstimate();
    QList<ExplainSection> sections =
        EquationText::sections(mView, mSampler, mNumbers, mValuePairsPerRow, estimate);
    // The closed form's x_T ~ N(0, I) is in normalised coordinates, and the view draws the data's: a cloud
    // around (5, 5) stayed around (5, 5) at t = T, which the formula alone does not explain.
    if (const auto data = mDocument->dataSet(); data && !data->isImage() && data->dim() == 2)
        for (ExplainSection& section : sections)
            if (section.id == QLatin1String("closedForm"))
                section.html += EquationText::normalisationNote(data->norm);
    updateInspected();
    if (mInspected.row >= 0)
        sections.insert(1, {QStringLiteral("point"), tr("The point you picked"),
                            EquationText::pointClosedForm(mNumbers, mInspected.row, mInspected.x0,
                                                          mInspected.eps, mInspected.xt)});
    if (mInspectedStep) {
        const auto kind = dl::samplerKindFromName(mDocument->trajectory()->stepRecords.sampler);
        sections.insert(1, {QStringLiteral("point"), tr("The point you picked"),
                            ReversePointText::html(*mInspectedStep, schedule(),
                                                   kind.value_or(dl::SamplerKind::DdpmPosterior), estimate)});
    }
    // In the comparison the panes have their own t and schedules: said first, or the table read as theirs
    // ("Values at t = 1000 of T = 1000" beside panes at t = 24 / 150).
    if (mComparing)
        sections.prepend({QStringLiteral("comparing"), tr("Comparing side by side"),
                          QStringLiteral("<p>") +
                              tr("The panes show their own t, ᾱ_t and SNR in their captions. The numbers "
                                 "below are the main view's, hidden while comparing.")
                                  .toHtmlEscaped() +
                              QStringLiteral("</p>")});
    QStringList shown;
    QString html;
    mHtml.clear();
    for (const ExplainSection& section : sections) {
        const QString block = sectionBlock(section);
        shown << section.id;
        mHtml.insert(section.id, block);
        html += block;
    }
    mShown = shown;
    // Numbers in a blue that reads on the dark theme too (#1565c0 stood 2:1 from its dark background).
    const QColor background = mText->viewport()->palette().color(mText->viewport()->backgroundRole());
    const QString valueColor = readableOn(QColor(mathhtml::kValueColor), background, 4.5).name();
    if (valueColor != mathhtml::kValueColor) html.replace(mathhtml::kValueColor, valueColor);
    mPendingHtml = html;
    // Laying the text out is the costly part (10–20 ms): skip it while the dock is hidden (a tab behind
    // Sampling, closed; showEvent() catches up), and while the timeline plays do it at most every 100 ms,
    // the newest text winning, instead of at every tick (it was the largest share of the GUI thread's
    // time during playback in the monkey test). A single change when not playing shows at once.
    if (!isVisible()) return;
    if (mTimeline->isPlaying()) {
        if (mPlayingLayout.isActive()) return;  // shown when the timer ends
        mPlayingLayout.start();
    }
    showPendingHtml();
}

void ExplainPanel::showPendingHtml() {
    if (mPendingHtml.isNull()) return;
    // How many pairs a row the table of values takes is decided here, where the text is laid out, not
    // at every refresh: the probe is a layout too (≈ 0.6 ms), and refresh() runs at every timeline tick,
    // hidden or not. New numbers that no longer fit rebuild the text once.
    const int fit = valuePairsThatFit();
    if (fit != mValuePairsPerRow) {
        mValuePairsPerRow = fit;
        refresh();  // builds the text again and shows it (at once, or when the playing timer ends)
        return;
    }
    // Rebuilding the text would scroll back to the top; keep the place the reader scrolled to.
    const int scrolled = mText->verticalScrollBar()->value();
    mText->setHtml(mPendingHtml);
    ++mLayoutCount;
    mText->verticalScrollBar()->setValue(scrolled);
    mPendingHtml = QString();
    // Never while the timeline plays: the view beside the dock jumped sideways in front of the class. The
    // step made room for its playback when it opened; a text wider still waits for the pause.
    if (mWidensDock && !mTimeline->isPlaying()) widenDockToText(WidenFor::Shown);
}

int ExplainPanel::valuePairsThatFit() const {
    // The table's own width: laid out unconstrained, in the text's font.
    QTextDocument probe;
    probe.setDefaultFont(mText->document()->defaultFont());
    probe.setDocumentMargin(mText->document()->documentMargin());
    for (int pairs : {2, 1}) {
        // The table alone: the line under it about a jumping sampler wraps, but unwrapped it is wider
        // than any table, and every value then went under its symbol as soon as K < T.
        probe.setHtml(EquationText::valuesGrid(mNumbers, pairs));
        if (probe.idealWidth() <= mText->viewport()->width()) return pairs;
    }
    return 0;  // each value under its symbol
}

int ExplainPanel::widthForText() const {
    // The text as it is shown, or as it will be once the hidden panel shows it.
    if (mPendingHtml.isNull()) return widthAround(mText->document()->idealWidth());
    return widthForHtml(mPendingHtml);
}

int ExplainPanel::widthForHtml(const QString& html) const {
    QTextDocument probe;
    probe.setDefaultFont(mText->document()->defaultFont());
    probe.setDocumentMargin(mText->document()->documentMargin());
    probe.setHtml(html);
    return widthAround(probe.idealWidth());
}

int ExplainPanel::widthAround(qreal textWidth) const {
    const int chrome = width() - mText->viewport()->width();  // frame, margins, a shown scroll bar
    const int scrollBar =
        mText->verticalScrollBar()->isVisible() ? 0 : mText->verticalScrollBar()->sizeHint().width();
    return static_cast<int>(std::ceil(textWidth)) + chrome + scrollBar;
}

int ExplainPanel::widthForPlayback() const {
    // The numbers' widths change along the chain: ᾱ_t takes a power of ten near T (2.674×10⁻⁵), and the
    // reverse view's last step carries t−1 subscripts. The text at both ends and halfway stands for the
    // rest: three layouts of the text, once when a lesson step opens. The picked point's section is left
    // out: it only shows while paused.
    const dl::Schedule& s = schedule();
    int widest = widthForText();
    for (const int t : {1, std::max(1, s.T() / 2), s.T()}) {
        QString html;
        for (const ExplainSection& section : EquationText::sections(
                 mView, mSampler, stepNumbers(s, t, mSampler), mValuePairsPerRow, noiseEstimate()))
            html += sectionBlock(section);
        widest = std::max(widest, widthForHtml(html));
    }
    return widest;
}

void ExplainPanel::setWidensDockToText(bool on) {
    mWidensDock = on;
    if (on) widenDockToText(WidenFor::Playback);
}

void ExplainPanel::widenDockToText(WidenFor what) {
    // Queued: a dock just shown has no place in the window's layout yet, and resizing it then does nothing.
    // By then a lesson step has set its view, t and sampler, and started its playback.
    QMetaObject::invokeMethod(
        this,
        [this, what] {
            auto* dock = qobject_cast<QDockWidget*>(parentWidget());
            auto* window = dock ? qobject_cast<QMainWindow*>(dock->parentWidget()) : nullptr;
            if (!mWidensDock || !window || dock->isFloating() || !dock->isVisible()) return;
            const int text = what == WidenFor::Playback ? widthForPlayback() : widthForText();
            const int wanted =
                std::min(text + dock->width() - width(), widestDockBesideTheView(window, dock));
            if (dock->width() < wanted) window->resizeDocks({dock}, {wanted}, Qt::Horizontal);
        },
        Qt::QueuedConnection);
}

void ExplainPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (valuePairsThatFit() != mValuePairsPerRow) refresh();
}

void ExplainPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    showPendingHtml();
}

void ExplainPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) refresh();
    // Queued: the text's viewport, whose background picks the numbers' colour, gets the palette after us.
    if (event->type() == QEvent::PaletteChange)
        QMetaObject::invokeMethod(this, &ExplainPanel::refresh, Qt::QueuedConnection);
}

void ExplainPanel::setComparing(bool comparing) {
    if (comparing == mComparing) return;
    mComparing = comparing;
    refresh();
}

void ExplainPanel::setInspectedPoint(int row) {
    mInspectedRow = row;
    refresh();
}

void ExplainPanel::updateInspected() {
    mInspected = InspectedPoint();
    mInspectedStep.reset();
    if (mInspectedRow >= 0 && mView == ExplainView::Reverse) {
        // The sampler's own vectors for this point at the step shown (core/sampling/steprecord.h).
        if (const auto trajectory = mDocument->trajectory())
            mInspectedStep = reversePointVectors(*trajectory, mInspectedRow, mTimeline->t());
        return;
    }
    const auto data = mDocument->dataSet();
    const auto noise = mDocument->forwardNoise();
    // The closed form holds for the forward view's own draw, not the step-by-step Markov chain.
    if (mInspectedRow < 0 || mView != ExplainView::Forward || mTimeline->markovChain() || !data || !noise ||
        data->isImage() || data->dim() != 2 || mInspectedRow >= data->size() || noise->rows() != data->size())
        return;
    // x_t = √ᾱ_t x_0 + √(1−ᾱ_t) ε at the timeline's t (Ho et al. 2020, Eq. 4); t = 0 is x_0 itself.
    const int t = std::clamp(mTimeline->t(), 0, schedule().T());
    const double a = std::sqrt(schedule().alphaBar(t)), b = std::sqrt(1.0 - schedule().alphaBar(t));
    mInspected.row = mInspectedRow;
    for (int k = 0; k < 2; ++k) {
        mInspected.x0[k] = data->points(mInspectedRow, k);
        mInspected.eps[k] = (*noise)(mInspectedRow, k);
        mInspected.xt[k] = a * mInspected.x0[k] + b * mInspected.eps[k];
    }
}

QDockWidget* createExplainDock(MainWindow* window, SamplingPanel* sampling) {
    auto* panel = new ExplainPanel(window->document(), window->timeline(), sampling);
    auto* inspector = new PointInspector(window->mainView(), window->document(), window->timeline(), panel);
    QObject::connect(inspector, &PointInspector::pointChanged, panel, &ExplainPanel::setInspectedPoint);
    auto* dock = new QDockWidget(ExplainPanel::tr("Explain"), window);
    dock->setObjectName(QStringLiteral("explainDock"));
    dock->setWidget(panel);
    return dock;
}

}  // namespace dlui
