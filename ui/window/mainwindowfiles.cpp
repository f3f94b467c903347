// MainWindow: everything about files — sessions, the preset, drag and drop, remembered settings.
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonDocument>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>

#include "core/io/qtschedulejson.h"
#include "ui/data/dataloader.h"
#include "ui/data/datapanel.h"
#include "ui/document/sessionapply.h"
#include "ui/schedule/schedulepanel.h"
#include "ui/view/timeline.h"
#include "ui/widgets/defaultsuffix.h"
#include "ui/widgets/filedialogs.h"
#include "ui/window/mainwindow.h"

namespace dlui {

namespace {

bool isImageFile(const QString& path) {
    const QByteArray suffix = QFileInfo(path).suffix().toLower().toLatin1();
    return !suffix.isEmpty() && QImageReader::supportedImageFormats().contains(suffix);
}

}  // namespace

Session MainWindow::currentSession() const {
    return captureSession(*mDocument);
}

bool MainWindow::applySession(const Session& session, QString* error) {
    const std::optional<AppliedSession> applied = applySessionToDocument(*mDocument, session, error);
    if (!applied) return false;
    showForwardWhenNoSamples();
    if (applied->dataToLoad) {
        mPendingView = session.view;
        mDataPanel->showSource(*applied->dataToLoad);
        mLoader->load(*applied->dataToLoad);
    } else {
        // The same data: nothing to load, but the panel shows the session's source, not an edit typed into
        // it and never loaded (N = 5,000 stayed beside the 8,000 points of the session).
        mDataPanel->showSource(session.source);
    }
    return true;
}

bool MainWindow::saveSessionTo(const QString& path, QString* error) {
    if (!saveSession(path, currentSession(), error)) return false;
    mSessionPath = path;
    mDocument->setModified(false);
    updateTitle();
    // A session names its model's file and holds no weights: a model never saved (or trained on since)
    // is not in it, which the title's clean state alone hid.
    if (mDocument->hasModel() && !mDocument->isModelSaved())
        statusBar()->showMessage(
            tr("Session saved to %1 without the trained model, which is not saved (Save model… keeps it).")
                .arg(QDir::toNativeSeparators(path)),
            15000);
    else
        statusBar()->showMessage(tr("Session saved to %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool MainWindow::openSessionFrom(const QString& path, QString* error) {
    const std::optional<Session> session = loadSession(path, error);
    return session && adoptSession(*session, path, error);
}

bool MainWindow::adoptSession(const Session& session, const QString& path, QString* error) {
    if (!applySession(session, error)) return false;
    mPendingClean = mPendingView.has_value();  // the session's data arrive later; they are not an edit
    mSessionPath = path;
    mDocument->setModified(false);
    updateTitle();
    return true;
}

bool MainWindow::openFiles(const QStringList& paths) {
    if (paths.isEmpty()) return false;
    if (paths.size() == 1) return openFile(paths.front());
    QStringList images;
    for (const QString& p : paths)
        if (isImageFile(p) || QFileInfo(p).isDir()) images << p;
    if (images.isEmpty()) return false;
    DataSource source = mDataPanel->currentSource();
    source.kind = DataSource::Kind::ImagePixels;
    source.paths = images;
    mDataPanel->showSource(source);
    mLoader->load(source);
    return true;
}

bool MainWindow::openFile(const QString& path) {
    for (const auto& opener : mFileOpeners)
        if (opener(path)) return true;
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    if (suffix == QLatin1String("json")) {
        // The file is read first: asking to save the work before a file that then fails to open was a
        // question for nothing.
        QString error;
        const std::optional<Session> session = loadSession(path, &error);
        if (session && !confirmDiscard()) return true;
        if (!session || !adoptSession(*session, path, &error))
            QMessageBox::warning(this, tr("Open session"), error);
        return true;
    }
    DataSource source = mDataPanel->currentSource();
    if (suffix == QLatin1String("csv") || suffix == QLatin1String("txt") || suffix == QLatin1String("tsv")) {
        // The columns chosen for another file are not this one's: "3,4" of a wide table refused a plain
        // x,y file ("there is no column 3").
        if (source.kind != DataSource::Kind::Csv || source.paths != QStringList{path})
            source.csvColumns.clear();
        source.kind = DataSource::Kind::Csv;
    } else if (info.isDir()) {
        source.kind = DataSource::Kind::ImagePixels;
    } else if (isImageFile(path)) {
        // One image: as a shape, unless the panel is already in pixel space.
        if (source.kind != DataSource::Kind::ImagePixels) source.kind = DataSource::Kind::ImageShape;
    } else {
        return false;
    }
    source.paths = QStringList{path};
    mDataPanel->showSource(source);
    mLoader->load(source);
    statusBar()->showMessage(tr("Loading %1…").arg(info.fileName()), 3000);
    return true;
}

void MainWindow::onOpen() {
    const QString filter =
        tr("Sessions and data (*.json *.csv *.txt *.png *.jpg *.jpeg *.bmp *.gif);;Sessions "
           "(*.json);;Points (*.csv *.txt);;All files (*)");
    const QString path = askOpenFileName(this, tr("Open"), QString(), filter);
    if (!path.isEmpty() && !openFile(path))
        QMessageBox::warning(this, tr("Open"),
                             tr("Diffusion Lab cannot open %1.").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::onSave() {
    if (mSessionPath.isEmpty()) return onSaveAs();
    QString error;
    if (!saveSessionTo(mSessionPath, &error)) QMessageBox::warning(this, tr("Save session"), error);
}

void MainWindow::onSaveAs() {
    QString path =
        askSaveFileName(this, tr("Save session"), mSessionPath.isEmpty() ? tr("session.json") : mSessionPath,
                        tr("Sessions (*.json)"));
    if (path.isEmpty()) return;
    // Without its suffix the file did not open again: Open knows a session by ".json".
    path = withDefaultSuffix(path, QStringLiteral(".json"));
    QString error;
    if (!saveSessionTo(path, &error)) QMessageBox::warning(this, tr("Save session"), error);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile()) paths << url.toLocalFile();
    if (openFiles(paths))
        event->acceptProposedAction();
    else
        statusBar()->showMessage(tr("Drop a CSV of points, an image, a folder of images or a session file."),
                                 5000);
}

void MainWindow::loadPreset() {
    QFile file(QStringLiteral(":/presets/default.json"));
    if (!file.open(QIODevice::ReadOnly)) return;
    const QJsonObject preset = QJsonDocument::fromJson(file.readAll()).object();
    QString error;
    if (const auto params = dl::scheduleParamsFromQJson(preset.value(QStringLiteral("schedule")).toObject(),
                                                        mDocument->schedule().params(), &error))
        mDocument->setScheduleParams(*params, &error);
    DataSource source = mDocument->dataSource();
    source.shape = preset.value(QStringLiteral("dataset")).toString(source.shape);
    source.count = preset.value(QStringLiteral("points")).toInt(source.count);
    if (!(source == mDocument->dataSource())) {
        try {
            mDocument->setDataSet(buildDataSet(source), source);  // a built-in shape: instant
        } catch (const std::exception&) {
        }
    }
    mDataPanel->showSource(mDocument->dataSource());
}

void MainWindow::readSettings() {
    QSettings settings;
    const QByteArray last = settings.value(QStringLiteral("session/last")).toByteArray();
    QString error;
    if (last.isEmpty()) {
        // Changes discarded at the close: the session as its file has it, or the defaults when untitled.
        const QString path = settings.value(QStringLiteral("session/path")).toString();
        if (!path.isEmpty() && QFileInfo::exists(path) && !openSessionFrom(path, &error))
            statusBar()->showMessage(tr("Could not reopen %1: %2").arg(QDir::toNativeSeparators(path), error),
                                     10000);
        return;
    }
    const auto session = sessionFromJson(QJsonDocument::fromJson(last).object(), &error);
    // The window is as modified as it was when it closed. A window that closed saved reopens saved, and one
    // closed with changes it did not save keeps its "*".
    const bool modifiedAtClose = settings.value(QStringLiteral("session/modified"), false).toBool();
    if (!session || !restoreSession(*session, modifiedAtClose, &error)) return;
    mSessionPath = settings.value(QStringLiteral("session/path")).toString();
}

bool MainWindow::restoreSession(const Session& session, bool modified, QString* error) {
    if (!applySession(session, error)) return false;
    mPendingClean = mPendingView.has_value() && !modified;  // its data arrive later; they are not an edit
    mDocument->setModified(modified);
    return true;
}

void MainWindow::writeSettings() {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    // "Discard" at the close means what it says: the discarded changes used to come back at the next start.
    if (mDiscardedAtClose)
        settings.remove(QStringLiteral("session/last"));
    else
        settings.setValue(QStringLiteral("session/last"),
                          QJsonDocument(sessionToJson(currentSession())).toJson(QJsonDocument::Compact));
    settings.setValue(QStringLiteral("session/path"), mSessionPath);
    settings.setValue(QStringLiteral("session/modified"), mDocument->isModified());
}

}  // namespace dlui
