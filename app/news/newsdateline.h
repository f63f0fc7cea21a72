#pragma once

#include <QString>
#include <QStringView>

namespace inquest::news {

// The dateline a news-wire story opens its first paragraph with: "NEW YORK (AP) — ",
// "TOKYO, Oct 2 — ", "LONDON, June 14 (Reuters) - ", "July 17 (Wire) - ". Its date is the day
// the story was filed, not a time of the events, and the agency in brackets is the outlet
// reporting them.
struct Dateline
{
    qsizetype begin = -1; // the span of the whole dateline, dash and space included
    qsizetype end = -1;
    QString outlet; // the agency in brackets, when written
    bool found() const { return begin >= 0; }
};

// The dateline at the start of the article's first body paragraph (after the metadata lines,
// newsarticle.h), if it has one.
Dateline findDateline(QStringView text);

} // namespace inquest::news
