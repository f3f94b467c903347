// FlowLayout: one line when there is room, whole items onto further lines when there is not, the
// expanding item taking its line's leftover room, and a height for each width that the lines need.
#include <QSlider>
#include <QtTest>

#include "ui/widgets/flowlayout.h"

namespace {

/// A control of a fixed preferred size, as a check box or a combo box is.
QWidget* box(QWidget* parent, int width, int height) {
    auto* w = new QWidget(parent);
    w->setFixedSize(width, height);
    return w;
}

}  // namespace

class TestFlowLayout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneLineWhenThereIsRoom() {
        QWidget row;
        auto* flow = new dlui::FlowLayout(&row);
        flow->setContentsMargins(0, 0, 0, 0);
        flow->setSpacing(10);
        QWidget* a = box(&row, 100, 20);
        QWidget* b = box(&row, 60, 30);
        flow->addWidget(a);
        flow->addWidget(b);
        QCOMPARE(flow->sizeHint(), QSize(170, 30));
        QCOMPARE(flow->minimumSize(), QSize(100, 30));  // the widest item
        flow->setGeometry(QRect(0, 0, 170, 30));
        QCOMPARE(a->geometry(), QRect(0, 5, 100, 20));  // centred in the line's height
        QCOMPARE(b->geometry(), QRect(110, 0, 60, 30));
        QCOMPARE(flow->heightForWidth(170), 30);
    }

    void wrapsWholeItems() {
        QWidget row;
        auto* flow = new dlui::FlowLayout(&row);
        flow->setContentsMargins(2, 3, 2, 3);
        flow->setSpacing(10);
        QWidget* a = box(&row, 100, 20);
        QWidget* b = box(&row, 60, 20);
        QWidget* c = box(&row, 50, 20);
        for (QWidget* w : {a, b, c}) flow->addWidget(w);
        // 2 + 100 + 10 + 60 + 2 = 174 holds a and b; c goes onto a second line, 5 px (half the spacing)
        // lower.
        flow->setGeometry(QRect(0, 0, 174, 100));
        QCOMPARE(a->pos(), QPoint(2, 3));
        QCOMPARE(b->pos(), QPoint(112, 3));
        QCOMPARE(c->pos(), QPoint(2, 28));
        QCOMPARE(flow->heightForWidth(174), 3 + 20 + 5 + 20 + 3);
        QVERIFY(flow->heightForWidth(400) < flow->heightForWidth(174));
        QCOMPARE(flow->heightForWidth(104), 3 + 3 * 20 + 2 * 5 + 3);  // one item a line
    }

    void hiddenItemsTakeNoRoom() {
        QWidget row;
        auto* flow = new dlui::FlowLayout(&row);
        flow->setContentsMargins(0, 0, 0, 0);
        flow->setSpacing(10);
        QWidget* a = box(&row, 100, 20);
        QWidget* hidden = box(&row, 500, 20);
        QWidget* b = box(&row, 60, 20);
        for (QWidget* w : {a, hidden, b}) flow->addWidget(w);
        hidden->hide();
        QCOMPARE(flow->sizeHint().width(), 170);
        QCOMPARE(flow->minimumSize().width(), 100);
    }

    void theExpandingItemTakesWhatItsLineLeaves() {
        QWidget row;
        auto* flow = new dlui::FlowLayout(&row);
        flow->setContentsMargins(0, 0, 0, 0);
        flow->setSpacing(10);
        QWidget* buttons = box(&row, 100, 20);
        auto* slider = new QSlider(Qt::Horizontal, &row);
        slider->setMinimumWidth(80);
        QWidget* field = box(&row, 50, 20);
        for (QWidget* w : {buttons, static_cast<QWidget*>(slider), field}) flow->addWidget(w);
        QCOMPARE(flow->expandingDirections(), Qt::Horizontal);
        // Room for all three: the slider gets everything the others do not use.
        flow->setGeometry(QRect(0, 0, 400, 40));
        QCOMPARE(slider->x(), 110);
        QCOMPARE(slider->width(), 400 - 100 - 50 - 20);
        QCOMPARE(field->x(), 400 - 50);
        QCOMPARE(field->y(), buttons->y());
        // Less than all three need at the slider's minimum: the field goes onto the next line and the
        // slider keeps the rest of the first.
        flow->setGeometry(QRect(0, 0, 230, 60));
        QCOMPARE(slider->width(), 230 - 100 - 10);
        QVERIFY(field->y() > buttons->y());
        QCOMPARE(field->x(), 0);
        // Never narrower than its minimum while the line has room for it.
        QCOMPARE(flow->minimumSize().width(), 100);
    }
};

QTEST_MAIN(TestFlowLayout)
#include "tst_flowlayout.moc"
