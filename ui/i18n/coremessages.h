// The numeric core's messages (dl::Error texts, validation problems) in the window's language.
//
// core/ stays plain C++ and speaks English (the CLI prints it as is). Where such a message reaches the
// window, it goes through coreMessage(): a table of the core's message forms, each marked for
// translation with QT_TRANSLATE_NOOP in the context "dl::CoreMessage", with %1, %2 … where the core
// fills in names and numbers. A message matching a form is shown in the translated form with the same
// values (a nested message — "cannot save model: <problem>" — is translated in turn); one no form
// matches is shown as the core wrote it.
//
//   } catch (const std::exception& e) {
//       Q_EMIT failed(dlui::coreMessage(e.what()));
//   }
#pragma once

#include <QString>
#include <string>

namespace dlui {

QString coreMessage(const std::string& message);
QString coreMessage(const QString& message);
QString coreMessage(const char* message);  // e.what()

/// A message that starts a sentence in the window (a message box, an error line), from the core's
/// lower-case form: "cannot create the folder …" → "Cannot create the folder …".
QString asSentence(QString message);

}  // namespace dlui
