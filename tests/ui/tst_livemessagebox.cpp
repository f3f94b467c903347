// keepMessageTextCurrent: an open question shows its new text, and its buttons stay where they were on the
// screen when the text grows or shrinks (the question on closing moved them when a run ended behind it).
#include <QAbstractButton>
#include <QMessageBox>
#include <QtTest>

#include "ui/widgets/livemessagebox.h"

class TestLiveMessageBox : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void textFollowsAndButtonsStay();
};

namespace {

QMap<QString, QPoint> buttonPlaces(const QMessageBox& box) {
    QMap<QString, QPoint> places;
    for (const QAbstractButton* b : box.buttons()) places.insert(b->text(), b->mapToGlobal(QPoint()));
    return places;
}

}  // namespace

void TestLiveMessageBox::textFollowsAndButtonsStay() {
    QWidget parent;
    parent.resize(1000, 700);
    parent.show();
    QVERIFY(QTest::qWaitForWindowExposed(&parent));
    const QString shortText = QStringLiteral("Quit now?");
    const QString longText =
        shortText + QStringLiteral(
                        "\n\nTraining is running and will be stopped.\nThe model so far will be "
                        "lost unless it is saved to a file.\nSave model… does that.\nOne more "
                        "line.\nAnd one more.");
    QString current = shortText;
    QMessageBox box(QMessageBox::Question, QStringLiteral("Quit"), current, QMessageBox::Cancel, &parent);
    box.addButton(QStringLiteral("Save model…"), QMessageBox::ActionRole);
    box.addButton(QStringLiteral("Quit"), QMessageBox::AcceptRole);
    dlui::keepMessageTextCurrent(box, [&] { return current; });
    box.show();
    QVERIFY(QTest::qWaitForWindowExposed(&box));
    const QMap<QString, QPoint> first = buttonPlaces(box);
    QCOMPARE(first.size(), 3);
    for (const QString& text : {longText, shortText}) {
        current = text;
        QTRY_COMPARE(box.text(), text);
        QApplication::processEvents();
        const QMap<QString, QPoint> now = buttonPlaces(box);
        for (auto it = first.cbegin(); it != first.cend(); ++it)
            QVERIFY2(now.value(it.key()) == it.value(),
                     qPrintable(QStringLiteral("\"%1\" moved from (%2, %3) to (%4, %5) with %6 lines")
                                    .arg(it.key())
                                    .arg(it.value().x())
                                    .arg(it.value().y())
                                    .arg(now.value(it.key()).x())
                                    .arg(now.value(it.key()).y())
                                    .arg(text.count(QLatin1Char('\n')) + 1)));
    }
    // The long text is shown whole: the box grew for it.
    current = longText;
    QTRY_COMPARE(box.text(), longText);
    QVERIFY(box.height() >= box.sizeHint().height());
}

QTEST_MAIN(TestLiveMessageBox)
#include "tst_livemessagebox.moc"
