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

// Evidence resting on a statement: its words, its grades, its stance as ratings per kind
// (accepted when the analyst confirmed the stance, otherwise suggested).
Evidence evidenceFromStatement(const Statement &s, const Source *article);

} // namespace inquest::news
