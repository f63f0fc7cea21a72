#include "commandline.h"
#include "commands.h"
#include "hypothesisspec.h"

#include "casefile/casefile.h"
#include "model/casedocument.h"
#include "model/commands.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace inquest::cli {

namespace {

struct Rename
{
    const Hypothesis *hypothesis = nullptr;
    QString to;
};

// "OLD=NEW" pairs, comma-separated, OLD an id or a name of the case.
std::optional<QList<Rename>> renames(const QString &spec, const QList<Hypothesis> &hypotheses, const char *option,
                                     QString *error)
{
    QList<Rename> list;
    for (const QString &raw : spec.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype eq = raw.indexOf(u'=');
        const Hypothesis *h = eq > 0 ? findHypothesis(hypotheses, raw.left(eq)) : nullptr;
        const QString to = eq > 0 ? raw.mid(eq + 1).trimmed() : QString();
        if (eq <= 0 || to.isEmpty()) {
            *error = QStringLiteral("--%1 \"%2\": expected NAME|ID=NEW").arg(QLatin1String(option), raw.trimmed());
            return std::nullopt;
        }
        if (!h) {
            *error = QStringLiteral("--%1: no hypothesis \"%2\" in the case (it has: %3)")
                         .arg(QLatin1String(option), raw.left(eq).trimmed(), hypothesisNames(hypotheses));
            return std::nullopt;
        }
        list.append({h, to});
    }
    return list;
}

void list(const QList<Hypothesis> &hypotheses, bool json, QTextStream &out)
{
    if (json) {
        QJsonArray a;
        for (const Hypothesis &h : hypotheses)
            a.append(QJsonObject{{QStringLiteral("id"), h.id},
                                 {QStringLiteral("name"), h.name},
                                 {QStringLiteral("kind"), toString(h.kind)}});
        out << QJsonDocument(QJsonObject{{QStringLiteral("hypotheses"), a}}).toJson(QJsonDocument::Indented);
        return;
    }
    for (const Hypothesis &h : hypotheses)
        out << QString::number(h.id).leftJustified(5) << ' ' << toString(h.kind).leftJustified(12) << ' ' << h.name
            << '\n';
}

} // namespace

// inquest hypotheses CASE [--add SPEC] [--remove NAME|ID,…] [--rename OLD=NEW,…] [--kind NAME|ID=KIND,…]:
// the competing hypotheses, listed or edited as the Hypotheses editor does. Everything is checked
// before anything changes; then removals, renames, kinds and additions, each one undo step.
int hypotheses(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({QStringLiteral("add"), QStringLiteral("remove"), QStringLiteral("rename"), QStringLiteral("kind")},
                   {QStringLiteral("json")});
    cl.acceptWait();
    if (!cl.parseOneCase("hypotheses", args, err))
        return Usage;
    const QString path = cl.casePath();
    const bool edits = cl.has(QStringLiteral("add")) || cl.has(QStringLiteral("remove")) ||
                       cl.has(QStringLiteral("rename")) || cl.has(QStringLiteral("kind"));
    casefile::CaseLock lock;
    if (edits) {
        if (const int status = lockCase("hypotheses", cl, path, lock, err); status != Success)
            return status;
    }
    CaseDocument doc;
    QString error;
    if (!casefile::open(doc, path, &error)) {
        err << "inquest hypotheses: " << error << '\n';
        return BadInput;
    }
    if (!edits) {
        list(doc.hypotheses(), cl.has(QStringLiteral("json")), out);
        return Success;
    }
    const QList<Hypothesis> &current = doc.hypotheses();
    QList<Hypothesis> added;
    if (cl.has(QStringLiteral("add"))) {
        const auto parsed = parseHypotheses(cl.value(QStringLiteral("add")), &error);
        if (!parsed) {
            err << "inquest hypotheses: --add: " << error << '\n';
            return Usage;
        }
        added = *parsed;
    }
    QList<Id> removed;
    for (const QString &name : cl.value(QStringLiteral("remove")).split(u',', Qt::SkipEmptyParts)) {
        const Hypothesis *h = findHypothesis(current, name);
        if (!h) {
            err << "inquest hypotheses: --remove: no hypothesis \"" << name.trimmed()
                << "\" in the case (it has: " << hypothesisNames(current) << ")\n";
            return BadInput;
        }
        removed.append(h->id);
    }
    const auto renamed = renames(cl.value(QStringLiteral("rename")), current, "rename", &error);
    const auto rekinded = renamed ? renames(cl.value(QStringLiteral("kind")), current, "kind", &error) : std::nullopt;
    if (!renamed || !rekinded) {
        err << "inquest hypotheses: " << error << '\n';
        return BadInput;
    }
    QList<std::pair<Id, HypothesisKind>> kinds;
    for (const Rename &r : *rekinded) {
        const auto kind = hypothesisKindFromString(r.to);
        if (!kind) {
            err << "inquest hypotheses: --kind: unknown hypothesis kind \"" << r.to << "\"\n";
            return Usage;
        }
        kinds.append({r.hypothesis->id, *kind});
    }
    // Names stay unique: the score, the report and `evidence --hypothesis` name hypotheses.
    QStringList names;
    for (const Hypothesis &h : current) {
        if (removed.contains(h.id))
            continue;
        QString name = h.name;
        for (const Rename &r : *renamed) {
            if (r.hypothesis->id == h.id)
                name = r.to;
        }
        names.append(name);
    }
    for (const Hypothesis &h : added)
        names.append(h.name);
    for (const QString &name : names) {
        const auto same = [&name](const QString &n) { return n.compare(name, Qt::CaseInsensitive) == 0; };
        if (std::count_if(names.begin(), names.end(), same) > 1) {
            err << "inquest hypotheses: two hypotheses would be called \"" << name << "\"\n";
            return BadInput;
        }
    }
    if (names.isEmpty()) {
        err << "inquest hypotheses: a case weighs at least one hypothesis\n";
        return BadInput;
    }
    for (const Rename &r : *renamed) {
        if (removed.contains(r.hypothesis->id)) {
            err << "inquest hypotheses: \"" << r.hypothesis->name << "\" is both removed and renamed\n";
            return Usage;
        }
    }
    for (Id id : std::as_const(removed))
        edit::removeHypothesis(&doc, id);
    for (const Rename &r : *renamed)
        edit::renameHypothesis(&doc, r.hypothesis->id, r.to);
    for (const auto &[id, kind] : kinds) {
        if (doc.find<Hypothesis>(id))
            edit::setHypothesisKind(&doc, id, kind);
    }
    for (const Hypothesis &h : std::as_const(added))
        edit::addHypothesis(&doc, h);
    if (const int status = saveEdited("hypotheses", doc, path, err); status != Success)
        return status;
    list(doc.hypotheses(), cl.has(QStringLiteral("json")), out);
    return Success;
}

} // namespace inquest::cli
