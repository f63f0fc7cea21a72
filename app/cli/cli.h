#pragma once

#include <QStringList>
#include <QTextStream>

namespace inquest::cli {

enum ExitCode { Success = 0, BadInput = 1, Usage = 2 };

// True when args (without the program name) name a headless command rather than the GUI.
bool isCommand(const QStringList &args);
// True when the command draws (report, demo) and so needs a QGuiApplication.
bool needsGui(const QStringList &args);
// Runs a headless command; args exclude the program name. Output on out, messages on err.
int run(const QStringList &args, QTextStream &out, QTextStream &err);
QString helpText();
QString versionText();

} // namespace inquest::cli
