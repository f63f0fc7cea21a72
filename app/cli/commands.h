#pragma once

#include <QStringList>
#include <QTextStream>

#include "cli.h"

namespace inquest::cli {

// One function per headless command; args exclude the program and command names.
int newCase(const QStringList &args, QTextStream &out, QTextStream &err);
int verify(const QStringList &args, QTextStream &out, QTextStream &err);
int series(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace inquest::cli
