// The main view's trails as one image, re-stroked only when the trails, the view's size, its device pixel
// ratio, the data bounds or the look (theme, palette, presenter scale) change. A repaint for any other
// reason (a caption, the points or the arrows moving while t stands still, the overlays following the
// training) then draws the trails with one drawImage instead of stroking up to 1,000 polylines again.
//
//   cache.noteTrails(oldScene.trails, newScene.trails);       // on each scene rebuild
//   paintScene(painter, target, scene, options, cache.layer(target, scene, options, dpr));
#pragma once

#include <QImage>
#include <QRectF>
#include <vector>

#include "ui/render/scene.h"

namespace dlui {

class TrailLayerCache {
public:
    /// Compares the trails of a rebuilt scene with the previous ones; different trails invalidate the image.
    void noteTrails(const std::vector<dl::Batch>& before, const std::vector<dl::Batch>& after);

    /// The trail image for this frame (rendered now if anything it depends on changed), or null when the
    /// scene draws no trails.
    const QImage* layer(const QRectF& target, const Scene& scene, const RenderOptions& options, qreal dpr);

    /// Times the image was rendered (tests: a repaint with the same trails renders nothing).
    int renderCount() const { return mRenderCount; }

private:
    struct Key {
        int generation = -1;
        QSizeF size;
        qreal dpr = 0;
        QRectF dataBounds;
        Background background = Background::White;
        ColorPalette palette = ColorPalette::Standard;
        qreal textScale = 0;
        bool operator==(const Key&) const = default;
    };
    int mGeneration = 0;
    int mRenderCount = 0;
    Key mKey;
    QImage mLayer;
};

/// Whether two sets of trails are the same paths, state for state.
bool sameTrails(const std::vector<dl::Batch>& a, const std::vector<dl::Batch>& b);

}  // namespace dlui
