#include "ui/compare/comparison.h"

#include <QCoreApplication>
#include <QEvent>
#include <algorithm>

#include "core/training/trainer.h"
#include "ui/document/labdocument.h"
#include "ui/sampling/samplingcontroller.h"
#include "ui/view/timeline.h"

namespace dlui {

Comparison::Comparison(LabDocument* document, QObject* parent)
    : QObject(parent), mDocument(document), mTimeline(new Timeline(this)) {
    setObjectName(QStringLiteral("comparison"));
    mPanes = presetPanes(ComparisonPreset::LinearVsCosine, document->schedule().params(), std::nullopt);
    mChains.resize(mPanes.size());
    for (auto signal : {&LabDocument::dataSetChanged, &LabDocument::noiseChanged})
        connect(document, signal, this, [this] {
            // New data: the chains were sampled from other data.
            for (Chain& chain : mChains) chain = Chain{};
            invalidate();
            if (mReverse) sampleAll();
        });
    connect(document, &LabDocument::modelChanged, this, [this] {
        Q_EMIT panesChanged();  // a learned pane's caption names the model's schedule
        for (int i = 0; i < paneCount(); ++i)
            if (mPanes[static_cast<size_t>(i)].learned) {
                mChains[static_cast<size_t>(i)] = Chain{};
                if (mReverse) samplePane(i);
            }
        invalidate();
    });
    updateTimelineRange();
    // The captions are made when the frames are (describePane): frames made before a language switch kept
    // their English captions in a Chinese window.
    QCoreApplication::instance()->installEventFilter(this);
}

bool Comparison::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::LanguageChange && watched == QCoreApplication::instance()) invalidate();
    return QObject::eventFilter(watched, event);
}

Comparison::~Comparison() {
    // End the sampling runs while this object is whole: each controller cancels and joins its thread,
    // and nothing it says on the way out reaches the panes' chains, which are about to go.
    for (SamplingController* c : mSamplers) {
        c->disconnect(this);
        delete c;
    }
}

void Comparison::setPanes(std::vector<PaneSettings> panes) {
    if (panes.empty()) return;
    while (static_cast<int>(panes.size()) < kMinComparisonPanes) panes.push_back(panes.back());
    panes.resize(std::min<size_t>(panes.size(), kMaxComparisonPanes));
    mPanes = std::move(panes);
    mChains.assign(mPanes.size(), Chain{});
    Q_EMIT panesChanged();
    invalidate();
    if (mReverse) sampleAll();
}

void Comparison::setPane(int index, const PaneSettings& pane) {
    if (index < 0 || index >= paneCount()) return;
    mPanes[static_cast<size_t>(index)] = pane;
    mChains[static_cast<size_t>(index)] = Chain{};
    Q_EMIT panesChanged();
    invalidate();
    if (mReverse) samplePane(index);
}

void Comparison::addPane() {
    if (paneCount() >= kMaxComparisonPanes) return;
    mPanes.push_back(mPanes.back());
    mChains.emplace_back();
    Q_EMIT panesChanged();
    invalidate();
    if (mReverse) samplePane(paneCount() - 1);
}

void Comparison::removePane() {
    if (paneCount() <= kMinComparisonPanes) return;
    if (SamplingController* c = controller(paneCount() - 1)) c->cancel();
    mPanes.pop_back();
    mChains.pop_back();
    Q_EMIT panesChanged();
    invalidate();
}

void Comparison::applyPreset(ComparisonPreset preset) {
    std::optional<dl::ScheduleParams> model;
    if (mDocument->modelSchedule()) model = mDocument->modelSchedule()->params();
    setPanes(presetPanes(preset, mDocument->schedule().params(), model));
}

void Comparison::setReverse(bool reverse) {
    if (reverse == mReverse) return;
    mReverse = reverse;
    mTimeline->setMode(reverse ? Timeline::Mode::Reverse : Timeline::Mode::Forward);
    invalidate();
    if (reverse)
        for (int i = 0; i < paneCount(); ++i)
            if (!mChains[static_cast<size_t>(i)].trajectory && !controller(i)->isBusy()) samplePane(i);
    mTimeline->jumpToStart();
}

void Comparison::setSampleCount(int count) {
    mCount = std::max(1, count);
}

SamplingController* Comparison::controller(int index) {
    while (static_cast<int>(mSamplers.size()) <= index) {
        auto* c = new SamplingController(this);
        const int pane = static_cast<int>(mSamplers.size());
        connect(c, &SamplingController::sampled, this, [this, pane](const SamplingResult& result) {
            if (pane >= paneCount() || mChains[static_cast<size_t>(pane)].requestId != result.id) return;
            Chain& chain = mChains[static_cast<size_t>(pane)];
            chain.trajectory = result.trajectory;
            chain.problem.clear();
            invalidate();
        });
        connect(c, &SamplingController::failed, this, [this, pane](quint64 id, const QString& message) {
            if (pane >= paneCount() || mChains[static_cast<size_t>(pane)].requestId != id) return;
            mChains[static_cast<size_t>(pane)].problem = message;
            invalidate();
        });
        connect(c, &SamplingController::busyChanged, this, [this] { Q_EMIT samplingChanged(isSampling()); });
        mSamplers.push_back(c);
    }
    return mSamplers[static_cast<size_t>(index)];
}

void Comparison::sampleAll() {
    for (int i = 0; i < paneCount(); ++i) samplePane(i);
}

void Comparison::samplePane(int index) {
    Chain& chain = mChains[static_cast<size_t>(index)];
    QString error;
    std::optional<SamplingRequest> request =
        makePaneRequest(*mDocument, mPanes[static_cast<size_t>(index)], mCount, mSeed, &error);
    if (!request) {
        controller(index)->cancel();
        chain = Chain{};
        chain.problem = error;
        invalidate();
        return;
    }
    chain.trajectory.reset();
    chain.schedule = request->schedule;
    chain.problem = QCoreApplication::translate("dlui::Comparison", "sampling…");
    chain.requestId = controller(index)->request(std::move(*request));
    invalidate();
}

bool Comparison::isSampling() const {
    return std::any_of(mSamplers.begin(), mSamplers.end(),
                       [](const SamplingController* c) { return c->isBusy(); });
}

QString Comparison::paneProblem(int index) const {
    return index >= 0 && index < paneCount() ? mChains[static_cast<size_t>(index)].problem : QString();
}

ComparisonInput Comparison::input() const {
    ComparisonInput in;
    in.data = mDocument->dataSet();
    in.noise = mDocument->forwardNoise();
    in.reverse = mReverse;
    std::optional<dl::ScheduleParams> model;
    if (mDocument->modelSchedule()) model = mDocument->modelSchedule()->params();
    for (size_t i = 0; i < mPanes.size(); ++i) {
        ComparisonPane pane;
        pane.label = describePane(mPanes[i], model);
        // Settings that do not validate keep the editor's schedule until they do (the editor says why).
        pane.schedule = dl::Schedule::validate(mPanes[i].schedule) ? mDocument->schedule()
                                                                   : dl::Schedule(mPanes[i].schedule);
        const Chain& chain = mChains[i];
        if (chain.schedule)
            pane.reverseSchedule = chain.schedule;
        else if (mPanes[i].learned && mDocument->modelSchedule())
            pane.reverseSchedule = *mDocument->modelSchedule();
        if (chain.trajectory && !chain.trajectory->empty()) pane.reverse = *chain.trajectory;
        pane.problem = chain.problem;
        in.panes.push_back(std::move(pane));
    }
    return in;
}

std::shared_ptr<const ComparisonFrames> Comparison::frames() const {
    if (!mFrames) {
        try {
            mFrames = std::make_shared<const ComparisonFrames>(input());
        } catch (const dl::Error&) {
            return nullptr;  // no data yet
        }
    }
    return mFrames;
}

void Comparison::invalidate() {
    mFrames.reset();
    updateTimelineRange();
    Q_EMIT framesChanged();
}

void Comparison::updateTimelineRange() {
    // The shared slider keeps its fraction t/T when S changes (T = 1000 → 50 keeps t/T = ½ at ½).
    const auto f = frames();
    const int steps = std::max(1, f ? f->steps() : 1);
    const int old = mTimeline->maximum();
    if (steps == old) return;
    const int t = paneTimestep(mTimeline->t(), old, steps);
    mTimeline->setMaximum(steps);
    mTimeline->setT(t);
}

}  // namespace dlui
