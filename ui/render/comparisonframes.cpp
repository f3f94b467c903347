#include "ui/render/comparisonframes.h"

#include <algorithm>

#include "core/math/error.h"
#include "core/math/forwardprocess.h"
#include "ui/render/alphabartext.h"
#include "ui/render/palette.h"
#include "ui/render/viewbounds.h"

namespace dlui {

int comparisonSteps(const ComparisonInput& input) {
    int steps = 0;
    for (const ComparisonPane& pane : input.panes)
        steps = std::max(steps, pane.scheduleFor(input.reverse).T());
    return steps;
}

int paneTimestep(int step, int steps, int T) {
    if (steps <= 0) return 0;
    const long long s = std::clamp(step, 0, steps);
    // round(s·T/S) in integers, halves up: exact for every T ≤ 10000.
    return static_cast<int>((2 * s * T + steps) / (2LL * steps));
}

QRectF comparisonTile(const QRectF& target, int panes, int index) {
    const int columns = panes <= 2 ? std::max(1, panes) : 2;
    const int rows = (std::max(1, panes) + columns - 1) / columns;
    const double w = target.width() / columns, h = target.height() / rows;
    return QRectF(target.left() + (index % columns) * w, target.top() + (index / columns) * h, w, h);
}

std::vector<int> comparisonFrameSteps(const ComparisonInput& input, int tFirst, int tLast, int stride) {
    std::vector<int> steps;
    const int S = comparisonSteps(input);
    if (input.panes.empty()) return steps;
    const int first = std::clamp(tFirst, 0, S);
    const int last = tLast < 0 ? S : std::min(tLast, S);
    for (int s = first; s <= last; s += std::max(1, stride)) steps.push_back(s);
    // Reverse plays from noise to data: the same steps, largest first.
    if (input.reverse) std::reverse(steps.begin(), steps.end());
    return steps;
}

ComparisonFrames::ComparisonFrames(ComparisonInput input) : mInput(std::move(input)) {
    if (mInput.panes.empty()) throw dl::Error(tr("a comparison needs at least one pane").toStdString());
    if (!mInput.data) throw dl::Error(tr("a comparison needs data").toStdString());
    const dl::DataSet& data = *mInput.data;
    if (!mInput.reverse && (!mInput.noise || mInput.noise->rows() != data.points.rows() ||
                            mInput.noise->cols() != data.points.cols()))
        throw dl::Error(tr("the forward noise must have the same shape as the data (%1×%2)")
                            .arg(data.points.rows())
                            .arg(data.points.cols())
                            .toStdString());
    mSteps = comparisonSteps(mInput);
    if (!data.isImage()) {
        mView = diffusionViewBounds(data);
        mForwardKeys = colorKeysFromX(data.points);
        for (const ComparisonPane& pane : mInput.panes)
            mReverseKeys.push_back(pane.reverse && !pane.reverse->empty()
                                       ? colorKeysFromX(pane.reverse->states.back())
                                       : std::vector<float>{});
    }
}

int ComparisonFrames::paneT(int pane, int step) const {
    const ComparisonPane& p = mInput.panes[static_cast<size_t>(pane)];
    return paneTimestep(step, mSteps, p.scheduleFor(mInput.reverse).T());
}

double ComparisonFrames::paneAlphaBar(int pane, int step) const {
    const ComparisonPane& p = mInput.panes[static_cast<size_t>(pane)];
    return p.scheduleFor(mInput.reverse).alphaBar(paneT(pane, step));
}

dl::Batch ComparisonFrames::paneState(int pane, int step, int* shownT) const {
    const ComparisonPane& p = mInput.panes[static_cast<size_t>(pane)];
    const int t = paneT(pane, step);
    if (shownT) *shownT = t;
    if (!mInput.reverse) return dl::noiseToStep(p.schedule, mInput.data->points, t, *mInput.noise);
    if (!p.reverse || p.reverse->empty()) return {};
    dl::ReverseFrame frame = p.reverse->frameAt(t, false);
    if (shownT) *shownT = frame.above;
    return std::move(frame.state);
}

QString ComparisonFrames::caption(int pane, int step) const {
    const ComparisonPane& p = mInput.panes[static_cast<size_t>(pane)];
    const int T = p.scheduleFor(mInput.reverse).T();
    const int t = paneT(pane, step);
    QString where = tr("t = %1 / %2    ᾱₜ = %3").arg(t).arg(T).arg(alphaBarText(paneAlphaBar(pane, step)));
    if (mInput.reverse) {
        if (!p.reverse || p.reverse->empty())
            where += QLatin1Char('\n') + (p.problem.isEmpty() ? tr("not sampled yet") : p.problem);
        else if (const dl::ReverseFrame f = p.reverse->frameAt(t, false); f.above != t)
            where += tr("    (state of t = %1)").arg(f.above);
    }
    return p.label.isEmpty() ? where : p.label + QLatin1Char('\n') + where;
}

Scene ComparisonFrames::scene(int pane, int step) const {
    Scene scene;
    scene.caption = caption(pane, step);
    const dl::Batch x = paneState(pane, step);
    const dl::DataSet& data = *mInput.data;
    if (x.rows() == 0) {
        scene.viewBounds = mView;
        return scene;
    }
    if (data.isImage()) {
        scene.images = x.topRows(std::min<Eigen::Index>(x.rows(), 64));
        scene.imageShape = data.image;
        return scene;
    }
    scene.points = data.norm.toData(x);
    scene.viewBounds = mView;
    const std::vector<float>& keys = mInput.reverse ? mReverseKeys[static_cast<size_t>(pane)] : mForwardKeys;
    if (keys.size() == static_cast<size_t>(x.rows())) scene.colorKeys = keys;
    return scene;
}

void ComparisonFrames::paint(QPainter& painter, const QRectF& target, int step,
                             const RenderOptions& options) const {
    const int n = paneCount();
    for (int i = 0; i < n; ++i) paintScene(painter, comparisonTile(target, n, i), scene(i, step), options);
    // Thin rules between the tiles, so the panes read as separate views.
    painter.save();
    painter.setPen(QPen(QColor(128, 128, 128, 160), 1.0));
    for (int i = 1; i < n; ++i) {
        const QRectF tile = comparisonTile(target, n, i);
        if (tile.left() > target.left() + 0.5) painter.drawLine(tile.topLeft(), tile.bottomLeft());
        if (tile.top() > target.top() + 0.5) painter.drawLine(tile.topLeft(), tile.topRight());
    }
    painter.restore();
}

QImage ComparisonFrames::render(int step, const RenderOptions& options) const {
    const QSize size = options.size.isValid() && !options.size.isEmpty() ? options.size : QSize(800, 400);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        paint(painter, QRectF(QPointF(0, 0), QSizeF(size)), step, options);
    }
    return image.convertToFormat(QImage::Format_ARGB32);
}

}  // namespace dlui
