#include "ui/view/traillayercache.h"

namespace dlui {

bool sameTrails(const std::vector<dl::Batch>& a, const std::vector<dl::Batch>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].rows() != b[i].rows() || a[i].cols() != b[i].cols()) return false;
        if (a[i] != b[i]) return false;
    }
    return true;
}

void TrailLayerCache::noteTrails(const std::vector<dl::Batch>& before, const std::vector<dl::Batch>& after) {
    if (!sameTrails(before, after)) ++mGeneration;
}

const QImage* TrailLayerCache::layer(const QRectF& target, const Scene& scene, const RenderOptions& options,
                                     qreal dpr) {
    if (!options.drawTrails || scene.trails.empty() || scene.images.rows() > 0) {
        mLayer = QImage();  // no memory held while trails are off
        mKey = Key();
        return nullptr;
    }
    const Key key{mGeneration,     target.size(),    dpr, sceneDataBounds(scene, target), options.background,
                  options.palette, options.textScale};
    if (mLayer.isNull() || !(key == mKey)) {
        mLayer = renderTrailLayer(target, scene, options, dpr);
        mKey = key;
        ++mRenderCount;
    }
    return &mLayer;
}

}  // namespace dlui
