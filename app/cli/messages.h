// What the CLI prints on stderr: every message is one line of valid UTF-8 (control characters and
// invalid bytes from file names or file contents are shown escaped, never echoed raw), Qt's own
// diagnostics (libpng/libjpeg warnings through the image plugins) are kept out of it, and long runs
// report progress.
//
//   std::cerr << dlcli::oneLine(error.what()) << "\n";
//   dlcli::ProgressLine progress("forward");  progress.report(k, T);
#pragma once

#include <QtGlobal>
#include <chrono>
#include <string>
#include <string_view>

namespace dlcli {

/// The text as one printable line: CR, LF, tabs and other control bytes become \r, \n, \t or \xNN,
/// bytes that are not valid UTF-8 become \xNN; valid multi-byte characters (×, β, é) are kept.
std::string oneLine(std::string_view text);

/// Qt message handler for the CLI: debug, info and warning messages (image plugins' libpng and
/// libjpeg warnings, the offscreen platform's notes) are dropped unless DIFFUSION_LAB_QT_MESSAGES=1;
/// critical and fatal ones are printed as one line.
void cliQtMessageHandler(QtMsgType type, const QMessageLogContext& context, const QString& message);

/// "LABEL: done/total (P%)" lines on stderr for long runs: nothing during the first second, then at
/// most one line a second, and a final line when a reported run finishes.
class ProgressLine {
public:
    explicit ProgressLine(std::string label);
    void report(long long done, long long total);

private:
    std::string mLabel;
    std::chrono::steady_clock::time_point mStart, mLast;
    bool mShown = false;
};

}  // namespace dlcli
