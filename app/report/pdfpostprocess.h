#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace inquest::pdf {

// Qt 6.4's QPdfWriter stamps /CreationDate with the current local time and has no API for
// the author, the subject or an outline. These edits fill the gaps on the finished bytes.

// Replaces the /CreationDate string in place with `time` (UTC), keeping its length so every
// byte offset in the cross-reference table stays valid. False if no date string was found.
bool setCreationDate(QByteArray &pdf, const QDateTime &time);

struct OutlineEntry
{
    QString title;
    int page = 0;     // 0-based
    double topPt = 0; // distance from the top of the page, in points
};

struct DocumentInfo
{
    QString title;
    QString author;
    QString subject;
    QString creator;
    QString producer;
    QDateTime created;
};

// Appends an incremental update (PDF 1.4 section 3.4.5): a new Info dictionary with the
// author and subject, and an outline (bookmarks) with one entry per section, linked from a
// rewritten catalog. The original objects are left untouched. Returns an error or nullopt.
std::optional<QString> appendInfoAndOutline(QByteArray &pdf, const DocumentInfo &info,
                                            const QList<OutlineEntry> &outline, double pageHeightPt);

// "D:YYYYMMDDHHmmSSZ"
QByteArray pdfDate(const QDateTime &time);

} // namespace inquest::pdf
