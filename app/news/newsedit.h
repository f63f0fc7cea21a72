#pragma once

#include "model/evidence.h"
#include "model/source.h"
#include "model/statement.h"

#include <optional>
#include <utility>

namespace inquest::news {

// The analyst's reshaping of extracted statements. Pure functions: the dock pushes the results
// as undo commands (edit::replaceStatements).

// Splits a statement at character `at` of its article (strictly inside its span). Each part
// keeps the speaker and grades, gets its own words, times that fall in it, and a fresh stance
// suggestion (unconfirmed).
std::optional<std::pair<Statement, Statement>> splitStatement(const Statement &s, const Source &article, qint64 at);

// Joins statements of one article into one spanning all of them (first speaker wins; the worst
// grades are kept: a merge cannot make a claim more reliable). Needs at least two statements.
std::optional<Statement> mergeStatements(QList<Statement> list, const Source &article);

// A statement made by hand from a selection of the article text: attribution, times and stance
// suggested as for extracted ones.
Statement statementFromSelection(const Source &article, qint64 offset, qint64 length);

// Evidence resting on a statement: its words, its grades, its stance as ratings per kind. Always
// suggested: a statement is a claim, and only the analyst's acceptance makes it count in the
// scores (a confirmed stance says what the speaker claims, not that the claim is true).
Evidence evidenceFromStatement(const Statement &s, const Source *article);

// Whether the speaker's organisation runs one of the case's sites ("Amazon" and
// www.amazon.co.uk): a party speaking about its own outage. It knows its systems and speaks in its
// own interest, so its statements start graded B3 (usually reliable source, information possibly
// true) rather than F6 (cannot be judged); the analyst can change the grade.
bool speaksForAffectedParty(const Statement &s, const QStringList &sites);
constexpr QChar AffectedPartyReliability = u'B';
constexpr int AffectedPartyCredibility = 3;

// The reliability a statement starts with when its organisation is inferred (organisationBasis
// set), from the `reliability` its organisation would give it: one step less reliable (B -> C),
// since the words may not be that organisation's at all. E and F stay (F is "cannot be judged",
// no grade below E).
QChar inferredReliability(QChar reliability);
// What the grade of a statement with an inferred organisation owes to the guess, for reasons and
// tooltips; empty when the organisation is written or the grade has no step to lose.
QString inferredGradeNote(const Statement &s);

} // namespace inquest::news
