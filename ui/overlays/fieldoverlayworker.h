// Computes field overlays (fieldoverlay.h) in a worker thread. Requests coalesce: while one computation
// runs, a newer request replaces any request still waiting, so scrubbing t quickly costs at most one
// computation in flight plus the latest one, never a queue of stale frames.
//
//   dlui::FieldOverlayController overlays;
//   connect(&overlays, &dlui::FieldOverlayController::overlayReady, view, &dlui::MainView::requestRedraw);
//   overlays.request(request);           // from the GUI thread, as often as you like
//   if (const auto& o = overlays.latest()) …
#pragma once

#include <QObject>
#include <QThread>
#include <optional>

#include "ui/overlays/fieldoverlay.h"

namespace dlui {

class FieldOverlayWorker : public QObject {
    Q_OBJECT
public:
    explicit FieldOverlayWorker(QObject* parent = nullptr);
    ~FieldOverlayWorker() override;

    /// Computes one overlay in the calling (worker) thread.
    void compute(const FieldOverlayRequest& request);

Q_SIGNALS:
    /// An overlay was computed.
    void computed(const dlui::FieldOverlay& overlay);
    /// Request `id` could not be computed; message is ready to show.
    void failed(quint64 id, const QString& message);

private:
    FieldOverlayCache mCache;  // used in the worker thread only
};

class FieldOverlayController : public QObject {
    Q_OBJECT
public:
    explicit FieldOverlayController(QObject* parent = nullptr);
    /// Ends the worker thread (quit(); wait()); a computation in flight finishes first (they are short).
    ~FieldOverlayController() override;

    /// Computes the request as soon as the worker is free; replaces a request still waiting. Returns its id.
    std::uint64_t request(FieldOverlayRequest request);
    /// The most recent overlay computed (may be for another t than the last request).
    const std::optional<FieldOverlay>& latest() const { return mLatest; }
    /// Forgets the last overlay (e.g. when the data change) and any waiting request.
    void clear();
    bool isBusy() const { return mInFlight; }
    /// Id of the newest request made (0 before the first).
    std::uint64_t lastRequestId() const { return mNextId - 1; }
    /// Requests actually computed (the rest were coalesced away); for tests.
    int computedCount() const { return mComputed; }

Q_SIGNALS:
    /// A new overlay is in latest().
    void overlayReady();
    /// The last computation failed; message is ready to show.
    void failed(const QString& message);

private:
    void dispatch(FieldOverlayRequest request);
    void onComputed(const FieldOverlay& overlay);
    void onFailed(quint64 id, const QString& message);

    QThread mThread;
    FieldOverlayWorker* mWorker = nullptr;
    std::optional<FieldOverlayRequest> mPending;
    std::optional<FieldOverlay> mLatest;
    std::uint64_t mNextId = 1;
    std::uint64_t mClearedBelow = 0;  // results of requests older than this are dropped
    bool mInFlight = false;
    int mComputed = 0;
};

}  // namespace dlui

Q_DECLARE_METATYPE(dlui::FieldOverlay)
