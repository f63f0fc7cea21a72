#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace inquest::news {

// How well the extractor does on a folder of hand-written articles, each ARTICLE.{txt,html,md}
// beside an answer sidecar ARTICLE.json:
//   {"patterns": [..], "title": "..", "url": "..", "published": "YYYY-MM-DD",
//    "statements": [{"pattern": "zone-dual", "quote": "words the row's quote contains",
//                    "speaker": "Name|alternative", "organisation": "Org|alternative",
//                    "times": ["…Z", "begin…Z/end…Z"], "note": "words a time's note contains",
//                    "stance": {"ddos": "against", "hardware": "for"}}],
//    "noise": ["words no row may contain"]}
// The article is imported as a file is (importNewsData, no options), so its metadata lines and
// markup are read the way a user's would be.
struct PatternScore
{
    int expected = 0;       // statements the sidecars list
    int found = 0;          // … that some row's quote contains
    int partyRight = 0;     // … found with the speaker and organisation listed
    int timesExpected = 0;  // times listed on found statements
    int timesRight = 0;     // … among the row's times
    int timesWrong = 0;     // row times not listed, on statements whose times are listed
    int notesExpected = 0;  // notes listed on found statements
    int notesRight = 0;     // … in one of the row's time notes
    int stanceExpected = 0; // kinds with a listed polarity on found statements
    int stanceRight = 0;    // … suggested with that polarity
    int stanceWrong = 0;    // … suggested with the opposite polarity

    void add(const PatternScore &o);
};

struct AccuracyReport
{
    QMap<QString, PatternScore> patterns; // by the pattern each listed statement names
    PatternScore total;
    int articles = 0;
    int rows = 0;           // statements extracted
    int realRows = 0;       // … that are a listed statement with the listed party
    int noiseRows = 0;      // … that contain a sidecar's noise words
    int metadataChecks = 0; // title, url and date listed
    int metadataRight = 0;
    QStringList misses; // one line per miss: "FILE: what"
};

// Reads every sidecar in `dir`; a sidecar that cannot be read or names no article is a miss
// with the reason (and *error is set when the folder holds none).
AccuracyReport scoreArticleFolder(const QString &dir, QString *error);

// A table per pattern and the targets, for `inquest bench news-patterns DIR`.
QString formatAccuracy(const AccuracyReport &report, bool listMisses);

} // namespace inquest::news
