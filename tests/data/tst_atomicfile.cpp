// Atomic writes: the file appears whole, replaces an old one, and a failure leaves nothing behind.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "core/data/atomicfile.h"
#include "core/math/error.h"

class TestAtomicFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesAndReplaces();
    void failureIsAnError();
};

void TestAtomicFile::writesAndReplaces() {
    QTemporaryDir dir;
    const QString path = dir.filePath("a.txt");
    dl::writeFileAtomically(path.toStdString(), "first");
    dl::writeFileAtomically(path.toStdString(), "second");
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("second"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);  // no temporary file left
}

void TestAtomicFile::failureIsAnError() {
    QTemporaryDir dir;
    QVERIFY_THROWS_EXCEPTION(
        dl::Error, dl::writeFileAtomically(dir.filePath("no/such/folder/a.txt").toStdString(), "x"));
    QVERIFY_THROWS_EXCEPTION(dl::Error, dl::writeFileAtomically(dir.path().toStdString() + "/", "x"));
}

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
