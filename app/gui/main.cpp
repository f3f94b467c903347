// diffusion-lab: the window.
#include <QApplication>

#include "ui/mainwindow.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("DiffusionLab"));
    QApplication::setApplicationName(QStringLiteral("Diffusion Lab"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION_STRING));
    dlui::MainWindow window;
    window.show();
    return app.exec();
}
