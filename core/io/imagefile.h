// Reading image files safely: any format QImageReader knows (PNG, JPEG, BMP, GIF, …), with clear
// dl::Error messages for a missing, empty, unreadable or truncated file, and no huge allocations:
// the header's size is checked before decoding (limits::kMaxImageFilePixels), and large images are
// downscaled while decoding (QImageReader::setScaledSize) to at most maxSide pixels on the longer side.
//
//   QImage image = dl::readImageFile("photo.jpg", 1024);   // throws dl::Error
#pragma once

#include <QImage>
#include <QStringList>
#include <string>

namespace dl {

/// Decodes an image file, at most maxSide pixels on its longer side (aspect ratio kept).
/// EXIF orientation is applied. Throws dl::Error naming the file when it cannot be used.
QImage readImageFile(const std::string& path, int maxSide);

/// File-name patterns of the image formats this build can read ("*.png", "*.jpg", …).
QStringList readableImagePatterns();

}  // namespace dl
