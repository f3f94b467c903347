// makeSamplingRequest, without widgets: the learned model samples with its own schedule (never the
// editor's), the exact denoiser with the editor's; a missing model or one of another dimension is a clear
// message; x̂_0 is clipped to the data's range; DDIM trail rows stay within the count and 2D data.
#include <QLocale>
#include <QtTest>
#include <memory>

#include "core/math/rng.h"
#include "core/model/mlp.h"
#include "core/sampling/steprecord.h"
#include "core/training/presets.h"
#include "core/training/trainer.h"
#include "ui/document/labdocument.h"
#include "ui/sampling/samplingprepare.h"
#include "ui/sampling/samplingrequest.h"

namespace {

std::shared_ptr<dl::TrainingSnapshot> snapshotWithSchedule(const dl::ScheduleParams& schedule,
                                                           int dataDim = 2) {
    auto snap = std::make_shared<dl::TrainingSnapshot>();
    snap->config = dl::defaultMlpConfig();
    snap->config.dataDim = dataDim;
    snap->schedule = schedule;
    snap->step = 1234;
    dl::Mlp net(snap->config);
    dl::Rng rng(3);
    net.initialise(rng);
    snap->parameters = net.parameters();
    return snap;
}

dl::ScheduleParams linear(int T, double betaEnd) {
    dl::ScheduleParams p;
    p.T = T;
    p.betaStart = 1e-3;
    p.betaEnd = betaEnd;
    return p;
}

}  // namespace

class TestSamplingRequest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void learnedNeedsAModel() {
        dlui::LabDocument doc;
        dlui::SamplingChoices choices;
        QString error;
        QVERIFY(!dlui::makeSamplingRequest(doc, choices, &error));
        QVERIFY2(error.contains(QStringLiteral("no model")), qPrintable(error));
    }

    void learnedUsesTheModelsSchedule() {
        dlui::LabDocument doc;
        QVERIFY(doc.setScheduleParams(linear(40, 0.3)));
        const auto snap = snapshotWithSchedule(linear(90, 0.1));
        doc.setModel(snap, dl::Schedule(snap->schedule));
        dlui::SamplingChoices choices;
        choices.count = 300;
        choices.seed = 77;
        QString error;
        const auto r = dlui::makeSamplingRequest(doc, choices, &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->schedule.params(), snap->schedule);
        QCOMPARE(r->count, 300);
        QCOMPARE(r->seed, std::uint64_t(77));
        QCOMPARE(r->dim, 2);
        QVERIFY(r->makeDenoiser);
        // The step sampled from, grouped as the panel and status bar write it ("1,234", not "1234").
        QVERIFY2(r->label.contains(QStringLiteral("step ") + QLocale().toString(1234)), qPrintable(r->label));
        // Newer weights pushed into the document are what the next request uses.
        auto newer = snapshotWithSchedule(snap->schedule);
        newer->step = 5000;
        doc.updateModel(newer);
        QVERIFY(dlui::makeSamplingRequest(doc, choices, &error)->label.contains(QLocale().toString(5000)));
    }

    void exactUsesTheEditorsSchedule() {
        dlui::LabDocument doc;
        QVERIFY(doc.setScheduleParams(linear(40, 0.3)));
        const auto snap = snapshotWithSchedule(linear(90, 0.1));
        doc.setModel(snap, dl::Schedule(snap->schedule));
        dlui::SamplingChoices choices;
        choices.learned = false;
        QString error;
        const auto r = dlui::makeSamplingRequest(doc, choices, &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->schedule.params(), doc.schedule().params());
    }

    void modelOfAnotherDimensionIsRefused() {
        dlui::LabDocument doc;
        const auto snap = snapshotWithSchedule(linear(50, 0.2), 3);
        doc.setModel(snap, dl::Schedule(snap->schedule));
        QString error;
        QVERIFY(!dlui::makeSamplingRequest(doc, {}, &error));
        QVERIFY2(error.contains(QStringLiteral("dimension 3")), qPrintable(error));
    }

    void clipsToTheDataRangeAndCapsTrailRows() {
        dlui::LabDocument doc;
        dlui::SamplingChoices choices;
        choices.learned = false;
        choices.params.clipX0 = true;
        choices.count = 20;
        choices.ddimTrailRows = 48;
        QString error;
        const auto r = dlui::makeSamplingRequest(doc, choices, &error);
        QVERIFY2(r, qPrintable(error));
        const dl::Batch& x = doc.dataSet()->points;
        QCOMPARE(r->params.clipMin.size(), Eigen::Index(2));
        // The data's own range, widened by a margin: wider than the data, far narrower than unclipped.
        for (int c = 0; c < 2; ++c) {
            QVERIFY(r->params.clipMin(c) < x.col(c).minCoeff() && r->params.clipMax(c) > x.col(c).maxCoeff());
            QVERIFY(r->params.clipMax(c) - r->params.clipMin(c) <
                    2 * (x.col(c).maxCoeff() - x.col(c).minCoeff()));
        }
        QCOMPARE(r->ddimTrailRows, 20);  // never more rows than points
    }

    void badSamplerSettingsAreRefused() {
        dlui::LabDocument doc;
        dlui::SamplingChoices choices;
        choices.learned = false;
        choices.params.steps = 100000;  // more steps than T
        QString error;
        QVERIFY(!dlui::makeSamplingRequest(doc, choices, &error));
        QVERIFY(!error.isEmpty());
    }

    // Sampling the same model again reuses its denoiser (building one takes 11–20 ms of a 0.2 s chain); a
    // new snapshot or another precision builds a new one, and a cached denoiser answers as a fresh one.
    void sameModelReusesItsDenoiser() {
        dlui::LabDocument doc;
        const auto first = snapshotWithSchedule(linear(60, 0.2));
        doc.setModel(first, dl::Schedule(first->schedule));
        dlui::SamplingChoices choices;
        choices.precision = dl::ProductPrecision::Float32;
        choices.denoiserCache = std::make_shared<dlui::LearnedDenoiserCache>();
        QString error;
        const auto denoiserNow = [&] {
            const auto r = dlui::makeSamplingRequest(doc, choices, &error);
            return r ? r->makeDenoiser() : dl::Denoiser{};
        };
        const dl::Denoiser a = denoiserNow();
        const dl::Denoiser b = denoiserNow();
        QCOMPARE(choices.denoiserCache->buildCount(), 1);
        QVERIFY(a.epsilon && b.epsilon);

        dl::Batch xt(700, 2);  // more rows than one thread takes: the cached pool is used too
        dl::Rng rng(8);
        rng.fillNormal(xt);
        dl::Batch fromCache, fresh;
        b.epsilon(xt, 17, fromCache);
        dl::makeModelDenoiser(first->config, first->parameters, dl::Schedule(first->schedule), 1)
            .epsilon(xt, 17, fresh);
        QVERIFY((fromCache - fresh).cwiseAbs().maxCoeff() < 1e-5f);

        if (dl::fastestProductPrecision() != dl::ProductPrecision::Float32) {
            choices.precision = dl::fastestProductPrecision();
            denoiserNow();
            QCOMPARE(choices.denoiserCache->buildCount(), 2);
            choices.precision = dl::ProductPrecision::Float32;
        }
        const int builds = choices.denoiserCache->buildCount();
        const auto second = snapshotWithSchedule(linear(60, 0.2));  // equal values, another snapshot
        doc.setModel(second, dl::Schedule(second->schedule));
        denoiserNow();
        QCOMPARE(choices.denoiserCache->buildCount(), builds + 1);
        denoiserNow();
        QCOMPARE(choices.denoiserCache->buildCount(), builds + 1);
    }

    // What a run allocates, in closed form: 2,000 2D points over K = 150 steps keep 152 states of 16,000
    // bytes (x_T … x_0 and the last pair) and six 2,000×2 float batches per step for the inspector.
    void runBytesInClosedForm() {
        dlui::SamplingRequest r;
        r.count = 2000;
        r.dim = 2;
        r.schedule = dl::Schedule(linear(150, 0.2));
        r.params.trajectoryStride = 1;
        r.params.stepRecordRows = dl::leadingRowsWithin(2000, 150, 2, dl::kStepRecordBytes);
        QCOMPARE(r.params.stepRecordRows.size(), std::size_t{2000});
        QCOMPARE(dlui::samplingRunBytes(r), std::size_t{16000} * 152 + std::size_t{16000} * 6 * 150);
        r.params.steps = 50;  // K steps, not T
        r.params.stepRecordRows.clear();
        QCOMPARE(dlui::samplingRunBytes(r), std::size_t{16000} * 52);
        r.params.trajectoryStride = 0;  // no trajectory: the current pair of states
        QCOMPARE(dlui::samplingRunBytes(r), std::size_t{16000} * 2);
    }

    // Preparing builds the denoiser the run then takes from the cache.
    void preparationBuildsTheDenoiserTheRunUses() {
        dlui::LabDocument doc;
        const auto model = snapshotWithSchedule(linear(60, 0.2));
        doc.setModel(model, dl::Schedule(model->schedule));
        dlui::SamplingChoices choices;
        choices.denoiserCache = std::make_shared<dlui::LearnedDenoiserCache>();
        QString error;
        const auto r = dlui::makeSamplingRequest(doc, choices, &error);
        QVERIFY2(r, qPrintable(error));
        dlui::prepareSampling(*r);
        QCOMPARE(choices.denoiserCache->buildCount(), 1);
        QVERIFY(r->makeDenoiser().epsilon);
        QCOMPARE(choices.denoiserCache->buildCount(), 1);
    }
};

QTEST_MAIN(TestSamplingRequest)
#include "tst_samplingrequest.moc"
