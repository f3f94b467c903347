#include "ui/export/plotexport.h"

#include <qcustomplot.h>

#include <QClipboard>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>

#include "ui/render/stagingfile.h"

namespace dlui {
namespace {

// A named translation context, so lupdate files these strings where tr() looks them up.
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(dlui::PlotExport)
};

}  // namespace

QString savePlot(QCustomPlot* plot, const QString& path, PlotFormat format, const QSize& size, double scale) {
    if (!plot) return Texts::tr("there is no plot to save");
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return Texts::tr("cannot create the folder %1").arg(info.absolutePath());
    // QCustomPlot writes straight to the path it is given; a temporary name beside the target and a
    // rename keep a failed save from leaving half a file under the real name.
    const QString temp = reserveStagingFile(path);
    if (temp.isEmpty()) return Texts::tr("cannot write to the folder %1").arg(info.absolutePath());
    const int w = size.isValid() ? size.width() : 0, h = size.isValid() ? size.height() : 0;
    bool ok = false;
    if (format == PlotFormat::Png)
        ok = plot->savePng(temp, w, h, scale, -1, 96, QCP::ruDotsPerInch);
    else
        ok = plot->savePdf(temp, w, h, QCP::epNoCosmetic, QStringLiteral("Diffusion Lab"),
                           plot->windowTitle());
    if (!ok) {
        QFile::remove(temp);
        return Texts::tr("QCustomPlot could not write %1").arg(path);
    }
    if (QFile::exists(path) && !QFile::remove(path)) {
        QFile::remove(temp);
        return Texts::tr("cannot replace %1").arg(path);
    }
    if (!QFile::rename(temp, path)) {
        QFile::remove(temp);
        return Texts::tr("cannot move the plot into %1").arg(path);
    }
    return {};
}

QString savePlot(QCustomPlot* plot, const QString& path, const QSize& size, double scale) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) return savePlot(plot, path, PlotFormat::Png, size, scale);
    if (suffix == QLatin1String("pdf")) return savePlot(plot, path, PlotFormat::Pdf, size, scale);
    return Texts::tr("plots are saved as .png or .pdf, not '%1'").arg(suffix);
}

bool copyImageToClipboard(const QImage& image) {
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (!clipboard || image.isNull()) return false;
    clipboard->setImage(image);
    return true;
}

}  // namespace dlui
