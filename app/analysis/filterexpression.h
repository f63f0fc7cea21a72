#pragma once

#include "eventfilter.h"

namespace inquest {

// The timeline's event filter as one line of text, for user curves, evidence and the CLI:
// space-separated `key:value` terms, all of which must match (AND); words without a key are
// the text filter. Values with spaces are quoted ("text:\"disk full\"").
//   site:www.shop.de      the event's site (model/sites)
//   status:5xx,503        classes and codes, as the filter bar takes them
//   method:POST,PUT       HTTP methods
//   path:/checkout        exactly this path
//   client:10.1.0.0/16    exactly this client, or an address block
//   host:db1              exactly this host column
//   text:timeout          substring of path, client, agent, message or host (case-insensitive)
// Returns false with a message naming the term it could not read.
bool parseFilterExpression(const QString &text, EventFilter *filter, QString *error);
// The expression for a filter (sources, severities and the time range are left out).
QString filterExpression(const EventFilter &filter);

} // namespace inquest
