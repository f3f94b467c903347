// The numeric core's message forms, in English as core/ writes them, each marked for translation in the
// context "dl::CoreMessage" with %1, %2 … where core/ puts a value. coreMessage() matches a message
// against them; the test that scans core/ for its messages checks that each has a form.
//
//   for (const char* form : dlui::coreMessageForms())
//       qDebug() << QCoreApplication::translate("dl::CoreMessage", form);
#pragma once

#include <span>

namespace dlui {

std::span<const char* const> coreMessageForms();

}  // namespace dlui
