#pragma once

#include "model/casedata.h"

#include <optional>

namespace inquest::scenario {

// The reference incident as a case: the generated logs of five storefronts and of the
// European datacenter (written to logDirectory), a short article written for the demo with the
// statements of the company, the activists and the leak site in our own words, and hypotheses
// of every kind. Detectors are not run here (the caller decides). Deterministic for a seed.
std::optional<CaseData> buildDemoCase(const QString &logDirectory, QString *error, uint64_t seed = 20101212);

// The demo article and its statements (offsets point into the text).
QString demoArticleText();
QList<Statement> demoStatements(const QString &articleText);

} // namespace inquest::scenario
