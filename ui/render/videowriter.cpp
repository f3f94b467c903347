// VideoWriter: MP4/WebM through an external ffmpeg. Encoding H.264 or VP9 ourselves is out of the
// question and linking libav* would pull a large, fast-moving API into the build; a process that reads
// raw frames on stdin is the stable, documented interface every ffmpeg since 1.0 offers.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include "core/math/error.h"
#include "ui/render/framewriters.h"
#include "ui/render/stagingfile.h"

namespace dlui {

VideoWriter::VideoWriter(QString path, VideoCodec codec, bool overwrite)
    : mPath(std::move(path)), mCodec(codec), mOverwrite(overwrite) {}

VideoWriter::~VideoWriter() {
    cancel();
}

QString VideoWriter::findFfmpeg() {
    return QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
}

QStringList VideoWriter::ffmpegArguments(VideoCodec codec, const QSize& size, int fps,
                                         const QString& output) {
    QStringList args{QStringLiteral("-hide_banner"), QStringLiteral("-nostdin"), QStringLiteral("-loglevel"),
                     QStringLiteral("error"), QStringLiteral("-y"),
                     // Input: raw RGBA frames on standard input.
                     QStringLiteral("-f"), QStringLiteral("rawvideo"), QStringLiteral("-pix_fmt"),
                     QStringLiteral("rgba"), QStringLiteral("-s"),
                     QStringLiteral("%1x%2").arg(size.width()).arg(size.height()), QStringLiteral("-r"),
                     QString::number(fps), QStringLiteral("-i"), QStringLiteral("-"), QStringLiteral("-an")};
    if (codec == VideoCodec::Mp4H264) {
        // yuv420p plays in every browser and player; CRF 18 is visually lossless for flat-colour scenes.
        args << QStringLiteral("-c:v") << QStringLiteral("libx264") << QStringLiteral("-preset")
             << QStringLiteral("medium") << QStringLiteral("-crf") << QStringLiteral("18")
             << QStringLiteral("-pix_fmt") << QStringLiteral("yuv420p") << QStringLiteral("-movflags")
             << QStringLiteral("+faststart") << QStringLiteral("-f") << QStringLiteral("mp4");
    } else {
        // Constant quality (-b:v 0 with -crf), the mode libvpx-vp9 documents for single-pass encodes.
        args << QStringLiteral("-c:v") << QStringLiteral("libvpx-vp9") << QStringLiteral("-crf")
             << QStringLiteral("30") << QStringLiteral("-b:v") << QStringLiteral("0")
             << QStringLiteral("-row-mt") << QStringLiteral("1") << QStringLiteral("-deadline")
             << QStringLiteral("good") << QStringLiteral("-cpu-used") << QStringLiteral("4")
             << QStringLiteral("-pix_fmt") << QStringLiteral("yuv420p") << QStringLiteral("-f")
             << QStringLiteral("webm");
    }
    args << output;
    return args;
}

QString VideoWriter::stderrTail() {
    if (mProcess) mStderr += mProcess->readAllStandardError();
    QStringList lines = QString::fromUtf8(mStderr).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.size() > 8) lines = lines.mid(lines.size() - 8);
    return lines.join(QLatin1Char('\n'));
}

void VideoWriter::fail(const QString& what) {
    const QString tail = stderrTail();
    cancel();
    QString message = tr("cannot write the video %1: %2").arg(mPath, what);
    if (!tail.isEmpty()) message += tr("\nffmpeg said:\n%1").arg(tail);
    throw dl::Error(message.toStdString());
}

void VideoWriter::open(const QSize& size, int fps) {
    const QString ffmpeg = findFfmpeg();
    if (ffmpeg.isEmpty())
        throw dl::Error(
            tr("MP4 and WebM export needs ffmpeg, which was not found on PATH; install it (Debian: "
               "apt-get install ffmpeg) or export a GIF or PNG frames instead")
                .toStdString());
    if (size.width() % 2 != 0 || size.height() % 2 != 0)
        throw dl::Error(tr("video needs an even width and height (yuv420p), got %1×%2")
                            .arg(size.width())
                            .arg(size.height())
                            .toStdString());
    checkOutputFile(mPath, mOverwrite);
    mSize = size;
    mStderr.clear();
    mTempPath = reserveStagingFile(mPath);
    if (mTempPath.isEmpty())
        throw dl::Error(tr("cannot write to %1").arg(QFileInfo(mPath).absolutePath()).toStdString());
    mProcess = std::make_unique<QProcess>();
    mProcess->setProgram(ffmpeg);
    mProcess->setArguments(ffmpegArguments(mCodec, size, fps, mTempPath));
    mProcess->start(QIODevice::ReadWrite);
    if (!mProcess->waitForStarted(10000)) fail(tr("ffmpeg did not start: %1").arg(mProcess->errorString()));
}

void VideoWriter::write(const QImage& frame) {
    if (!mProcess) throw dl::Error(tr("the video writer is not open").toStdString());
    if (frame.size() != mSize) fail(tr("every frame of a video must have the same size"));
    const QImage rgba = frame.convertToFormat(QImage::Format_RGBA8888);
    for (int y = 0; y < rgba.height(); ++y) {
        if (mProcess->write(reinterpret_cast<const char*>(rgba.constScanLine(y)), qint64(rgba.width()) * 4) <
            0)
            fail(tr("ffmpeg stopped reading frames"));
    }
    // Keep at most about one frame queued: pushes the data out and notices a dead ffmpeg early.
    while (mProcess->bytesToWrite() > qint64(mSize.width()) * mSize.height() * 4) {
        mStderr += mProcess->readAllStandardError();
        if (mProcess->state() != QProcess::Running || !mProcess->waitForBytesWritten(30000))
            fail(tr("ffmpeg stopped reading frames"));
    }
}

void VideoWriter::finish() {
    if (!mProcess) throw dl::Error(tr("the video writer is not open").toStdString());
    while (mProcess->bytesToWrite() > 0) {
        if (mProcess->state() != QProcess::Running || !mProcess->waitForBytesWritten(30000))
            fail(tr("ffmpeg stopped reading frames"));
    }
    mProcess->closeWriteChannel();
    if (!mProcess->waitForFinished(600000)) fail(tr("ffmpeg did not finish"));
    mStderr += mProcess->readAllStandardError();
    if (mProcess->exitStatus() != QProcess::NormalExit || mProcess->exitCode() != 0)
        fail(tr("ffmpeg failed with exit code %1").arg(mProcess->exitCode()));
    mProcess.reset();
    if (QFileInfo::exists(mPath)) {
        if (!mOverwrite) fail(tr("%1 appeared while encoding; it was not overwritten").arg(mPath));
        if (!QFile::remove(mPath)) fail(tr("cannot replace %1").arg(mPath));
    }
    if (!QFile::rename(mTempPath, mPath)) fail(tr("cannot move the finished video into place"));
    mTempPath.clear();
}

void VideoWriter::cancel() {
    if (mProcess) {
        if (mProcess->state() != QProcess::NotRunning) {
            mProcess->kill();
            mProcess->waitForFinished(5000);
        }
        mProcess.reset();
    }
    if (!mTempPath.isEmpty()) {
        QFile::remove(mTempPath);
        mTempPath.clear();
    }
}

}  // namespace dlui
