#pragma once

class QWidget;

namespace inquest {

// Lets remote::RemotePasswords ask the person for a remote source's password when a case with
// one is opened and the password is first needed (a password field; never stored).
void installRemotePasswordPrompt(QWidget *parent);

} // namespace inquest
