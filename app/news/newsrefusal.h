#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace inquest::news {

// What an article import takes, and why it refuses what it does not: a file is no article when
// it is too large for one, is not text, or is text but not prose (a log, a table, a dump). The
// reasons are sentences for the user, without the file's name (the caller adds it).
constexpr qint64 MaxArticleBytes = 8 << 20;      // a long article page with its scripts is well under
constexpr qsizetype MaxArticleStatements = 1500; // a long article has a few hundred at most

// A file of `bytes` is too large for an article: the reason, else empty.
QString refuseSize(qint64 bytes);
// Before decoding: too large, or bytes that are not text (NULs, many control bytes).
QString refuseBytes(const QByteArray &raw);
// After decoding and markup removal: text that is not prose.
QString refuseText(QStringView text);
// After extraction: more statements than an article holds.
QString refuseStatementCount(qsizetype count);

} // namespace inquest::news
