// The field-overlay worker's cache keys the learned predictor on the weights' generation number: a new
// generation builds a new predictor even when everything else is equal (a freed snapshot's address can
// come back for the next one, so an address would not do), the same generation reuses it, 0 never does.
#include <QtTest>
#include <memory>

#include "core/math/schedule.h"
#include "ui/overlays/fieldoverlay.h"

class TestFieldOverlayCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void learnedPredictorFollowsTheGeneration() {
        dl::ScheduleParams p;
        p.T = 20;
        int built = 0;
        dlui::FieldOverlayRequest request;
        request.schedule = dl::Schedule(p);
        request.makeLearned = [&built] {
            ++built;
            return dl::EpsilonPredictor([](const dl::Batch& x, int, dl::Batch& out) { out = x; });
        };
        dlui::FieldOverlayCache cache;
        request.learnedGeneration = 1;
        cache.learned(request);
        cache.learned(request);
        QCOMPARE(built, 1);
        request.learnedGeneration = 2;
        cache.learned(request);
        QCOMPARE(built, 2);
        request.learnedGeneration = 0;  // unnamed weights: never reused
        cache.learned(request);
        cache.learned(request);
        QCOMPARE(built, 4);
    }
};

QTEST_MAIN(TestFieldOverlayCache)
#include "tst_fieldoverlay_cache.moc"
