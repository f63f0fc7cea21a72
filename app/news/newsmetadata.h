#pragma once

#include "newsextractor.h"

#include "model/source.h"
#include "model/statement.h"

#include <QDate>
#include <QTime>

#include <optional>

namespace inquest {
class CaseDocument;

namespace news {

// What the analyst can correct about an imported article after the import.
struct ArticleMetadata
{
    QString title;
    QString outlet;
    QString url;
    QDate published;     // the reference date of the article's relative and year-less times
    QTime publishedTime; // invalid: not known
    QString timeZone;    // of publication, and of clock times that state none: "", "UTC", "+01:00", "Europe/London"

    static ArticleMetadata of(const Source &article);
    bool operator==(const ArticleMetadata &) const = default;
};

// The publication instant in µs UTC, when date, time and a known zone (empty = UTC) are set.
std::optional<qint64> publicationInstant(const Source &article);

// A statement's times after the article's reference date or zone changed. Times found in the
// text (offset >= 0) and not set by hand take their resolution in `textTimes` (findTimes over
// the whole article with the new date and zone) and are dropped when they no longer resolve; times set by
// hand or not from the text are kept. With `addUnresolved` (the old date was unknown, so
// relative and year-less phrases were skipped at import) the times of the statement's
// sentences that are missing are added, as the extractor would have attached them.
QList<TimeRef> reresolveTimes(const Statement &s, const QList<TimeRef> &textTimes, const QList<Span> &sentences,
                              bool addUnresolved);

// Applies `meta` to article `sourceId` as one undo step. When the publication date or zone
// changes, the article's statements get their times re-resolved in the same step. Returns false and
// changes nothing when the article does not exist or the zone is not understood (*error says
// why). Nothing is pushed when nothing changes.
bool setArticleMetadata(CaseDocument *doc, Id sourceId, const ArticleMetadata &meta, QString *error);

// A time as the analyst types it in the statements table: "2010-12-12 21:45Z",
// "2010-12-12T21:45:00+01:00", "2010-12-12 21:15–21:45Z", "2010-12-12 20:00Z / 2010-12-13 01:00Z",
// "2010-12-12" (that day), a leading "~" for approximate. A time that states no zone ("Z", "UTC"
// or "+01:00") is read in `zone` (the workbench's display zone: an IANA id or "UTC"); with
// `dayOf` (µs UTC), a clock time without a date ("22:45", "21:15–21:45") is on the date `dayOf`
// has in that zone. The result is marked manual, with no phrase or offset. nullopt when it
// cannot be read, the zone is unknown, or it ends before it begins.
std::optional<TimeRef> parseTimeInput(QStringView text, const QByteArray &zone = "UTC",
                                      std::optional<qint64> dayOf = std::nullopt);

// Sets a statement's main (first) time by hand: it keeps the phrase and offset it corrects and
// is marked manual, so a later change of the article's date leaves it alone. An empty `text`
// removes every time. Returns false for input parseTimeInput cannot read (`zone` as there; the
// date of a bare clock time is that of the time it corrects, else the article's). Typing back
// the time it already has changes nothing (it stays as read, not "set by hand").
bool setStatementTime(CaseDocument *doc, Id statementId, const QString &text, const QByteArray &zone = "UTC");

} // namespace news
} // namespace inquest
