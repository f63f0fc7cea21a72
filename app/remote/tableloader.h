#pragma once

#include "clickhouseclient.h"
#include "querycanceller.h"

#include "model/casedata.h"

#include <functional>
#include <memory>

namespace inquest::remote {

// Progress and cancel of a load running off the GUI thread (remote/tableloadjob). `report` is
// called after each block with the rows sent and the rows to send; a cancel stops the block
// being sent (KILL QUERY) and sends no more.
struct LoadControl
{
    std::function<void(qint64 done, qint64 total)> report;
    std::shared_ptr<QueryCanceller> canceller;
};

// Loads a case's access-log events (as Inquest's readers parsed them) into a ClickHouse table
// of the standard shape (columnmapping.h), so that logs which are still files can be analysed
// on a cluster. Rows go in blocks of `block` through the given table (a Distributed table
// spreads them over its shards). Sites are the case's (model/sites). Returns the rows loaded,
// or -1 with `error` set; a failure part way leaves the blocks already sent in the table.
qint64 loadAccessEvents(const CaseData &data, ClickHouseClient &client, const QString &table, QString *error,
                        std::size_t block = 500'000, const LoadControl &control = {});
// The access-log events a load of `data` sends.
qint64 loadableEvents(const CaseData &data);
// The case with only the sources `ids` (every source when empty): what a load of chosen sources
// reads (`inquest remote load --source`, the Load dialog's list). Sites keep the case's names.
CaseData withSources(const CaseData &data, const QList<Id> &ids);

// One TabSeparated field with ClickHouse's escapes.
void appendTsvField(QByteArray &out, std::string_view text);

} // namespace inquest::remote
