// Measures how responsive the GUI thread's event loop is: a precise QTimer asks to fire every few
// milliseconds, and the probe records how late each timeout arrives. When the GUI thread is busy
// (painting, or worse, doing work that belongs in a worker) timer events queue up and fire late, so
// the lateness distribution is what a person feels as input latency.
//
//   dltest::EventLoopLatencyProbe probe;        // lives in the GUI thread
//   probe.start();
//   ... run the window for a while ...
//   qDebug() << probe.percentileMs(99);       // p99 lateness in ms
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <vector>

namespace dltest {

class EventLoopLatencyProbe : public QObject {
    Q_OBJECT
public:
    /// intervalMs: how often the probe asks to be woken (small enough to sample the loop densely).
    explicit EventLoopLatencyProbe(int intervalMs = 5, QObject* parent = nullptr);

    void start();
    void stop();
    /// Forgets every sample (keeps running if it was).
    void reset();
    bool isRunning() const { return mTimer.isActive(); }

    int sampleCount() const { return static_cast<int>(mLatenessMs.size()); }
    /// Lateness of the timer events in ms at percentile p ∈ [0, 100]; 0 with no samples.
    double percentileMs(double p) const;
    double maxMs() const;
    double meanMs() const;

private:
    void onTimeout();

    int mIntervalMs;
    QTimer mTimer;
    QElapsedTimer mClock;
    qint64 mLastNs = 0;
    std::vector<double> mLatenessMs;
};

}  // namespace dltest
