#include "commandline.h"
#include "commands.h"

#include "casefile/casefile.h"
#include "model/casedocument.h"
#include "model/sites.h"
#include "remote/remotesources.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace inquest::cli {

using namespace Qt::StringLiterals;

namespace {

// Per site: the sources with events of it, by the one site rule.
QMap<QString, QList<Id>> sourcesBySite(const CaseData &data, const SiteRule &rule)
{
    QMap<QString, QList<Id>> result;
    for (const Source &s : data.sources) {
        if (s.kind != SourceKind::Log || !s.table || rule.namesHosts(s))
            continue;
        for (const QString &site : rule.sites({s})) {
            if (!result[site].contains(s.id))
                result[site].append(s.id);
        }
    }
    return result;
}

// Per site of the remote sources (asked of their servers, under the case's names `rule`): the
// remote sources that have it. A source that cannot be asked is named in `errors`.
QMap<QString, QList<Id>> remoteSourcesBySite(const CaseData &data, const SiteRule &rule, QStringList *errors)
{
    QMap<QString, QList<Id>> result;
    for (const RemoteSource &r : data.remoteSources) {
        QString error;
        const auto store = remote::openStore(r, &error, rule);
        if (!store) {
            errors->append(error);
            continue;
        }
        for (const QString &site : store->sites())
            result[site].append(r.id);
    }
    return result;
}

} // namespace

// Lists the case's sites, and renames or merges one (`--rename FROM=TO`; TO empty restores).
int sites(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({u"rename"_s}, {u"json"_s});
    cl.acceptWait();
    if (!cl.parseOneCase("sites", args, err))
        return Usage;
    const QString casePath = cl.casePath();
    casefile::CaseLock lock; // a rename changes the case: under the writer lock; a listing takes none
    if (cl.has(u"rename"_s)) {
        if (const int status = lockCase("sites", cl, casePath, lock, err); status != Success)
            return status;
    }
    CaseDocument doc;
    QString error;
    if (!casefile::open(doc, casePath, &error)) {
        err << "inquest sites: " << error << '\n';
        return BadInput;
    }
    if (cl.has(u"rename"_s)) {
        const QString spec = cl.value(u"rename"_s);
        const qsizetype eq = spec.indexOf(u'=');
        const QString from = spec.left(eq).trimmed();
        const QString to = eq < 0 ? QString() : spec.mid(eq + 1).trimmed();
        if (eq < 0 || from.isEmpty()) {
            err << "inquest sites: --rename expects FROM=TO, not \"" << spec << "\"\n";
            return Usage;
        }
        QStringList known = SiteRule().sites(doc.sources());
        if (!known.contains(from) && !SiteRule::of(doc.meta()).renames().contains(from)) {
            // A remote source's site, as its table names it.
            QStringList unasked;
            known += remoteSourcesBySite(doc.data(), SiteRule(), &unasked).keys();
            for (const QString &e : unasked)
                err << "inquest sites: " << e << '\n';
        }
        if (!known.contains(from) && !SiteRule::of(doc.meta()).renames().contains(from)) {
            err << "inquest sites: " << casePath << ": no site \"" << from << "\" (sites: " << known.join(u", ")
                << ")\n";
            return BadInput;
        }
        edit::renameSite(&doc, from, to);
        if (!casefile::save(doc, casePath, &error)) {
            err << "inquest sites: " << error << '\n';
            return BadInput;
        }
    }
    const SiteRule rule = SiteRule::of(doc.meta());
    const auto bySite = sourcesBySite(doc.data(), rule);
    QStringList unasked;
    const auto remoteBySite = remoteSourcesBySite(doc.data(), rule, &unasked);
    for (const QString &e : unasked)
        err << "inquest sites: " << e << '\n';
    QStringList names = bySite.keys() + remoteBySite.keys();
    names.sort();
    names.removeDuplicates();
    const auto idList = [](const QList<Id> &ids) {
        QJsonArray list;
        for (Id id : ids)
            list.append(qint64(id));
        return list;
    };
    if (cl.has(u"json"_s)) {
        QJsonArray list;
        for (const QString &name : std::as_const(names)) {
            QJsonObject site{{u"name"_s, name}, {u"sources"_s, idList(bySite.value(name))}};
            if (remoteBySite.contains(name))
                site.insert(u"remote_sources"_s, idList(remoteBySite.value(name)));
            list.append(site);
        }
        QJsonObject renames;
        for (auto it = rule.renames().begin(); it != rule.renames().end(); ++it)
            renames.insert(it.key(), it.value());
        out << QJsonDocument(QJsonObject{{u"sites"_s, list}, {u"renames"_s, renames}}).toJson(QJsonDocument::Indented);
        return unasked.isEmpty() ? Success : BadInput;
    }
    const auto hashed = [](const QList<Id> &ids) {
        QStringList out;
        for (Id id : ids)
            out.append(u"#"_s + QString::number(id));
        return out.join(u", ");
    };
    for (const QString &name : std::as_const(names)) {
        QStringList from;
        if (bySite.contains(name))
            from << u"sources "_s + hashed(bySite.value(name));
        if (remoteBySite.contains(name))
            from << u"remote sources "_s + hashed(remoteBySite.value(name));
        out << name << "  (" << from.join(u"; ") << ")\n";
    }
    for (auto it = rule.renames().begin(); it != rule.renames().end(); ++it)
        out << "renamed: " << it.key() << " → " << it.value() << '\n';
    return unasked.isEmpty() ? Success : BadInput;
}

} // namespace inquest::cli
