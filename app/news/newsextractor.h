#pragma once

#include "model/statement.h"

#include <QDate>
#include <QList>
#include <QStringList>
#include <QStringView>

namespace inquest::news {

struct Span
{
    qsizetype begin = 0;
    qsizetype end = 0;
    qsizetype size() const { return end - begin; }
};

// Sentences by ICU's sentence BreakIterator (English abbreviations suppressed, initials and
// "a.m." kept inside), after line breaks inside a paragraph that continue a sentence were joined:
// a blank line, or a line break after a line that ends in no letter or comma (headlines,
// "Published: …" lines), always ends one.
QList<Span> splitSentences(QStringView text);

// Direct quotes, as the span of the quoted words (marks excluded). Understands “curly” and
// "straight" double quotes, ‘single’ quotes used as outer quotes, nested quotes (kept inside),
// and quotes spanning paragraphs (each new paragraph reopens the quote; only the last closes it).
// A quote left open at the end of a paragraph that is not continued ends there.
QList<Span> findQuotes(QStringView text);

struct ExtractOptions
{
    QDate published;
    QString outlet;   // speaker of the article's own reporting sentences
    QString timeZone; // of publication: clock times that state no zone are read in it (findTimes)
    // When set, gets one line per time phrase found but given no time, with the reason
    // ("line 12: “this afternoon” gives no time: in a quote, counted from …").
    QStringList *warnings = nullptr;
};

// Statements in an article's text: direct quotes with their attribution, reported speech, and
// the outlet's own dated reports of the outage. Each has its offsets in `text`, the time
// expressions of its sentence(s) resolved against the publication date and zone, and a stance suggestion
// (unconfirmed). Pronouns and "the group"/"the company" take the organisation of the statement
// before. Grades start at F6 (cannot be judged).
QList<Statement> extractStatements(QStringView text, const ExtractOptions &options);

} // namespace inquest::news
