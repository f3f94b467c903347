// Where exported frames go: a numbered PNG sequence, an animated GIF (giflib) or a video (an ffmpeg
// process). Each writer is opened once, gets every frame in order, then either finish() makes the final
// file(s) appear at once or cancel() removes everything it wrote: a cancelled or failed export never
// leaves a half-written final file. Errors throw dl::Error with a message a person can act on.
//
//   dlui::GifWriter gif("moons.gif", /*overwrite=*/false);
//   gif.open(QSize(800, 800), 20);
//   for (const QImage& frame : frames) gif.write(frame);
//   gif.finish();                       // renames the temporary file over moons.gif
#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QJsonObject>
#include <QProcess>
#include <QSaveFile>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>
#include <vector>

namespace dlui {

class FrameWriter {
public:
    virtual ~FrameWriter() = default;
    /// Prepares the output for frames of `size` at `fps` frames per second.
    virtual void open(const QSize& size, int fps) = 0;
    /// Appends one frame (any format; converted as needed). Must have the size given to open().
    virtual void write(const QImage& frame) = 0;
    /// Completes the output and moves it into place.
    virtual void finish() = 0;
    /// Drops everything written so far; safe to call at any point, also after a failure.
    virtual void cancel() = 0;
};

/// frame_0000.png, frame_0001.png, … and an optional JSON sidecar (frames.json) in a folder. Frames and
/// sidecar are written into a hidden folder beside it (.NAME.frames-PID-N) and put in place by finish()
/// with one rename: a new or empty folder is replaced, and with `overwrite` a folder holding only
/// frames is exchanged atomically (renameat2 RENAME_EXCHANGE), so a run killed at any moment leaves
/// either the old set or the new one, complete. A folder holding other files gets the new frames moved
/// in one by one (sidecar last), and is refused for `overwrite` when it already holds frames.
class PngSequenceWriter : public FrameWriter {
    Q_DECLARE_TR_FUNCTIONS(PngSequenceWriter)
public:
    PngSequenceWriter(QString folder, bool overwrite);
    ~PngSequenceWriter() override;
    /// Set before finish(): written as frames.json with QSaveFile after the frames are in place.
    void setSidecar(const QJsonObject& sidecar) { mSidecar = sidecar; }
    static QString frameFileName(int index);
    static QString sidecarFileName() { return QStringLiteral("frames.json"); }

    void open(const QSize& size, int fps) override;
    void write(const QImage& frame) override;
    void finish() override;
    void cancel() override;

private:
    void removeStaging();

    QString mFolder;
    bool mOverwrite = false;
    QString mStaging;  ///< .NAME.frames-PID-N beside the folder; empty when not open
    int mCount = 0;
    QSize mSize;
    QJsonObject mSidecar;
};

/// An animated GIF through giflib: a median-cut palette of up to 256 colours per frame (local colour
/// tables, so the density's heat colours and the points' colour map both keep their shades), looping
/// forever (NETSCAPE2.0 extension), one graphics control extension per frame for its delay. GIF delays
/// are in 1/100 s, so frame k waits round(100(k+1)/fps) − round(100k/fps): the average rate is exact.
/// Transparent pixels are flattened onto white (GIF has 1-bit transparency only).
class GifWriter : public FrameWriter {
    Q_DECLARE_TR_FUNCTIONS(GifWriter)
public:
    GifWriter(QString path, bool overwrite);
    ~GifWriter() override;

    void open(const QSize& size, int fps) override;
    void write(const QImage& frame) override;
    void finish() override;
    void cancel() override;

private:
    [[noreturn]] void fail(const QString& what, int gifError);
    void closeGif();

    QString mPath;
    bool mOverwrite = false;
    std::unique_ptr<QSaveFile> mFile;
    void* mGif = nullptr;  // GifFileType*, kept out of this header so gif_lib.h stays private
    QSize mSize;
    int mFps = 20;
    int mCount = 0;
};

enum class VideoCodec { Mp4H264, WebmVp9 };

/// MP4 (H.264, yuv420p) or WebM (VP9) through an `ffmpeg` found on PATH: raw RGBA frames are piped to
/// its standard input. ffmpeg writes a temporary file beside the target, renamed by finish(). Width and
/// height must be even (yuv420p). A missing ffmpeg or a failed encode throws with ffmpeg's last lines.
class VideoWriter : public FrameWriter {
    Q_DECLARE_TR_FUNCTIONS(VideoWriter)
public:
    VideoWriter(QString path, VideoCodec codec, bool overwrite);
    ~VideoWriter() override;
    /// The ffmpeg executable on PATH, or an empty string.
    static QString findFfmpeg();
    /// The ffmpeg arguments for a codec, size and rate, writing to `output`.
    static QStringList ffmpegArguments(VideoCodec codec, const QSize& size, int fps, const QString& output);

    void open(const QSize& size, int fps) override;
    void write(const QImage& frame) override;
    void finish() override;
    void cancel() override;

private:
    [[noreturn]] void fail(const QString& what);
    QString stderrTail();

    QString mPath;
    VideoCodec mCodec;
    bool mOverwrite = false;
    QString mTempPath;
    std::unique_ptr<QProcess> mProcess;
    QByteArray mStderr;
    QSize mSize;
};

/// Checks that a file can be created at `path` (its folder exists or can be made, and is writable) and,
/// unless `overwrite`, that nothing is there yet. Throws dl::Error with a message naming the path.
void checkOutputFile(const QString& path, bool overwrite);
/// The same for a folder of frames: it may exist (then it must be writable and, unless `overwrite`, hold
/// no frame_*.png or frames.json) or is created.
void checkOutputFolder(const QString& folder, bool overwrite);

}  // namespace dlui
