// Shared by the libFuzzer harnesses: a QGuiApplication on the offscreen platform (image plugins and
// fonts want one) and Qt's warnings kept quiet, so the fuzzer's own output stays readable.
#pragma once

#include <QGuiApplication>
#include <cstdlib>

namespace fuzz {

inline void quietQt(QtMsgType, const QMessageLogContext&, const QString&) {}

inline void startQt() {
    static int argc = 1;
    static char name[] = "fuzz";
    static char* argv[] = {name, nullptr};
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler(quietQt);
    static QGuiApplication app(argc, argv);
}

}  // namespace fuzz
