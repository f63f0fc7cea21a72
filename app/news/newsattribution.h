#pragma once

#include <QString>
#include <QStringView>

namespace inquest::news {

// Who said something, as far as the words around it tell.
struct Attribution
{
    QString speaker;           // "a spokeswoman", "Amazon", "John Smith", "one message"
    QString role;              // "spokeswoman", "statement", "activists"
    QString organisation;      // "Amazon"; empty when not named
    QString organisationBasis; // why the organisation is inferred; empty when the phrase names it
    bool anaphoric = false;    // "the group", "she", "the company": resolved from context later
    QString anaphorNoun;       // "exchange" for "the exchange" or "the exchange's director", when one says
    bool found = false;
};

// A speaker phrase: "a spokeswoman for Amazon", "an Amazon spokeswoman", "Amazon spokesman John
// Smith", "John Smith, a spokesman for WikiLeaks", "a statement which appeared to be sent from
// Anonymous", "activists calling themselves Anonymous", "WikiLeaks", "the group", "she".
Attribution parseSpeaker(QStringView phrase);

// The attribution of a direct quote from the words that follow it up to the end of its sentence
// (", a spokeswoman for Amazon told Reuters.", " said one message …", " read a statement …").
Attribution attributionAfter(QStringView after);
// … or from the words that lead up to it ("A spokeswoman told Reuters: ", "According to X, ").
Attribution attributionBefore(QStringView before);

// Reported speech in a sentence without a direct quote: "Amazon is blaming the outage on …",
// "WikiLeaks has said it …", "Later, a statement from Anonymous said …". Sets *clauseStart to
// where the reported words begin.
Attribution reportedSpeech(QStringView sentence, qsizetype *clauseStart = nullptr);

} // namespace inquest::news
