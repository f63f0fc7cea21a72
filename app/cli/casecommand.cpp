#include "commandline.h"
#include "commands.h"

#include "casefile/casefile.h"
#include "model/casedocument.h"
#include "model/caseedits.h"
#include "model/isotime.h"
#include "model/scoringedits.h"
#include "scoring/scoringsettings.h"

#include <QFile>

#include <QJsonDocument>
#include <QJsonObject>

namespace inquest::cli {

namespace {

void printText(const CaseData &d, QTextStream &out)
{
    auto orDash = [](const QString &s) { return s.isEmpty() ? QStringLiteral("\u2014") : s; };
    out << "title        " << orDash(d.meta.title) << '\n'
        << "analyst      " << orDash(d.meta.analyst) << '\n'
        << "case number  " << orDash(d.meta.caseNumber) << '\n'
        << "case id      " << d.meta.caseId << '\n'
        << "created      " << (d.meta.created.isValid() ? isoUtc(d.meta.created.toMSecsSinceEpoch() * 1000) : QString())
        << '\n'
        << "notes        " << orDash(d.meta.description) << '\n';
    const ScoringSettings scoring = ScoringSettings::fromJson(d.meta.scoringSettings);
    out << "scoring      "
        << (scoring == ScoringSettings() ? QStringLiteral("the defaults") : QStringLiteral("the case's own weights"))
        << ", ranked by "
        << (scoring.rankBy == ScoringSettings::RankBy::Posterior ? "posterior" : "weighted inconsistency")
        << " (--json shows them)\n";
}

QJsonObject toJson(const CaseData &d)
{
    return {{QStringLiteral("title"), d.meta.title},
            {QStringLiteral("analyst"), d.meta.analyst},
            {QStringLiteral("case_number"), d.meta.caseNumber},
            {QStringLiteral("case_id"), d.meta.caseId},
            {QStringLiteral("created"),
             d.meta.created.isValid() ? isoUtc(d.meta.created.toMSecsSinceEpoch() * 1000) : QString()},
            {QStringLiteral("notes"), d.meta.description},
            {QStringLiteral("scoring"), ScoringSettings::fromJson(d.meta.scoringSettings).toJson()}};
}

} // namespace

// `inquest case CASE` prints the case's properties (no lock: it only reads); with --title,
// --analyst, --number or --notes it sets them under the writer lock, as one edit with its custody
// row, and saves. --scoring FILE.json sets the weights the scores use (the Scoring settings
// editor's table; keys left out keep their defaults), --scoring default restores the defaults.
int caseProperties(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({QStringLiteral("title"), QStringLiteral("analyst"), QStringLiteral("number"),
                    QStringLiteral("notes"), QStringLiteral("scoring")},
                   {QStringLiteral("json")});
    if (!cl.parseOneCase("case", args, err))
        return Usage;
    const QString path = cl.casePath();
    const bool editing = cl.has(QStringLiteral("title")) || cl.has(QStringLiteral("analyst")) ||
                         cl.has(QStringLiteral("number")) || cl.has(QStringLiteral("notes")) ||
                         cl.has(QStringLiteral("scoring"));
    if (editing && cl.has(QStringLiteral("title")) && cl.value(QStringLiteral("title")).trimmed().isEmpty()) {
        err << "inquest case: --title may not be empty\n";
        return Usage;
    }
    if (!editing) {
        const auto data = readCase("case", path, err);
        if (!data)
            return BadInput;
        if (cl.has(QStringLiteral("json")))
            out << QJsonDocument(toJson(*data)).toJson(QJsonDocument::Indented);
        else
            printText(*data, out);
        return Success;
    }
    std::optional<QJsonObject> scoring;
    if (cl.has(QStringLiteral("scoring"))) {
        const QString file = cl.value(QStringLiteral("scoring"));
        if (file == u"default") {
            scoring = ScoringSettings().toJson();
        } else {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly)) {
                err << "inquest case: --scoring: cannot read " << file << ": " << f.errorString() << '\n';
                return BadInput;
            }
            QJsonParseError pe;
            const QJsonDocument json = QJsonDocument::fromJson(f.readAll(), &pe);
            if (pe.error != QJsonParseError::NoError || !json.isObject()) {
                err << "inquest case: --scoring: " << file << " at byte " << pe.offset << ": "
                    << (pe.error != QJsonParseError::NoError ? pe.errorString() : QStringLiteral("not a JSON object"))
                    << '\n';
                return BadInput;
            }
            QString why;
            const auto settings = ScoringSettings::fromJsonStrict(json.object(), &why);
            if (!settings) {
                err << "inquest case: --scoring: " << file << ": " << why << '\n';
                return BadInput;
            }
            scoring = settings->toJson();
        }
    }
    casefile::CaseLock lock; // an edit: read, change and save under the writer lock
    if (const int status = lockCase("case", cl, path, lock, err); status != Success)
        return status;
    CaseDocument doc;
    QString error;
    if (!casefile::open(doc, path, &error)) {
        err << "inquest case: " << error << '\n';
        return BadInput;
    }
    CaseProperties p = CaseProperties::of(doc.meta());
    p.title = cl.value(QStringLiteral("title"), p.title);
    p.analyst = cl.value(QStringLiteral("analyst"), p.analyst);
    p.caseNumber = cl.value(QStringLiteral("number"), p.caseNumber);
    p.notes = cl.value(QStringLiteral("notes"), p.notes);
    edit::setCaseProperties(&doc, p);
    if (scoring && *scoring != ScoringSettings::fromJson(doc.meta().scoringSettings).toJson())
        edit::setScoringSettings(&doc, *scoring, QStringLiteral("all"));
    if (doc.isModified() && !casefile::save(doc, path, &error)) {
        err << "inquest case: " << error << '\n';
        return BadInput;
    }
    if (cl.has(QStringLiteral("json")))
        out << QJsonDocument(toJson(doc.data())).toJson(QJsonDocument::Indented);
    else
        printText(doc.data(), out);
    return Success;
}

} // namespace inquest::cli
