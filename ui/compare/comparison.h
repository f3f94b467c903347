// The state of record of the side-by-side comparison: 2–4 panes' settings, the one t slider they share
// (a Timeline over the shared steps 0..S, S = the largest T among the panes), forward or reverse, and each
// pane's sampled chain. It reads the data and the forward noise ε from the document, so every pane shows
// the same data and the same ε; in reverse every pane runs its own sampler off the GUI thread (one
// SamplingController per pane) from the same seed, hence the same x_T. Views and the exporter read it
// through frames(), an immutable snapshot.
//
//   dlui::Comparison comparison(document);
//   comparison.applyPreset(dlui::ComparisonPreset::LinearVsCosine);
//   comparison.timeline()->setT(comparison.timeline()->maximum() / 2);   // t/T = ½ in every pane
//   QImage frame = comparison.frames()->render(comparison.timeline()->t(), options);
#pragma once

#include <QObject>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

#include "ui/compare/panesettings.h"
#include "ui/render/comparisonframes.h"

namespace dlui {

class LabDocument;
class SamplingController;
class Timeline;

class Comparison : public QObject {
    Q_OBJECT
public:
    explicit Comparison(LabDocument* document, QObject* parent = nullptr);
    ~Comparison() override;

    LabDocument* document() const { return mDocument; }
    /// The shared t slider: t() is the shared step s, maximum() is S.
    Timeline* timeline() const { return mTimeline; }

    const std::vector<PaneSettings>& panes() const { return mPanes; }
    int paneCount() const { return static_cast<int>(mPanes.size()); }
    /// Replaces every pane (kMinComparisonPanes..kMaxComparisonPanes; more are dropped, fewer padded).
    void setPanes(std::vector<PaneSettings> panes);
    /// Changes one pane; in reverse its chain is sampled again.
    void setPane(int index, const PaneSettings& pane);
    /// Adds a pane (a copy of the last one) / removes the last one, within 2..4.
    void addPane();
    void removePane();
    void applyPreset(ComparisonPreset preset);

    bool isReverse() const { return mReverse; }
    /// Forward: each pane's x_t from the shared ε. Reverse: each pane's chain, sampled when missing.
    void setReverse(bool reverse);

    /// Samples drawn per pane in reverse (every pane the same number, from the same seed).
    int sampleCount() const { return mCount; }
    void setSampleCount(int count);
    std::uint64_t seed() const { return mSeed; }
    /// (Re)runs every pane's sampler; results arrive through framesChanged().
    void sampleAll();
    /// True while any pane's sampler runs.
    bool isSampling() const;
    /// A pane's problem (no model, bad settings, a failed run), empty when none.
    QString paneProblem(int index) const;

    /// What the panes show now, as values (data, ε, schedules, chains).
    ComparisonInput input() const;
    /// The same, ready to draw; null only when the document has no data. Rebuilt after each change.
    std::shared_ptr<const ComparisonFrames> frames() const;

Q_SIGNALS:
    /// The panes' settings changed (count or values).
    void panesChanged();
    /// What the panes show changed: data, ε, a schedule, the direction or a chain that arrived.
    void framesChanged();
    /// isSampling() changed.
    void samplingChanged(bool busy);

protected:
    /// A language switch re-words the panes' captions (LanguageChange reaches the application, not this).
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Chain {
        std::shared_ptr<const dl::Trajectory> trajectory;
        std::optional<dl::Schedule> schedule;  // what it was sampled with
        QString problem;
        std::uint64_t requestId = 0;
    };
    void samplePane(int index);
    void invalidate();
    void updateTimelineRange();
    SamplingController* controller(int index);

    LabDocument* mDocument;
    Timeline* mTimeline;
    std::vector<PaneSettings> mPanes;
    std::vector<Chain> mChains;
    std::vector<SamplingController*> mSamplers;  // one per pane index, made on first use
    bool mReverse = false;
    int mCount = 1000;
    std::uint64_t mSeed = 1;
    mutable std::shared_ptr<const ComparisonFrames> mFrames;
};

}  // namespace dlui
