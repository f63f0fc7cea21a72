#pragma once

#include <QStringList>
#include <QTextStream>

#include "cli.h"

#include "model/casedata.h"

namespace inquest::cli {

// One function per headless command; args exclude the program and command names.
int newCase(const QStringList &args, QTextStream &out, QTextStream &err);
int importNews(const QStringList &args, QTextStream &out, QTextStream &err);
int statements(const QStringList &args, QTextStream &out, QTextStream &err);
int verify(const QStringList &args, QTextStream &out, QTextStream &err);
int score(const QStringList &args, QTextStream &out, QTextStream &err);
int evidence(const QStringList &args, QTextStream &out, QTextStream &err);
int hypotheses(const QStringList &args, QTextStream &out, QTextStream &err);
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
int curve(const QStringList &args, QTextStream &out, QTextStream &err);
int mark(const QStringList &args, QTextStream &out, QTextStream &err);
int newEvidence(const QStringList &args, QTextStream &out, QTextStream &err);

class CommandLine;
// `series --curve NAME` or `series --filter EXPR [--agg AGG]`: a user curve's values per bin
// (widthUs 0 = chosen from the span), written as `series` writes a metric.
int curveSeriesOutput(const CommandLine &cl, const CaseData &data, int64_t widthUs, QTextStream &out, QTextStream &err);
int remoteSources(const QStringList &args, QTextStream &out, QTextStream &err);
// `evidence CASE --accept/--reject/--suggest/--remove/--rate/--grade/--relevance …`: the analyst's
// decisions, checked and saved (evidencedecisions.cpp); `evidence` then lists the items.
int changeEvidence(const CommandLine &cl, QTextStream &err);
// `statements CASE --confirm/--reject-stance/--stance/--grade/--remove …` likewise.
int changeStatements(const CommandLine &cl, QTextStream &err);

} // namespace inquest::cli
