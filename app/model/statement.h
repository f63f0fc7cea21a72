#pragma once

#include "kinds.h"
#include "timeref.h"

#include <QList>
#include <QMap>
#include <QStringList>

namespace inquest {

// A claim made by someone, found in an article or entered by hand.
struct Statement
{
    Id id = 0;
    Id sourceId = 0;    // the article (a Source of kind Article); 0 when entered by hand
    qint64 offset = -1; // character offset of the quote in the article text
    qint64 length = 0;

    QString speaker;      // "a spokeswoman", "Kristinn Hrafnsson"
    QString role;         // "spokeswoman"
    QString organisation; // "Amazon"
    // Why the organisation is a guess, when it is not written beside the words ("the
    // organisation last named before the statement"); empty when written there or set by hand.
    QString organisationBasis;
    QString quote;      // the words, as quoted or reported
    bool direct = true; // a direct quote, or reported speech

    QList<TimeRef> times;
    QMap<HypothesisKind, Rating> stance; // suggested (or confirmed) stance toward kinds
    QStringList stanceTriggers;          // the words that triggered the suggestion
    bool stanceConfirmed = false;

    QChar reliability = u'F';
    int credibility = 6;

    bool operator==(const Statement &) const = default;
};

} // namespace inquest
