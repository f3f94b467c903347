// GifWriter: animated GIF through giflib (Debian's libgif-dev) rather than a hand-written encoder — its
// LZW encoder and block layout are used by countless programs, so the files open everywhere.
#include <gif_lib.h>

#include <QDir>
#include <QFileInfo>
#include <QPainter>
#include <cmath>

#include "core/math/error.h"
#include "ui/render/framewriters.h"
#include "ui/render/gifpalette.h"

namespace dlui {
namespace {

int writeToSaveFile(GifFileType* gif, const GifByteType* data, int length) {
    auto* file = static_cast<QSaveFile*>(gif->UserData);
    const qint64 written = file->write(reinterpret_cast<const char*>(data), length);
    return written < 0 ? 0 : static_cast<int>(written);
}

GifFileType* gifOf(void* p) {
    return static_cast<GifFileType*>(p);
}

}  // namespace

GifWriter::GifWriter(QString path, bool overwrite) : mPath(std::move(path)), mOverwrite(overwrite) {}

GifWriter::~GifWriter() {
    cancel();
}

void GifWriter::fail(const QString& what, int gifError) {
    QString detail = mFile && mFile->error() != QFileDevice::NoError
                         ? mFile->errorString()
                         : QString::fromUtf8(GifErrorString(gifError));
    cancel();
    throw dl::Error(tr("cannot write the GIF %1: %2 (%3)").arg(mPath, what, detail).toStdString());
}

void GifWriter::closeGif() {
    if (!mGif) return;
    int error = 0;
    EGifCloseFile(gifOf(mGif), &error);
    mGif = nullptr;
}

void GifWriter::open(const QSize& size, int fps) {
    checkOutputFile(mPath, mOverwrite);
    if (size.width() > 65535 || size.height() > 65535 || size.isEmpty())
        throw dl::Error(tr("a GIF must be 1 to 65535 pixels on each side").toStdString());
    mSize = size;
    mFps = std::max(1, fps);
    mCount = 0;
    // QSaveFile writes a temporary file beside the target and renames it in commit(): cancel or a crash
    // leaves no half GIF under the final name.
    mFile = std::make_unique<QSaveFile>(mPath);
    // Unbuffered: a failing write(2) then reports its own reason ("No space left on device") at once,
    // instead of a later flush inside commit() reporting "Unknown error".
    if (!mFile->open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        throw dl::Error(tr("cannot write the GIF %1: %2").arg(mPath, mFile->errorString()).toStdString());
    int error = 0;
    GifFileType* gif = EGifOpen(mFile.get(), writeToSaveFile, &error);
    if (!gif) fail(tr("giflib could not start"), error);
    mGif = gif;
    EGifSetGifVersion(gif, true);  // GIF89a: needed for the delay and loop extensions
    // No global colour table: every frame carries its own (see the class comment).
    if (EGifPutScreenDesc(gif, size.width(), size.height(), 8, 0, nullptr) == GIF_ERROR)
        fail(tr("writing the header failed"), gif->Error);
    // Loop forever: application extension "NETSCAPE2.0" with sub-block {1, loop count (LE16) = 0}.
    static const GifByteType kLoop[3] = {1, 0, 0};
    if (EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
        EGifPutExtensionBlock(gif, 11, "NETSCAPE2.0") == GIF_ERROR ||
        EGifPutExtensionBlock(gif, 3, kLoop) == GIF_ERROR || EGifPutExtensionTrailer(gif) == GIF_ERROR)
        fail(tr("writing the loop extension failed"), gif->Error);
}

void GifWriter::write(const QImage& frame) {
    if (!mGif) throw dl::Error(tr("the GIF writer is not open").toStdString());
    if (frame.size() != mSize)
        throw dl::Error(tr("every frame of a GIF must have the same size").toStdString());
    GifFileType* gif = gifOf(mGif);
    const IndexedImage indexed = quantizeMedianCut(frame, 256);

    GraphicsControlBlock gcb;
    gcb.DisposalMode = DISPOSE_DO_NOT;
    gcb.UserInputFlag = false;
    gcb.TransparentColor = NO_TRANSPARENT_COLOR;
    const auto centis = [this](int k) { return static_cast<int>(std::lround(100.0 * k / mFps)); };
    gcb.DelayTime = std::max(1, centis(mCount + 1) - centis(mCount));
    GifByteType gcbBytes[4];
    const size_t gcbLength = EGifGCBToExtension(&gcb, gcbBytes);
    if (EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(gcbLength), gcbBytes) == GIF_ERROR)
        fail(tr("writing frame %1 failed").arg(mCount), gif->Error);

    // giflib wants a power-of-two colour table; unused entries stay black.
    int tableSize = 2;
    while (tableSize < static_cast<int>(indexed.palette.size())) tableSize *= 2;
    std::vector<GifColorType> colors(static_cast<size_t>(tableSize), GifColorType{0, 0, 0});
    for (size_t i = 0; i < indexed.palette.size(); ++i)
        colors[i] = GifColorType{static_cast<GifByteType>(qRed(indexed.palette[i])),
                                 static_cast<GifByteType>(qGreen(indexed.palette[i])),
                                 static_cast<GifByteType>(qBlue(indexed.palette[i]))};
    ColorMapObject* map = GifMakeMapObject(tableSize, colors.data());
    if (!map) fail(tr("out of memory"), E_GIF_ERR_NOT_ENOUGH_MEM);
    const int ok = EGifPutImageDesc(gif, 0, 0, mSize.width(), mSize.height(), false, map);
    GifFreeMapObject(map);  // EGifPutImageDesc keeps its own copy
    if (ok == GIF_ERROR) fail(tr("writing frame %1 failed").arg(mCount), gif->Error);
    std::vector<GifPixelType> line(static_cast<size_t>(mSize.width()));
    for (int y = 0; y < mSize.height(); ++y) {
        std::copy_n(indexed.indices.data() + static_cast<size_t>(y) * mSize.width(), mSize.width(),
                    line.data());
        if (EGifPutLine(gif, line.data(), mSize.width()) == GIF_ERROR)
            fail(tr("writing frame %1 failed").arg(mCount), gif->Error);
    }
    ++mCount;
}

void GifWriter::finish() {
    if (!mGif) throw dl::Error(tr("the GIF writer is not open").toStdString());
    int error = 0;
    const int ok = EGifCloseFile(gifOf(mGif), &error);  // writes the trailer, frees the handle
    mGif = nullptr;
    if (ok == GIF_ERROR) fail(tr("closing the file failed"), error);
    // With overwrite, commit() renames over the existing file; checkOutputFile() refused it otherwise.
    if (!mFile->commit()) {
        const QString message = mFile->errorString();
        mFile.reset();
        throw dl::Error(tr("cannot write the GIF %1: %2").arg(mPath, message).toStdString());
    }
    mFile.reset();
}

void GifWriter::cancel() {
    closeGif();
    if (mFile) {
        mFile->cancelWriting();
        mFile.reset();  // discards the temporary file
    }
}

}  // namespace dlui
