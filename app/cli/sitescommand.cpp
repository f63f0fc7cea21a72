#include "commandline.h"
#include "commands.h"

#include "casefile/casefile.h"
#include "model/casedocument.h"
#include "model/sites.h"

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
        const QStringList known = SiteRule().sites(doc.sources());
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
    if (cl.has(u"json"_s)) {
        QJsonArray list;
        for (auto it = bySite.begin(); it != bySite.end(); ++it) {
            QJsonArray ids;
            for (Id id : it.value())
                ids.append(qint64(id));
            list.append(QJsonObject{{u"name"_s, it.key()}, {u"sources"_s, ids}});
        }
        QJsonObject renames;
        for (auto it = rule.renames().begin(); it != rule.renames().end(); ++it)
            renames.insert(it.key(), it.value());
        out << QJsonDocument(QJsonObject{{u"sites"_s, list}, {u"renames"_s, renames}}).toJson(QJsonDocument::Indented);
        return Success;
    }
    for (auto it = bySite.begin(); it != bySite.end(); ++it) {
        QStringList ids;
        for (Id id : it.value())
            ids.append(u"#"_s + QString::number(id));
        out << it.key() << "  (sources " << ids.join(u", ") << ")\n";
    }
    for (auto it = rule.renames().begin(); it != rule.renames().end(); ++it)
        out << "renamed: " << it.key() << " → " << it.value() << '\n';
    return Success;
}

} // namespace inquest::cli
