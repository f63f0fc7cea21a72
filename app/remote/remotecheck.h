#pragma once

#include "clickhouseclient.h"
#include "columnmapping.h"
#include "querycanceller.h"

#include "model/casedata.h"

#include <memory>

namespace inquest {
class CaseDocument;
}

namespace inquest::remote {

// What adding a remote source asks for (`inquest remote add` and File ▸ Add ClickHouse Source…).
// The password is used for the check and the session only; the case keeps at most the name of
// the environment variable that holds it.
struct RemoteSourceRequest
{
    QUrl url;
    QString table; // DB.TABLE
    QString user = QStringLiteral("default");
    QString password;
    QString passwordEnv;
    ColumnMapping mapping;
    QString name; // empty: the table's name
    int timeoutSeconds = 60;
};

// Form checks before asking the server: an error sentence, empty when the value is fine.
QString checkServerUrl(const QUrl &url);
QString checkTableName(const QString &table);

// What the check found: the source as the case would keep it (id 0), the provenance of every
// query the check ran, the table's sites and a few mapped rows.
struct RemoteCheck
{
    QString error; // empty when the server, table and mapping answered and the mapping has rows
    RemoteSource source;
    QList<RemoteResult> results;
    QStringList sites;
    // µs, site, client, method, path, status, bytes, agent, referer (RemoteSql::preview).
    std::vector<std::vector<QString>> preview;

    bool ok() const { return error.isEmpty(); }
};

// The one check `remote add` and the Connect dialog run: the server (its version), the table
// and time column (sites and spans), every mapped field (`previewRows` rows, and the failure
// condition over the whole table), and rows under the mapping. Blocks; run it off the GUI thread.
RemoteCheck checkRemoteSource(const RemoteSourceRequest &request, int previewRows = 5,
                              std::shared_ptr<QueryCanceller> canceller = {});

// A source of `data` that already reads the same table at the same server with the same mapping.
const RemoteSource *sameRemoteSource(const CaseData &data, const RemoteSource &source);

// Adds a checked source to the case (one undo step) with its custody row; returns its id.
Id addCheckedSource(CaseDocument &doc, const RemoteCheck &check);

} // namespace inquest::remote
