#pragma once

#include "model/source.h"
#include "model/statement.h"

#include <QDate>
#include <QStringList>
#include <QTime>

#include <optional>

namespace inquest {
class CaseDocument;

namespace news {

// What the analyst says about an article; each set field overrides what the file says.
struct NewsImportOptions
{
    QDate published;
    QString outlet;
    QString title;
    QTime publishedTime; // with `published`: the time of publication, in timeZone
    QString timeZone;    // of publication ("Europe/Berlin", "+01:00"); zone-less clock times are read in it
};

// One article ready to go into a case: its Source (kind Article) and its statements
// (sourceId still 0; addNewsImport links them).
struct NewsImport
{
    Source source;
    QList<Statement> statements;
    QStringList warnings;
    QString refusal; // why this is no article (newsrefusal.h); then nothing was extracted
};

// The publication as `inquest import-news` takes it: `published` is "2010-12-13",
// "2010-12-13T09:00[:00]" (wall time in `zone`, else UTC) or "2010-12-13T09:00+01:00" / "…Z"
// (an instant: shown in `zone` when one is given, else the offset written becomes the zone);
// `zone` is "", "UTC", an offset or an IANA name. An empty `published` sets the zone alone (the
// file's own date stays). Returns false with *error when either cannot be read.
bool setPublication(NewsImportOptions *options, const QString &published, const QString &zone, QString *error);

// Reads and parses an article file. Fails (nullopt, *error names the file) when it cannot be
// read, is empty, has no text after markup is removed, or is refused (newsrefusal.h: too large,
// not text, not prose, too many statements).
std::optional<NewsImport> importNewsFile(const QString &path, const NewsImportOptions &options, QString *error);
// The same for bytes already in memory (a paste or a drop); `path` is recorded as given and
// its suffix picks the format ("clipboard.txt", "clipboard.html"). A refused article comes back
// with `refusal` set and no statements.
NewsImport importNewsData(const QByteArray &raw, const QString &path, const NewsImportOptions &options);

// Adds the article and its statements as one undoable step and writes a custody row.
// Statements from an organisation the analyst has already graded start with that reliability.
// Returns the source id.
Id addNewsImport(CaseDocument *doc, NewsImport import);

} // namespace news
} // namespace inquest
