#pragma once

#include "clickhouseclient.h"

#include "model/casedata.h"

namespace inquest::remote {

// Loads a case's access-log events (as Inquest's readers parsed them) into a ClickHouse table
// of the standard shape (columnmapping.h), so that logs which are still files can be analysed
// on a cluster. Rows go in blocks of `block` through the given table (a Distributed table
// spreads them over its shards). Sites are the case's (model/sites). Returns the rows loaded,
// or -1 with `error` set; a failure part way leaves the blocks already sent in the table.
qint64 loadAccessEvents(const CaseData &data, ClickHouseClient &client, const QString &table, QString *error,
                        std::size_t block = 500'000);

// One TabSeparated field with ClickHouse's escapes.
void appendTsvField(QByteArray &out, std::string_view text);

} // namespace inquest::remote
