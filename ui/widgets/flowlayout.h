// A row of controls that wraps onto further lines when it is narrower than they are, as words do in a
// paragraph. The timeline's rows use it: in a normal window each is one line, and with presenter mode's
// doubled type on a narrow projector they go onto two, where one line had set the window's floor wider
// than the screen.
//
//   auto* row = new dlui::FlowLayout;        // no parent: added to a box layout
//   row->addWidget(buttons);                 // each item wraps as a whole
//   row->addWidget(slider);                  // expanding: takes what its line leaves
//   row->addWidget(tField);
//   column->addLayout(row);
//
// Lines are left-aligned and each item is centred in its line's height. An item that expands
// horizontally (a slider) needs only its minimum width to stay on a line and then takes the room the
// line leaves; every other item keeps its preferred width. Hidden items take no room.
#pragma once

#include <QLayout>
#include <QList>

namespace dlui {

class FlowLayout : public QLayout {
public:
    explicit FlowLayout(QWidget* parent = nullptr);
    ~FlowLayout() override;

    void addItem(QLayoutItem* item) override;
    int count() const override;
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;

    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    /// One line: every item side by side.
    QSize sizeHint() const override;
    /// The widest single item: below that nothing wraps any further.
    QSize minimumSize() const override;
    void setGeometry(const QRect& rect) override;

private:
    /// Lays the items out in `rect` (only measuring when `place` is false); the height used.
    int arrange(const QRect& rect, bool place) const;
    int gap() const;

    QList<QLayoutItem*> mItems;
};

}  // namespace dlui
