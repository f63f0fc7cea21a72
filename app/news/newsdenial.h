#pragma once

#include "model/statement.h"

#include <QList>

namespace inquest::news {

// Whether a statement's words deny what was said before them without naming it: "that was not
// the case", "this is untrue", "the claims were false". Such words carry no trigger of their own.
bool deniesWhatCameBefore(QStringView words);

// A statement with no stance of its own that denies what came before it takes the opposite of
// the stance of the statement just before it (in the sentence before: `statements` in text
// order, within `maxGap` characters): a suspected DDoS denied is evidence against a DDoS. Its
// triggers say so.
void stanceFromDenials(QList<Statement> &statements, qint64 maxGap = 400);

} // namespace inquest::news
