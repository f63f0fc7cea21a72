#pragma once

#include "casedata.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace inquest {

class CaseDocument;

// The one rule for what a site is. An access-log event belongs to its virtual host when its
// line names one, else to its source's site: what the analyst set, else the host name its file
// is named after. System logs (severities, no HTTP statuses) are not sites: each of their
// events belongs to its own host. The analyst's renames and merges (two names mapped to one)
// apply to every site name, and are kept in CaseMeta::viewSettings["siteNames"] ({"from": "to"}).

// The site a log file is named after: "www.shop.co.uk-access.log" → "www.shop.co.uk",
// "shop.de.access.log.gz" → "shop.de"; the file name when it names no host ("access.log").
QString siteFromFileName(const QString &path);
// "www.example.com:443" → "www.example.com".
QString withoutPort(const QString &host);

// Most events carry an HTTP status.
bool isAccessLog(const Source &source);
// Not an access log, and most events carry a severity or a message: its hosts are machines.
bool isSystemLog(const Source &source);

class SiteRule
{
public:
    SiteRule() = default;
    explicit SiteRule(QHash<QString, QString> renames);
    static SiteRule of(const CaseMeta &meta);

    // A site name after the analyst's renames and merges.
    QString name(const QString &site) const;
    // The site of a source's rows that name no host ("" for a system log or an article).
    QString sourceSite(const Source &source) const;
    // Whether a source's events name hosts (system log) rather than sites.
    bool namesHosts(const Source &source) const { return isSystemLog(source); }
    // The site of one event of a log source, or for a system log its host.
    QString eventName(const Source &source, uint32_t row) const;
    // The same from a host string id of the source's table (0 = no host in the line).
    QString hostName(const Source &source, bool systemLog, uint32_t hostId) const;
    // The same for a table whose source's site (sourceSite(), or for a system log the name of
    // its rows without a host) is already known.
    QString hostName(const EventTable &table, const QString &sourceSite, bool systemLog, uint32_t hostId) const;

    // Every site of the case's log sources (system-log hosts left out), sorted.
    QStringList sites(const QList<Source> &sources) const;

    const QHash<QString, QString> &renames() const { return m_renames; }

private:
    QHash<QString, QString> m_renames;
};

namespace edit {
// Renames a site (or merges it into another when `to` is already a site); undoable. An empty
// `to` undoes an earlier rename of `from`.
void renameSite(CaseDocument *doc, const QString &from, const QString &to);
} // namespace edit

} // namespace inquest
