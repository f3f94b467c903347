// Computes field overlays (fieldoverlay.h) as the window's "latest request wins" job
// (ui/jobs/latestjob.h). Requests coalesce: while one computation runs, a newer request replaces any
// request still waiting, so scrubbing t quickly costs at most one computation in flight plus the latest
// one, never a queue of stale frames. clear() and the destructor stop the computation in flight (it looks
// at its stop flag between blocks of grid points).
//
//   dlui::FieldOverlayController overlays;
//   connect(&overlays, &dlui::FieldOverlayController::overlayReady, view, &dlui::MainView::requestRedraw);
//   overlays.request(request);           // from the GUI thread, as often as you like
//   if (const auto& o = overlays.latest()) …
#pragma once

#include <QObject>
#include <memory>
#include <optional>

#include "ui/jobs/latestjob.h"
#include "ui/overlays/fieldoverlay.h"

namespace dlui {

class FieldOverlayController : public QObject {
    Q_OBJECT
public:
    explicit FieldOverlayController(QObject* parent = nullptr);
    /// Stops the computation in flight and joins the worker thread.
    ~FieldOverlayController() override;

    /// Computes the request as soon as the worker is free; replaces a request still waiting. Returns its id.
    std::uint64_t request(FieldOverlayRequest request);
    /// The most recent overlay computed (may be for another t than the last request).
    const std::optional<FieldOverlay>& latest() const { return mLatest; }
    /// Forgets the last overlay (e.g. when the data change), stops the one in flight, drops any waiting.
    void clear();
    bool isBusy() const { return mJob.isBusy(); }
    /// Id of the newest request made (0 before the first).
    std::uint64_t lastRequestId() const { return mJob.latestId(); }
    /// Requests actually computed (the rest were coalesced away); for tests.
    int computedCount() const { return mJob.completedCount(); }

Q_SIGNALS:
    /// A new overlay is in latest().
    void overlayReady();
    /// The last computation failed; message is ready to show.
    void failed(const QString& message);

private:
    LatestJob mJob;
    // What is costly to rebuild (exact denoiser, density, learned predictor): used by the jobs only, which
    // run one at a time on the job's thread.
    std::shared_ptr<FieldOverlayCache> mCache = std::make_shared<FieldOverlayCache>();
    std::optional<FieldOverlay> mLatest;
};

}  // namespace dlui

Q_DECLARE_METATYPE(dlui::FieldOverlay)
