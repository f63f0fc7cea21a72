#pragma once

#include "newsattribution.h"

#include <QList>
#include <QStringView>

namespace inquest::news {

// A speaker's attribution and where its statement begins, in text order.
struct PartyAt
{
    qsizetype offset = 0;
    Attribution *who = nullptr;
};

// A surname alone ("Okafor added") names the person introduced earlier in full ("Gridlink's
// operations director Samuel Okafor"): the speaker becomes the full name and takes that person's
// organisation, never the surname itself. A full name said elsewhere with an organisation lends
// it to statements that lack one. Unresolved single names are left as they are.
void resolvePeople(QStringView text, const QList<PartyAt> &parties);

// An embedded social-media post: the paragraph before a signature line "— Name (@handle) Date".
struct EmbeddedPost
{
    qsizetype begin = 0; // the post's words
    qsizetype end = 0;
    qsizetype lineEnd = 0; // end of the signature line
    QString author;        // "Northmoor Hosting"
    QString handle;        // "northmoorhost"
};
QList<EmbeddedPost> findEmbeddedPosts(QStringView text);

// Organisations the article names outside any attribution: a name with a possessive role
// ("Playnet's head of operations", "Kaito Exchange's president"), a name after a descriptor
// ("cloud provider Stratacloud", "regional carrier Prairie Telecom"), a name with a descriptive
// apposition ("Cinder, the messaging app"), and the name a headline opens with when the body
// names it again ("Vantage Air grounds flights …"). They resolve "the company" and "the airline"
// and tell a two-word organisation from a person.
QStringList organisationsNamed(QStringView text);

} // namespace inquest::news
