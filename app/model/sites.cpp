#include "sites.h"

#include "commands.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUndoStack>

#include <algorithm>
#include <set>

namespace inquest {

namespace {

const QString SiteNamesKey = QStringLiteral("siteNames");

// Rows looked at to class a source: enough for a stable majority, cheap on millions of rows.
constexpr std::size_t Sample = 1000;

bool looksLikeHostName(const QString &text)
{
    static const QRegularExpression host(
        QStringLiteral("^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]$"));
    return host.match(text).hasMatch();
}

} // namespace

QString siteFromFileName(const QString &path)
{
    const QString file = QFileInfo(path).fileName();
    QString stem = file;
    // Compression, rotation ("access.log.1", "access.log-20101212") and the log suffix.
    static const QRegularExpression suffixes(
        QStringLiteral("(?:\\.(?:gz|bz2|xz|zst|z))?(?:[.-]\\d+)?(?:\\.(?:gz|bz2|xz|zst))?$"),
        QRegularExpression::CaseInsensitiveOption);
    stem.remove(suffixes);
    static const QRegularExpression kind(
        QStringLiteral("(?:[._-](?:ssl[._-])?(?:access|error|requests?|http|https|web))?(?:[._-](?:log|txt|json|"
                       "jsonl|csv))?$"),
        QRegularExpression::CaseInsensitiveOption);
    stem.remove(kind);
    return looksLikeHostName(stem) ? stem : file;
}

QString withoutPort(const QString &host)
{
    const qsizetype colon = host.lastIndexOf(u':');
    if (colon > 0 && !host.contains(u']') && host.count(u':') == 1)
        return host.left(colon);
    return host;
}

bool isAccessLog(const Source &source)
{
    if (source.kind != SourceKind::Log || !source.table || source.table->empty())
        return false;
    const EventTable &t = *source.table;
    const std::size_t sample = std::min(t.size(), Sample);
    std::size_t withStatus = 0;
    for (std::size_t i = 0; i < sample; ++i)
        withStatus += t.status[i] != 0;
    return withStatus * 2 > sample;
}

bool isSystemLog(const Source &source)
{
    if (source.kind != SourceKind::Log || !source.table || source.table->empty() || isAccessLog(source))
        return false;
    const EventTable &t = *source.table;
    const std::size_t sample = std::min(t.size(), Sample);
    std::size_t withSeverity = 0, withMessage = 0;
    for (std::size_t i = 0; i < sample; ++i) {
        withSeverity += t.severity[i] != NoSeverity;
        withMessage += t.message[i] != 0;
    }
    return withSeverity * 2 > sample || withMessage * 2 > sample;
}

SiteRule::SiteRule(QHash<QString, QString> renames)
    : m_renames(std::move(renames))
{
}

SiteRule SiteRule::of(const CaseMeta &meta)
{
    QHash<QString, QString> renames;
    const QJsonObject map = meta.viewSettings.value(SiteNamesKey).toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (it.value().isString() && !it.value().toString().isEmpty())
            renames.insert(it.key(), it.value().toString());
    }
    return SiteRule(std::move(renames));
}

QString SiteRule::name(const QString &site) const
{
    QString current = site;
    // Renames may chain (a → b, then b → c); a bound stops a cycle a case file could hold.
    for (int hop = 0; hop < 16; ++hop) {
        const auto it = m_renames.constFind(current);
        if (it == m_renames.constEnd() || *it == current)
            break;
        current = *it;
    }
    return current;
}

QString SiteRule::sourceSite(const Source &source) const
{
    if (source.kind != SourceKind::Log || isSystemLog(source))
        return {};
    return name(source.site.isEmpty() ? siteFromFileName(source.path) : source.site);
}

QString SiteRule::hostName(const Source &source, bool systemLog, uint32_t hostId) const
{
    const QString whole = systemLog ? QFileInfo(source.path).fileName()
                                    : name(source.site.isEmpty() ? siteFromFileName(source.path) : source.site);
    return hostName(*source.table, whole, systemLog, hostId);
}

QString SiteRule::hostName(const EventTable &table, const QString &sourceSite, bool systemLog, uint32_t hostId) const
{
    if (hostId == 0)
        return sourceSite;
    const QString host = QString::fromUtf8(table.strings.bytes(hostId));
    return systemLog ? host : name(withoutPort(host));
}

QString SiteRule::eventName(const Source &source, uint32_t row) const
{
    return hostName(source, isSystemLog(source), source.table->host[row]);
}

QStringList SiteRule::sites(const QList<Source> &sources) const
{
    std::set<QString> names;
    for (const Source &s : sources) {
        if (s.kind != SourceKind::Log || !s.table || s.table->empty() || isSystemLog(s))
            continue;
        std::vector<bool> seen(s.table->strings.size(), false);
        for (uint32_t id : s.table->host) {
            if (!seen[id]) {
                seen[id] = true;
                names.insert(hostName(s, false, id));
            }
        }
    }
    return QStringList(names.begin(), names.end());
}

namespace edit {

void renameSite(CaseDocument *doc, const QString &from, const QString &to)
{
    if (from.isEmpty() || from == to)
        return;
    QJsonObject view = doc->meta().viewSettings;
    QJsonObject map = view.value(SiteNamesKey).toObject();
    if (to.isEmpty())
        map.remove(from);
    else
        map.insert(from, to);
    if (map.isEmpty())
        view.remove(SiteNamesKey);
    else
        view.insert(SiteNamesKey, map);
    const QString text = to.isEmpty()
                             ? QCoreApplication::translate("inquest::commands", "Restore site name %1").arg(from)
                             : QCoreApplication::translate("inquest::commands", "Rename site %1 to %2").arg(from, to);
    // Its own undo step: a macro never merges with the view edits around it.
    doc->undoStack()->beginMacro(text);
    setValue(doc, 0, &CaseMeta::viewSettings, view, text);
    doc->undoStack()->endMacro();
}

} // namespace edit

} // namespace inquest
