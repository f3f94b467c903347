// The field-overlay request as a plain function of the document (no widgets): which schedule the frame
// uses, when the learned field is drawn or why not, and that the request carries the document's data
// and weights by value, named by the model's generation, never by an address.
#include <QtTest>
#include <memory>

#include "core/data/dataset.h"
#include "core/data/pointgenerators.h"
#include "core/math/rng.h"
#include "core/model/mlp.h"
#include "core/training/trainer.h"
#include "ui/document/labdocument.h"
#include "ui/overlays/fieldoverlayrequest.h"

namespace {

dl::ScheduleParams scheduleParams(int T) {
    dl::ScheduleParams p;
    p.T = T;
    p.betaStart = 1e-3;
    p.betaEnd = 0.2;
    return p;
}

std::shared_ptr<dl::TrainingSnapshot> snapshot(const dl::ScheduleParams& schedule, int dim = 2) {
    auto s = std::make_shared<dl::TrainingSnapshot>();
    s->config.dataDim = dim;
    s->config.hidden = 8;
    s->config.layers = 1;
    s->config.inputFeatures = 4;
    s->config.timeEmbedding = 4;
    s->schedule = schedule;
    s->step = 42;
    s->parameters = Eigen::VectorXf::Zero(dl::Mlp(s->config).parameterCount());
    return s;
}

void setMoons(dlui::LabDocument& doc) {
    dl::Rng rng(1);
    dlui::DataSource source;
    doc.setDataSet(dl::makePointDataSet("moons", dl::generatePoints("moons", 200, rng)), source);
}

const QRectF kBounds(-2, -2, 4, 4);

dlui::FieldOverlaySettings everything() {
    dlui::FieldOverlaySettings s;
    s.learnedArrows = s.exactArrows = s.density = true;
    return s;
}

}  // namespace

class TestFieldOverlayRequest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nothingWithoutSettingsOrBounds() {
        dlui::LabDocument doc;
        setMoons(doc);
        QVERIFY(!dlui::planFieldOverlay(doc, dlui::FieldOverlaySettings{}, 5, false, kBounds).request);
        QVERIFY(!dlui::planFieldOverlay(doc, everything(), 5, false, QRectF()).request);
    }

    void forwardUsesTheEditorsScheduleAndClampsT() {
        dlui::LabDocument doc;
        setMoons(doc);
        QString error;
        QVERIFY(doc.setScheduleParams(scheduleParams(30), &error));
        const auto plan = dlui::planFieldOverlay(doc, everything(), 99, false, kBounds);
        QVERIFY(plan.request);
        QCOMPARE(plan.request->schedule.T(), 30);
        QCOMPARE(plan.request->t, 30);
        QCOMPARE(plan.request->bounds, kBounds);
        QCOMPARE(plan.request->data, doc.dataSet());  // the document's immutable snapshot, shared
        // No model: the learned field is off, and the note says why.
        QVERIFY(!plan.learned);
        QVERIFY(!plan.request->settings.learnedArrows);
        QVERIFY(!plan.request->makeLearned);
        QVERIFY(plan.note.contains(QStringLiteral("No model")));
        QVERIFY(plan.request->settings.exactArrows && plan.request->settings.density);
    }

    void learnedFieldNeedsTheModelsSchedule() {
        dlui::LabDocument doc;
        setMoons(doc);
        QString error;
        QVERIFY(doc.setScheduleParams(scheduleParams(30), &error));
        doc.setModel(snapshot(scheduleParams(30)), dl::Schedule(scheduleParams(30)));
        auto plan = dlui::planFieldOverlay(doc, everything(), 10, false, kBounds);
        QVERIFY(plan.learned);
        QVERIFY(plan.note.isEmpty());
        QVERIFY(plan.request->makeLearned);
        QCOMPARE(plan.modelGeneration, doc.modelGeneration());
        QCOMPARE(plan.request->learnedGeneration, doc.modelGeneration());
        QCOMPARE(plan.modelStep, 42);
        // The predictor is built from the captured weights: ε̂ of a zero network is 0 everywhere.
        dl::Batch eps;
        plan.request->makeLearned()(dl::Batch::Ones(3, 2), 5, eps);
        QCOMPARE(eps.rows(), 3);

        // A new model: a new generation, so the overlay job never reuses the old predictor.
        const std::uint64_t first = plan.modelGeneration;
        doc.setModel(snapshot(scheduleParams(30)), dl::Schedule(scheduleParams(30)));
        QVERIFY(dlui::planFieldOverlay(doc, everything(), 10, false, kBounds).modelGeneration != first);

        // The editor shows another schedule: the forward view's learned field would mix the two.
        QVERIFY(doc.setScheduleParams(scheduleParams(40), &error));
        plan = dlui::planFieldOverlay(doc, everything(), 10, false, kBounds);
        QVERIFY(!plan.learned);
        QVERIFY(plan.note.contains(QStringLiteral("another schedule")));
        QCOMPARE(plan.request->schedule.T(), 40);

        // In reverse, samples drawn with the model's schedule bring it back.
        auto trajectory = std::make_shared<dl::Trajectory>();
        trajectory->timesteps = {30, 0};
        trajectory->states = {dl::Batch::Zero(4, 2), dl::Batch::Zero(4, 2)};
        doc.setSamples(nullptr, trajectory);
        plan = dlui::planFieldOverlay(doc, everything(), 10, true, kBounds);
        QVERIFY(plan.learned);
        QCOMPARE(plan.request->schedule.T(), 30);
        // …but not going forward.
        QVERIFY(!dlui::planFieldOverlay(doc, everything(), 10, false, kBounds).learned);
    }

    void modelOfAnotherDimensionIsHidden() {
        dlui::LabDocument doc;
        setMoons(doc);
        QString error;
        QVERIFY(doc.setScheduleParams(scheduleParams(30), &error));
        doc.setModel(snapshot(scheduleParams(30), 3), dl::Schedule(scheduleParams(30)));
        const auto plan = dlui::planFieldOverlay(doc, everything(), 10, false, kBounds);
        QVERIFY(!plan.learned);
        QVERIFY(plan.note.contains(QStringLiteral("other data")));
    }

    // At t = 0 the overlay job draws nothing (q(x_0) is point masses), so the plan says why, before any
    // reason about the learned field, and with a usable model too; from t = 1 on the note is gone.
    void atTimeZeroTheNoteSaysThereIsNoField() {
        dlui::LabDocument doc;
        setMoons(doc);
        QString error;
        QVERIFY(doc.setScheduleParams(scheduleParams(30), &error));
        QVERIFY(dlui::planFieldOverlay(doc, everything(), 0, false, kBounds)
                    .note.contains(QStringLiteral("t = 0")));
        doc.setModel(snapshot(scheduleParams(30)), dl::Schedule(scheduleParams(30)));
        const auto atZero = dlui::planFieldOverlay(doc, everything(), 0, false, kBounds);
        QVERIFY(atZero.note.contains(QStringLiteral("t = 0")));
        QVERIFY(atZero.learned);
        QVERIFY(dlui::planFieldOverlay(doc, everything(), -3, false, kBounds)
                    .note.contains(QStringLiteral("t = 0")));  // clamped, as the request is
        QVERIFY(dlui::planFieldOverlay(doc, everything(), 1, false, kBounds).note.isEmpty());
    }
};

QTEST_MAIN(TestFieldOverlayRequest)
#include "tst_fieldoverlayrequest.moc"
