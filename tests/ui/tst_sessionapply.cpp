// Applying a session to the document without widgets (ui/document/sessionapply.h), and the view state the
// document keeps (ui/document/viewstate.h): the schedule, the pinned schedule and the view land in the
// document; other data are handed back to be loaded and t and the noise seed wait for them; an invalid
// schedule leaves the document untouched; captureSession gives the session back.
#include <QSignalSpy>
#include <QtTest>

#include "ui/document/labdocument.h"
#include "ui/document/session.h"
#include "ui/document/sessionapply.h"
#include "ui/document/viewstate.h"

namespace {

dlui::Session sessionFor(const dlui::LabDocument& doc) {
    dlui::Session s;
    s.source = doc.dataSource();
    s.schedule.kind = dl::ScheduleKind::Cosine;
    s.schedule.T = 200;
    s.view.t = 120;
    s.view.mode = dlui::ViewMode::Forward;
    s.view.markovChain = true;
    s.view.speed = 50.0;
    s.view.loop = true;
    s.view.noiseSeed = 99;
    dl::ScheduleParams pinned;
    pinned.T = 50;
    s.view.pinnedSchedule = pinned;
    s.modelPath = QStringLiteral("/tmp/model.dlm");
    return s;
}

}  // namespace

class TestSessionApply : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameDataAppliesEverythingAtOnce() {
        dlui::LabDocument doc;
        const dlui::Session session = sessionFor(doc);
        QString error;
        const auto applied = dlui::applySessionToDocument(doc, session, &error);
        QVERIFY2(applied, qPrintable(error));
        QVERIFY(!applied->dataToLoad);
        QCOMPARE(doc.schedule().params(), session.schedule);
        QVERIFY(doc.pinnedSchedule());
        QCOMPARE(doc.pinnedSchedule()->T(), 50);
        QCOMPARE(doc.viewState().markovChain, true);
        QCOMPARE(doc.viewState().speed, 50.0);
        QCOMPARE(doc.viewState().loop, true);
        QCOMPARE(doc.noiseSeed(), std::uint64_t(99));
        QCOMPARE(doc.modelPath(), session.modelPath);
        // t needs a range that holds it: the window sets the maximum from the schedule; here, by hand.
        dlui::ViewState v = doc.viewState();
        v.maximum = 200;
        doc.setViewState(v);
        dlui::applySessionView(doc, session.view);
        QCOMPARE(doc.viewState().t, 120);
        QCOMPARE(dlui::captureSession(doc), session);
    }

    void otherDataWaitForTheLoader() {
        dlui::LabDocument doc;
        dlui::Session session = sessionFor(doc);
        session.source.shape = QStringLiteral("swissroll");
        const std::uint64_t seedBefore = doc.noiseSeed();
        QString error;
        const auto applied = dlui::applySessionToDocument(doc, session, &error);
        QVERIFY2(applied, qPrintable(error));
        QVERIFY(applied->dataToLoad);
        QCOMPARE(*applied->dataToLoad, session.source);
        QCOMPARE(doc.noiseSeed(), seedBefore);  // the seed belongs to the data still to come
        QCOMPARE(doc.schedule().params(), session.schedule);
    }

    void anInvalidScheduleLeavesTheDocumentUntouched() {
        dlui::LabDocument doc;
        const dl::ScheduleParams before = doc.schedule().params();
        const dlui::ViewState viewBefore = doc.viewState();
        dlui::Session session = sessionFor(doc);
        session.schedule.T = 0;  // no timesteps
        session.view.mode = dlui::ViewMode::Reverse;
        QString error;
        QVERIFY(!dlui::applySessionToDocument(doc, session, &error));
        QVERIFY2(error.contains(QStringLiteral("invalid schedule")), qPrintable(error));
        QCOMPARE(doc.schedule().params(), before);
        QCOMPARE(doc.viewState(), viewBefore);
        QVERIFY(!doc.pinnedSchedule());
    }

    void viewStateIsNormalised() {
        dlui::LabDocument doc;
        QSignalSpy changed(&doc, &dlui::LabDocument::viewStateChanged);
        dlui::ViewState v;
        v.maximum = 0;  // at least 1
        v.t = 7;        // clamped to the maximum
        v.speed = 0.0;
        v.rateFactor = 100.0;
        doc.setViewState(v);
        QCOMPARE(doc.viewState().maximum, 1);
        QCOMPARE(doc.viewState().t, 1);
        QCOMPARE(doc.viewState().speed, dlui::ViewState::kMinSpeed);
        QCOMPARE(doc.viewState().rateFactor, dlui::ViewState::kMaxRateFactor);
        QCOMPARE(changed.count(), 1);
        doc.setViewState(doc.viewState());  // no change, no signal
        QCOMPARE(changed.count(), 1);
        // Reverse with stops: t lands on the stop whose state is shown there (the smallest stop ≥ t).
        v = doc.viewState();
        v.maximum = 100;
        v.mode = dlui::ViewMode::Reverse;
        v.reverseStops = {100, 0, 50, 50};
        v.t = 30;
        doc.setViewState(v);
        QCOMPARE(doc.viewState().reverseStops, (std::vector<int>{0, 50, 100}));
        QCOMPARE(doc.viewState().t, 50);
        v = doc.viewState();
        v.smoothReverse = true;  // smooth playback: every t
        v.t = 30;
        doc.setViewState(v);
        QCOMPARE(doc.viewState().t, 30);
    }
};

QTEST_MAIN(TestSessionApply)
#include "tst_sessionapply.moc"
