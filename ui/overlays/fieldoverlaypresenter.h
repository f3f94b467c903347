// Puts the field overlays on the main view: a scene decorator that draws the latest computed overlay and
// asks the overlay worker for a new one whenever t, the mode, the schedule, the data, the weights or the
// view's bounds differ from what it shows. Until the new one arrives the previous overlay stays up, so
// scrubbing stays smooth.
//
// Which schedule: the forward view's overlays use the editor's schedule (what the points show); in reverse
// mode the schedule the samples were drawn with. The learned field is only drawn when that schedule is
// the model's own: evaluating the network at a t of another schedule would mix the two.
//
//   auto* overlays = new dlui::FieldOverlayPresenter(document);
//   overlays->attach(window.mainView());
//   overlays->setSettings(settings);
#pragma once

#include <QObject>
#include <QString>
#include <cstdint>
#include <functional>
#include <memory>

#include "ui/overlays/fieldoverlay.h"
#include "ui/overlays/fieldoverlaycontroller.h"
#include "ui/view/mainview.h"

namespace dl {
struct TrainingSnapshot;
}

namespace dlui {

class LabDocument;

class FieldOverlayPresenter : public QObject {
    Q_OBJECT
public:
    /// The learned field uses the document's model.
    explicit FieldOverlayPresenter(LabDocument* document, QObject* parent = nullptr);
    ~FieldOverlayPresenter() override;

    /// Adds the decorator to the view (once) and redraws the view when overlays arrive.
    void attach(MainView* view);

    const FieldOverlaySettings& settings() const { return mSettings; }
    void setSettings(const FieldOverlaySettings& settings);

    /// Decorates one frame (the view calls this on every rebuild; it only reads cached results).
    void decorate(Scene& scene, const MainView::Frame& frame);

    /// Why the overlays asked for are not all drawn now (FieldOverlayPlan::note; empty when they are).
    QString fieldNote() const { return mNote; }
    /// The last overlay drawn, if any (tests).
    const std::optional<FieldOverlay>& latest() const { return mController.latest(); }
    FieldOverlayController& controller() { return mController; }

Q_SIGNALS:
    /// A new overlay was computed or the settings changed: views redraw.
    void overlayChanged();
    /// fieldNote() changed.
    void fieldNoteChanged(const QString& note);
    /// Mean relative difference between the learned and exact arrows at the drawn t (NaN when not both);
    /// not sent while a note is up, which it would replace in the panel.
    void learnedErrorChanged(double relativeError, int t);

private:
    /// Keeps the note and tells the panel when it changed.
    void setNote(const QString& note);

    LabDocument* mDocument;
    FieldOverlaySettings mSettings;
    FieldOverlayController mController;
    MainView* mView = nullptr;
    int mDecoratorId = 0;
    QString mNote;
    // What the last request was for, so identical frames do not ask again.
    struct Key {
        int t = -1;
        QRectF bounds;
        std::uint64_t data = 0;  ///< generation of the data set (not its address)
        std::uint64_t model =
            0;  ///< LabDocument::modelGeneration() of the weights; 0 without a learned field
        int modelStep = -1;
        dl::ScheduleParams schedule;
        FieldOverlaySettings settings;
        bool learned = false;
        bool operator==(const Key&) const = default;
    };
    std::optional<Key> mRequested;

    /// A number that changes exactly when the object changes. The weak_ptr keeps the last object's control
    /// block, so a new object at a freed object's address still counts as new.
    template <class T>
    struct Generation {
        std::weak_ptr<const T> last;
        std::uint64_t number = 0;
        std::uint64_t of(const std::shared_ptr<const T>& object) {
            if (object != last.lock()) {
                last = object;
                ++number;
            }
            return number;
        }
    };
    Generation<dl::DataSet> mDataGeneration;
};

}  // namespace dlui
