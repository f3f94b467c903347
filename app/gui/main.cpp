// diffusion-lab: the window.
//
//   diffusion-lab [FILE…]                      open a lesson, a session, a CSV of points or images
//   diffusion-lab --demo-screenshot OUT.png    scripted look: set t, let it draw, save the window, quit
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include "core/sampling/heapretention.h"
#include "ui/i18n/translations.h"
#include "ui/view/mainview.h"
#include "ui/view/timeline.h"
#include "ui/window/labwindow.h"

int main(int argc, char** argv) {
    dl::retainFreedHeapMemory();  // each Sample click reuses the last run's pages (heapretention.h)
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("DiffusionLab"));
    QApplication::setApplicationName(QStringLiteral("Diffusion Lab"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION_STRING));
    // Before any text is made: the remembered language, else the system's (LANG=zh_CN.UTF-8 → 简体中文).
    dlui::installStartupLanguage(/*useSettings=*/true);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "See how diffusion models work."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
        QStringLiteral("demo-screenshot"),
        QApplication::translate("main", "Run a short scripted session, save the window as PNG and quit."),
        QStringLiteral("file"));
    const QCommandLineOption demoT(QStringLiteral("demo-t"),
                                   QApplication::translate("main", "Timestep shown by --demo-screenshot."),
                                   QStringLiteral("t"), QStringLiteral("30"));
    const QCommandLineOption fresh(
        QStringLiteral("fresh"),
        QApplication::translate("main", "Start from the defaults, not the last session."));
    parser.addOption(screenshot);
    parser.addOption(demoT);
    parser.addOption(fresh);
    parser.addPositionalArgument(
        QStringLiteral("files"),
        QApplication::translate("main", "Session, lesson, CSV or image files to open."));
    parser.process(app);

    const bool demo = parser.isSet(screenshot);
    dlui::MainWindow::Options options;
    options.restoreLastSession = !demo && !parser.isSet(fresh);
    options.useSettings = !demo;
    options.askBeforeDiscard = !demo;
    dlui::LabWindow window(options);
    if (!parser.positionalArguments().isEmpty()) window.openFiles(parser.positionalArguments());
    window.show();

    if (demo) {
        const QString out = parser.value(screenshot);
        const int t = parser.value(demoT).toInt();
        // Let the window lay out, play a few frames, then stop on t and grab.
        QTimer::singleShot(300, &window, [&window] { window.timeline()->play(); });
        QTimer::singleShot(900, &window, [&window, t] {
            window.timeline()->pause();
            window.timeline()->setT(t);
        });
        QTimer::singleShot(1500, &window, [&window, out] {
            const bool ok = window.grab().save(out);
            QApplication::exit(ok ? 0 : 1);
        });
    }
    return app.exec();
}
