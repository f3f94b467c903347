// Small export helpers the window's menus call: save a QCustomPlot as PNG or PDF, copy an image (the
// current view) to the clipboard.
//
//   QString error = dlui::savePlot(plot, "loss.pdf");       // format from the suffix; empty on success
//   dlui::copyImageToClipboard(view->grab().toImage());
#pragma once

#include <QImage>
#include <QSize>
#include <QString>

class QCustomPlot;

namespace dlui {

enum class PlotFormat { Png, Pdf };

/// Saves the plot to `path` in the given format at `size` (an empty size: the plot's own size), PNG at
/// `scale` × the pixels for sharp slides. Returns an empty string on success, or what went wrong. The
/// file appears complete or not at all (written beside the target, then renamed).
QString savePlot(QCustomPlot* plot, const QString& path, PlotFormat format, const QSize& size = QSize(),
                 double scale = 2.0);
/// The same, with the format from the file name's suffix (.png or .pdf; anything else is refused).
QString savePlot(QCustomPlot* plot, const QString& path, const QSize& size = QSize(), double scale = 2.0);

/// Puts the image on the system clipboard (needs a QGuiApplication). False when there is no clipboard.
bool copyImageToClipboard(const QImage& image);

}  // namespace dlui
