#include "ui/widgets/discardkey.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QMessageBox>

namespace dlui {

namespace {

// A named translation context, so lupdate files the text where tr() looks it up.
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(dlui::DiscardKey)
};

}  // namespace

void giveDiscardItsAccessKey(QMessageBox& box) {
    if (QAbstractButton* discard = box.button(QMessageBox::Discard)) discard->setText(Texts::tr("&Discard"));
}

}  // namespace dlui
