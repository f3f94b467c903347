// The Sampling dock: which denoiser (the learned model or the exact denoiser of the data set), which
// sampler (DDPM with β or β̃ variance, DDIM with η and K steps, Langevin with a step size), how many
// points and the seed; Sample runs the reverse chain in a worker and the result is animated from x_T to
// x_0 on the timeline (reverse mode), with optional trails. Also the field overlays of the main view.
//
// The learned model always samples with the schedule it was trained with (from its snapshot), never the
// editor's; the exact denoiser uses the editor's schedule. The panel states which one the next run uses.
//
//   auto* panel = new dlui::SamplingPanel(document, timeline, samplingController);
//   connect(window.actions().sample, &QAction::triggered, panel, &dlui::SamplingPanel::sample);
#pragma once

#include <QTimer>
#include <QWidget>
#include <functional>
#include <memory>

#include "ui/overlays/fieldoverlay.h"
#include "ui/sampling/learneddenoisercache.h"
#include "ui/sampling/samplingcontroller.h"
#include "ui/sampling/samplingtrails.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace dl {
struct TrainingSnapshot;
}

namespace dlui {

class LabDocument;
class Timeline;

class SamplingPanel : public QWidget {
    Q_OBJECT
public:
    enum class DenoiserChoice { Learned, Exact };
    /// Samples with the document's model (or the exact denoiser of its data).
    SamplingPanel(LabDocument* document, Timeline* timeline, SamplingController* controller,
                  QWidget* parent = nullptr);

    DenoiserChoice denoiser() const;
    void setDenoiser(DenoiserChoice choice);
    /// The sampler settings the controls describe (for the schedule the run will use).
    dl::SamplerParams samplerParams() const;
    void setSamplerKind(dl::SamplerKind kind);
    /// Sets the sampler controls (kind, K, η, the Langevin step and updates per level) to `params`.
    void setSamplerParams(const dl::SamplerParams& params);
    int pointCount() const;
    void setPointCount(int n);
    /// Trails: how many points leave a trail in the reverse animation (0 = off).
    int trailCount() const;
    void setTrailCount(int count);
    /// Which paths the trails follow (the sampled chain's or DDIM η = 0 from the same x_T).
    TrailKind trailKind() const;
    void setTrailKind(TrailKind kind);
    /// DDIM trail paths computed per run at least (more when more trails are asked for).
    static constexpr int kDdimTrailRows = 48;
    /// The overlay choices of the "Field at t" group.
    FieldOverlaySettings overlaySettings() const;
    void setOverlaySettings(const FieldOverlaySettings& settings);

    /// Builds the request Sample would run now (makeSamplingRequest with the controls' choices); false with
    /// a message when it cannot (e.g. no model).
    bool buildRequest(SamplingRequest* request, QString* error) const;
    /// The one-line description of which schedule the next run uses.
    QString scheduleNote() const;

    QPushButton* sampleButton() const { return mSample; }
    QPushButton* cancelButton() const { return mCancel; }
    QComboBox* samplerBox() const { return mSampler; }
    QComboBox* denoiserBox() const { return mDenoiser; }
    /// The "Field at t" group and its note (the two fields' agreement, or why an overlay is not drawn).
    QWidget* fieldGroup() const { return mFieldGroup; }
    QLabel* fieldNote() const { return mFieldNote; }
    QString statusText() const;
    /// The learned denoisers built so far are counted here (the window's tests).
    const LearnedDenoiserCache& denoiserCache() const { return *mDenoiserCache; }

public Q_SLOTS:
    /// Samples with the current settings (from the current weights, also while training continues).
    void sample();
    void cancel();
    /// Shows the overlay's learned-vs-exact agreement (NaN leaves the label), or a note on why the overlays
    /// are not all drawn (an empty note clears it).
    void showLearnedError(double relativeError, int t);
    void showFieldNote(const QString& note);

Q_SIGNALS:
    /// The overlay controls changed.
    void overlaySettingsChanged(const dlui::FieldOverlaySettings& settings);
    /// The trail controls changed (the view redraws).
    void trailsChanged(int count);
    /// A sampling run finished and its trajectory is in the document.
    void samplesReady();
    /// A message for the status bar.
    void statusMessageChanged(const QString& message);
    /// The "Field at t" group's note was set or cleared.
    void fieldNoteChanged();

private:
    void buildUi();
    void updateControls();
    void updateScheduleNote();
    void onSampled(const SamplingResult& result);
    /// Shows a run's trajectory so far and starts its animation with the first states.
    void onTrajectoryGrew(const SamplingPartial& partial);
    void onProgress(quint64 id, int done, int total);
    void onFailed(quint64 id, const QString& message);
    void onBusyChanged(bool busy);
    /// Once the model has stopped changing: the sampling thread gets ready for the Sample that usually
    /// follows (samplingprepare.h).
    void prepareNextSample();
    QString describeRun() const;

    LabDocument* mDocument;
    Timeline* mTimeline;
    SamplingController* mController;
    /// The learned denoiser of the last model sampled, for the next Sample of the same model.
    std::shared_ptr<LearnedDenoiserCache> mDenoiserCache = std::make_shared<LearnedDenoiserCache>();
    QTimer* mPrepareTimer = nullptr;  // restarted by every model change; prepareNextSample when it fires

    QComboBox* mDenoiser = nullptr;
    QComboBox* mSampler = nullptr;
    QDoubleSpinBox* mEta = nullptr;
    QSpinBox* mSteps = nullptr;
    QComboBox* mSpacing = nullptr;
    QDoubleSpinBox* mLangevinStep = nullptr;
    QSpinBox* mLangevinPerLevel = nullptr;
    QSpinBox* mCount = nullptr;
    QSpinBox* mSeed = nullptr;
    QCheckBox* mClip = nullptr;
    QCheckBox* mFastProducts = nullptr;
    QCheckBox* mTrails = nullptr;
    QSpinBox* mTrailCount = nullptr;
    QComboBox* mTrailKind = nullptr;
    QCheckBox* mSmooth = nullptr;
    QCheckBox* mPlay = nullptr;
    quint64 mShownRun = 0;  // the run whose partial trajectory is in the document (0: none)
    QPushButton* mSample = nullptr;
    QPushButton* mCancel = nullptr;
    QProgressBar* mProgress = nullptr;
    QLabel* mScheduleNote = nullptr;
    QLabel* mStatus = nullptr;
    QCheckBox* mLearnedArrows = nullptr;
    QCheckBox* mExactArrows = nullptr;
    QCheckBox* mDensity = nullptr;
    QComboBox* mQuantity = nullptr;
    QWidget* mFieldGroup = nullptr;
    QLabel* mFieldNote = nullptr;
    bool mFieldNoteIsAgreement = false;  ///< the note is showLearnedError's, true only with both arrows on
    bool mImageDefaults = false;
};

}  // namespace dlui
