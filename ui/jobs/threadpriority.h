// Worker threads give way to the GUI thread: the training, sampling, overlay and loading workers call
// makeCurrentThreadBackground() when they start.
#pragma once

namespace dlui {

/// Makes the calling thread a background thread: on Linux it raises the thread's nice value by
/// `niceness` (per thread there), so the GUI thread wins the CPU whenever it has work and input is answered
/// promptly even when every core is busy; with idle cores the worker runs at full speed as before.
/// QThread::setPriority cannot do this for normal threads on Linux. Elsewhere it does nothing.
void makeCurrentThreadBackground(int niceness);

}  // namespace dlui
