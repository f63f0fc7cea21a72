#pragma once

#include "model/casedata.h"

#include <optional>

namespace inquest::scenario {

// The demo's files, as an analyst would receive them: the generated logs of five storefronts
// and of the European datacenter, and a short article written for the demo (in our own words)
// with a "Published:"/"Outlet:" header. Nothing here reads them back: the demo imports them
// through the importer, the news extractor and the detectors (cli/democommand).
struct DemoFiles
{
    QStringList logs;
    QString article;
};

// Writes the reference incident's logs into logDirectory and the article to articlePath.
// Deterministic for a seed. Returns nullopt and sets *error when a file cannot be written.
std::optional<DemoFiles> writeDemoFiles(const QString &logDirectory, const QString &articlePath, QString *error,
                                        uint64_t seed = 20101212);

// The case before anything is imported: title, description and hypotheses of every kind.
CaseData emptyDemoCase();

// The demo article's text, as written to its file.
QString demoArticleText();

} // namespace inquest::scenario
