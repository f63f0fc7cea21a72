#pragma once
// An outage case as an analyst builds it: access logs of three shops (two affected, one the
// control, written by testlib/outagefolder.h), the hand-written multi-site vhost log and the
// datacenter syslog of tests/data/sites/shops, each read by the importer and added to the case.

#include "testlib/outagefolder.h"

#include "ingest/importer.h"
#include "model/casedocument.h"
#include "model/commands.h"

#include <QDir>
#include <QTest>

namespace inquest::testing {

struct ImportedOutage
{
    QMap<QString, QString> files; // site → access log written for it
    QMap<QString, Written> written;
};

inline bool importInto(CaseDocument *doc, const QString &path, int year = 0)
{
    ImportOptions options;
    options.year = year;
    const ImportResult r = importLogFile(path, options);
    if (!r.source)
        return false;
    edit::addSource(doc, *r.source);
    return true;
}

// Writes the logs into `folder` and imports them into `doc`.
inline ImportedOutage importOutage(CaseDocument *doc, const QString &folder)
{
    ImportedOutage out;
    const struct
    {
        const char *site;
        bool affected;
    } shops[] = {{"www.shop.co.uk", true}, {"www.shop.de", true}, {"www.shop.com", false}};
    quint32 seed = 1;
    for (const auto &shop : shops) {
        const QString site = QString::fromLatin1(shop.site);
        const QString path = folder + u'/' + site + QStringLiteral("-access.log");
        out.written[site] = writeAccessLog(path, shop.affected, seed++);
        out.files[site] = path;
        if (!importInto(doc, path))
            qFatal("could not import %s", qPrintable(path));
    }
    const QString shops_ = QStringLiteral(INQUEST_TEST_DATA "/sites/shops/");
    for (const char *name : {"other_vhosts_access.log", "datacenter.syslog"}) {
        const QString copy = folder + u'/' + QLatin1StringView(name);
        QFile::copy(shops_ + QLatin1StringView(name), copy);
        if (!importInto(doc, copy, 2010))
            qFatal("could not import %s", name);
    }
    return out;
}

} // namespace inquest::testing
