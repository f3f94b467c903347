// Model files for the document, without widgets (ui/document/modelfiles.h): what is written reads back
// into the document with its weights, schedule and path; a file for data of another dimension or a
// damaged file is refused with a message and leaves the document's model as it was.
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "core/math/rng.h"
#include "core/training/presets.h"
#include "core/training/trainer.h"
#include "ui/document/labdocument.h"
#include "ui/document/modelfiles.h"
#include "ui/sampling/samplingrequest.h"

namespace {

dl::ModelFile trainedOn(const dl::DataSet& data) {
    dl::Rng rng(5);
    dl::ScheduleParams sp;
    sp.T = 30;
    sp.betaEnd = 0.2;
    dl::TrainerConfig tc = dl::defaultTrainerConfig();
    tc.steps = 3;
    tc.batchSize = 32;
    tc.threads = 1;
    dl::Trainer trainer(data, dl::Schedule(sp), dl::defaultMlpConfig(), tc);
    for (int i = 0; i < 3; ++i) trainer.step();
    return dl::modelFileFromTrainer(trainer, rng);
}

dl::ModelFile trainedFile(int dim) {
    dl::Rng rng(5);
    dl::DataSet data;
    data.name = "random";
    data.points.resize(256, dim);
    rng.fillNormal(data.points);
    data.norm.offset = dl::VectorF::Zero(dim);
    return trainedOn(data);
}

}  // namespace

class TestModelFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesAndReadsBackIntoTheDocument() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.dlmodel"));
        const dl::ModelFile file = trainedFile(2);
        dlui::LabDocument writer;
        QString error;
        QVERIFY2(dlui::writeModelFile(writer, file, path, &error), qPrintable(error));
        QCOMPARE(writer.modelPath(), path);

        dlui::LabDocument doc;  // 2D moons by default
        const std::uint64_t generation = doc.modelGeneration();
        const auto read = dlui::readModelFileFor(doc, path, &error);
        QVERIFY2(read, qPrintable(error));
        dlui::installModelFile(doc, *read, path);
        QVERIFY(doc.hasModel());
        QVERIFY(doc.modelGeneration() != generation);
        QCOMPARE(doc.modelPath(), path);
        QCOMPARE(doc.modelSchedule()->params(), file.schedule);
        QCOMPARE(doc.model()->step, 3);
        QVERIFY(doc.model()->parameters == file.emaParameters);  // samples with the EMA weights
        QCOMPARE(doc.model()->lossHistory.size(), std::size_t(3));
    }

    // A session names its model's file. Saved before the model was, the session on disk named none, yet
    // once the model was saved the title showed the session as saved; the next start brought the model
    // back from the remembered session while the file still lacked it. A model saved to a new file is an
    // edit of the session; the same file again is not.
    void savingTheModelToANewFileIsAnEditOfTheSession() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.dlmodel"));
        QString error;
        dlui::LabDocument doc;
        dlui::installModelFile(doc, trainedFile(2), dir.filePath(QStringLiteral("first.dlmodel")));
        doc.setModified(false);  // as after Save session
        QVERIFY2(dlui::writeModelFile(doc, trainedFile(2), path, &error), qPrintable(error));
        QVERIFY(doc.isModified());
        doc.setModified(false);
        QVERIFY2(dlui::writeModelFile(doc, trainedFile(2), path, &error), qPrintable(error));
        QVERIFY(!doc.isModified());
    }

    // A model file says what it was trained on (its data set's name and normalisation); the window's data
    // at load time may be others. The window took the data of the moment for the model's: loaded over
    // points near (500, −300), a moons model's samples were drawn there, cut flat by those data's range,
    // and its weights exported with their offset and scale; no "trained on other data" was said.
    void aLoadedModelIsOfTheDataItsFileNames() {
        dlui::LabDocument doc;  // 2D moons by default
        QVERIFY(doc.dataSet());
        dlui::installModelFile(doc, trainedOn(*doc.dataSet()), QStringLiteral("moons.dlmodel"));
        QVERIFY(doc.modelMatchesData());
        QVERIFY(doc.modelSharesDataCoordinates());
        dlui::SamplingChoices choices;
        choices.count = 10;
        QString error;
        QVERIFY2(dlui::makeSamplingRequest(doc, choices, &error), qPrintable(error));

        dl::DataSet far = *doc.dataSet();
        far.name = "csv:/data/far.csv";
        far.norm.offset << 500.0f, -300.0f;
        far.norm.scale = 70.0f;
        const dl::ModelFile farModel = trainedOn(far);
        dlui::installModelFile(doc, farModel, QStringLiteral("far.dlmodel"));
        QVERIFY(!doc.modelMatchesData());
        QVERIFY(!doc.modelSharesDataCoordinates());
        QCOMPARE(doc.describeModelData(), QStringLiteral("csv:/data/far.csv"));
        QVERIFY(doc.modelNormalisation().offset.isApprox(farModel.normalisation.offset));
        QCOMPARE(doc.modelNormalisation().scale, 70.0f);
        QVERIFY(!dlui::makeSamplingRequest(doc, choices, &error));
        QVERIFY2(error.contains(QStringLiteral("other data")), qPrintable(error));
        choices.learned = false;  // the exact denoiser of the window's data still samples
        QVERIFY2(dlui::makeSamplingRequest(doc, choices, &error), qPrintable(error));
    }

    void otherDimensionIsRefused() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m3.dlmodel"));
        dlui::LabDocument doc;
        QString error;
        QVERIFY(dlui::writeModelFile(doc, trainedFile(3), path, &error));
        bool wrongDimension = false;
        QVERIFY(!dlui::readModelFileFor(doc, path, &error, &wrongDimension));
        QVERIFY(wrongDimension);
        QVERIFY2(error.contains(QStringLiteral("dimension 3")), qPrintable(error));
        QVERIFY(!doc.hasModel());
    }

    void damagedFileIsRefused() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.dlmodel"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a model");
        f.close();
        dlui::LabDocument doc;
        QString error;
        bool wrongDimension = true;
        QVERIFY(!dlui::readModelFileFor(doc, path, &error, &wrongDimension));
        QVERIFY(!wrongDimension);
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestModelFiles)
#include "tst_modelfiles.moc"
