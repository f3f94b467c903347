#include "messages.h"

#include <QString>
#include <cstdio>
#include <iostream>

namespace dlcli {
namespace {

/// Length of the valid UTF-8 sequence starting at text[i] (no overlongs, no surrogates), or 0.
std::size_t utf8Length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b = byte(i);
    std::size_t n = 0;
    unsigned lowest = 0;
    if (b >= 0xC2 && b <= 0xDF)
        n = 2, lowest = 0x80;
    else if (b >= 0xE0 && b <= 0xEF)
        n = 3, lowest = 0x800;
    else if (b >= 0xF0 && b <= 0xF4)
        n = 4, lowest = 0x10000;
    else
        return 0;
    if (i + n > text.size()) return 0;
    unsigned code = b & (0xFF >> (n + 1));
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        code = (code << 6) | (byte(i + k) & 0x3F);
    }
    if (code < lowest || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
    return n;
}

}  // namespace

std::string oneLine(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x7F) {
            out += static_cast<char>(c);
            ++i;
        } else if (c == '\n') {
            out += "\\n", ++i;
        } else if (c == '\r') {
            out += "\\r", ++i;
        } else if (c == '\t') {
            out += "\\t", ++i;
        } else if (const std::size_t n = c >= 0x80 ? utf8Length(text, i) : 0; n > 0) {
            out.append(text.substr(i, n));
            i += n;
        } else {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02X", c);
            out += escaped;
            ++i;
        }
    }
    return out;
}

void cliQtMessageHandler(QtMsgType type, const QMessageLogContext&, const QString& message) {
    static const bool verbose = qEnvironmentVariableIntValue("DIFFUSION_LAB_QT_MESSAGES") == 1;
    if (!verbose && type != QtCriticalMsg && type != QtFatalMsg) return;
    std::cerr << "diffusion-lab-cli: Qt: " << oneLine(message.toStdString()) << "\n";
}

ProgressLine::ProgressLine(std::string label)
    : mLabel(std::move(label)), mStart(std::chrono::steady_clock::now()), mLast(mStart) {}

void ProgressLine::report(long long done, long long total) {
    const auto now = std::chrono::steady_clock::now();
    const bool finished = done >= total;
    if (finished ? !mShown
                 : (now - mStart < std::chrono::seconds(1) || now - mLast < std::chrono::seconds(1)))
        return;
    mLast = now;
    mShown = true;
    const double percent = total > 0 ? 100.0 * static_cast<double>(done) / static_cast<double>(total) : 100.0;
    std::fprintf(stderr, "%s: %lld/%lld (%.0f%%)\n", mLabel.c_str(), done, total, percent);
}

}  // namespace dlcli
