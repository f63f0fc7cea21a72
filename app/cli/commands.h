#pragma once

#include <QStringList>
#include <QTextStream>

#include "cli.h"

namespace inquest::cli {

// One function per headless command; args exclude the program and command names.
int newCase(const QStringList &args, QTextStream &out, QTextStream &err);
int verify(const QStringList &args, QTextStream &out, QTextStream &err);
int analyze(const QStringList &args, QTextStream &out, QTextStream &err);
int demo(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace inquest::cli
