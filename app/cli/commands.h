#pragma once

#include <QStringList>
#include <QTextStream>

#include "cli.h"

namespace inquest::cli {

// One function per headless command; args exclude the program and command names.
int newCase(const QStringList &args, QTextStream &out, QTextStream &err);
int importNews(const QStringList &args, QTextStream &out, QTextStream &err);
int statements(const QStringList &args, QTextStream &out, QTextStream &err);
int verify(const QStringList &args, QTextStream &out, QTextStream &err);
int score(const QStringList &args, QTextStream &out, QTextStream &err);
int evidence(const QStringList &args, QTextStream &out, QTextStream &err);
int importLogs(const QStringList &args, QTextStream &out, QTextStream &err);
int formats(const QStringList &args, QTextStream &out, QTextStream &err);
int bench(const QStringList &args, QTextStream &out, QTextStream &err);
int report(const QStringList &args, QTextStream &out, QTextStream &err);
int series(const QStringList &args, QTextStream &out, QTextStream &err);
int analyze(const QStringList &args, QTextStream &out, QTextStream &err);
int events(const QStringList &args, QTextStream &out, QTextStream &err);
int demo(const QStringList &args, QTextStream &out, QTextStream &err);
int caseProperties(const QStringList &args, QTextStream &out, QTextStream &err);
int source(const QStringList &args, QTextStream &out, QTextStream &err);
int sites(const QStringList &args, QTextStream &out, QTextStream &err);
int remoteSources(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace inquest::cli
