#pragma once

#include <QStringList>
#include <QStringView>

namespace inquest {

// Where a file dropped on the main window goes: the log Import dialog or the article import.
enum class DropTarget { Logs, Article };

// By name first: .html/.htm/.xhtml/.md/.markdown are articles; .txt/.text/.log and names
// without an extension are articles only when no log reader recognises the start of the file
// (as the log import would sniff it) and it reads like prose; anything else is a log (the
// Import dialog says so when it cannot read one). Reads at most the first 64 KB.
DropTarget classifyDroppedFile(const QString &path);

struct DropRouting
{
    QStringList logs;
    QStringList articles;
};
// Splits a drop into its logs and its articles, each in drop order. Folders count as logs.
DropRouting routeDroppedFiles(const QStringList &paths);

// Whether a sample of text reads like written sentences rather than records: mostly letters,
// enough common English function words, few lines that open like a log record (a digit, a
// bracket, a brace, "<13>", a month and day).
bool looksLikeProse(QStringView text);

} // namespace inquest
