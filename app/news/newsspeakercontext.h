#pragma once

#include "newsattribution.h"

#include <QStringView>

// The words around a speaker phrase that say more about who speaks, and the word tests the
// attribution shares with them. Internal to app/news (newsattribution.cpp).
namespace inquest::news::speakercontext {

// Capitalised words that start sentences or qualify roles but name no organisation.
bool isGenericWord(QStringView word);
// What QString::section(u' ', 0, 0) gives, without a copy: up to the first space.
QStringView firstOf(QStringView s);
// End of the last clause boundary in `pre` (its start, ", ", "; ", ": " or a conjunction and white
// space); 0 when there is none.
qsizetype lastBoundaryEnd(QStringView pre);

// "The council's IT manager, Peter Shaw, said": a name whose role and organisation stand before
// it between commas takes them. `whoStart` is where the name begins in `text`.
Attribution withRoleBefore(QStringView text, qsizetype whoStart, Attribution a);
// "Jana Petrov, Skyrelay's vice president, said", "Vikram Shah, a partner at Shah Iyer, put it
// bluntly:": a role phrase `who` (at whoStart in `text`) after a person's name and a comma is that
// person's. Sets *nameStart to where the name begins.
Attribution withNameBefore(QStringView text, qsizetype whoStart, QStringView who, Attribution a, qsizetype *nameStart);
// "When we spoke to Hearthlink's head of engineering, Dana Whitcomb, on Thursday, she explained":
// "he" or "she" after a person named with a role earlier in the sentence is that person.
Attribution personNamedBefore(QStringView before);

} // namespace inquest::news::speakercontext
