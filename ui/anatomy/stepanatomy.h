// The anatomy of one reverse step, on the main view: Run → Step mode (key A) switches to the reverse view
// with one state per sampler step, so → and ← (the timeline's own keys) move exactly one reverse step; for
// the picked point (or, with none picked, the first few recorded points) arrows show x_t → x̂_0, the mean
// μ_θ and the noise σ_t z that lands the point at x_{t−1}, with a legend. The Explain dock's point section
// carries the same numbers (ui/explain/reversepoint.h). Whether or not step mode is on, the point the
// inspector picked is ringed and its whole path drawn, in the forward and the reverse view.
//
//   auto* anatomy = new dlui::StepAnatomy(window);   // adds the action to the Run menu
//   anatomy->action()->trigger();
#pragma once

#include <QObject>
#include <QPointer>
#include <vector>

class QAction;

namespace dlui {

class MainView;
class MainWindow;
struct Scene;

class StepAnatomy : public QObject {
    Q_OBJECT
public:
    /// Points given arrows when none is picked.
    static constexpr int kDefaultPoints = 4;

    explicit StepAnatomy(MainWindow* window);
    ~StepAnatomy() override;

    /// Run → Step mode (checkable, key A), object name "stepModeAction".
    QAction* action() const { return mAction; }
    bool isOn() const;
    /// The sample rows that get arrows now: the picked point when it was recorded, else the first few.
    std::vector<int> arrowRows() const;

private:
    void setOn(bool on);
    int pickedRow() const;
    void decorate(Scene& scene, int t, bool reverse, bool markovChain);

    MainWindow* mWindow;
    QAction* mAction;
    QPointer<MainView> mView;
    int mDecorator = 0;
    bool mSmoothBefore = false;
};

}  // namespace dlui
