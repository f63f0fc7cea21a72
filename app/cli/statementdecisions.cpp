#include "commandline.h"
#include "commands.h"
#include "recordargs.h"

#include "casefile/casefile.h"
#include "model/casedocument.h"
#include "model/commands.h"

#include <QRegularExpression>

namespace inquest::cli {

namespace {

// "ddos:II hardware:C" (spaces or semicolons between), or "none" for no stance.
std::optional<QMap<HypothesisKind, Rating>> parseStance(const QString &text, QString *error)
{
    QMap<HypothesisKind, Rating> stance;
    if (text.trimmed().compare(u"none", Qt::CaseInsensitive) == 0)
        return stance;
    static const QRegularExpression separators(QStringLiteral("[\\s;]+"));
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        const qsizetype colon = part.indexOf(u':');
        const auto kind = colon > 0 ? hypothesisKindFromString(part.left(colon)) : std::nullopt;
        const auto rating = colon > 0 ? ratingFromString(part.mid(colon + 1).toUpper()) : std::nullopt;
        if (!kind || !rating || *rating == Rating::Unrated) {
            *error = QStringLiteral("\"%1\": expected KIND:RATING, e.g. ddos:II hardware:C").arg(part);
            return std::nullopt;
        }
        stance.insert(*kind, *rating);
    }
    if (stance.isEmpty()) {
        *error = QStringLiteral("no stance given (KIND:RATING …, or none)");
        return std::nullopt;
    }
    return stance;
}

} // namespace

// The analyst's decisions on statements, as the Statements dock makes them: confirm the stance
// read from the text, reject it (the statement takes no side), set it, grade the source, remove.
// Everything is checked before anything changes.
int changeStatements(const CommandLine &cl, QTextStream &err)
{
    const QString path = cl.casePath();
    casefile::CaseLock lock;
    CaseDocument doc;
    if (const int status = openForEdit("statements", cl, path, lock, doc, err); status != Success)
        return status;
    QString error;
    const QList<Statement> &statements = doc.statements();
    const auto ids = [&](const char *option) {
        return parseIds(cl.value(QLatin1String(option)), statements, "statement", "statements", &error);
    };
    QList<Id> confirmed, rejected, removed, graded, set;
    QMap<HypothesisKind, Rating> stance;
    QChar reliability;
    int credibility = 0;
    const auto fail = [&err, &error](int status) {
        err << "inquest statements: " << error << '\n';
        return status;
    };
    for (const auto &[option, list] :
         {std::pair{"confirm", &confirmed}, std::pair{"reject-stance", &rejected}, std::pair{"remove", &removed}}) {
        if (!cl.has(QLatin1String(option)))
            continue;
        const auto parsed = ids(option);
        if (!parsed) {
            error = QStringLiteral("--%1: %2").arg(QLatin1String(option), error);
            return fail(BadInput);
        }
        *list = *parsed;
    }
    if (cl.has(QStringLiteral("stance"))) {
        QString value;
        if (!parseIdsAndValue(cl.value(QStringLiteral("stance")), statements, "stance", "statement", "statements", &set,
                              &value, &error))
            return fail(BadInput);
        const auto parsed = parseStance(value, &error);
        if (!parsed) {
            error = QStringLiteral("--stance: ") + error;
            return fail(Usage);
        }
        stance = *parsed;
    }
    if (cl.has(QStringLiteral("grade"))) {
        QString value;
        if (!parseIdsAndValue(cl.value(QStringLiteral("grade")), statements, "grade", "statement", "statements",
                              &graded, &value, &error))
            return fail(BadInput);
        if (!parseGrade(value, &reliability, &credibility)) {
            error = QStringLiteral("--grade \"%1\": expected reliability A–F and credibility 1–6, e.g. B2").arg(value);
            return fail(Usage);
        }
    }
    // One decision on a statement's stance per command, and nothing on a statement removed.
    QSet<Id> stanceDecided;
    for (const QList<Id> *list : {&confirmed, &rejected, &set}) {
        for (Id id : *list) {
            if (stanceDecided.contains(id)) {
                error = QStringLiteral("statement %1 is given two stances").arg(id);
                return fail(Usage);
            }
            stanceDecided.insert(id);
        }
    }
    for (Id id : std::as_const(removed)) {
        if (stanceDecided.contains(id) || graded.contains(id)) {
            error = QStringLiteral("statement %1 is both removed and changed").arg(id);
            return fail(Usage);
        }
    }
    for (Id id : std::as_const(confirmed))
        edit::setStatementStance(&doc, id, doc.find<Statement>(id)->stance);
    for (Id id : std::as_const(rejected))
        edit::setStatementStance(&doc, id, {});
    for (Id id : std::as_const(set))
        edit::setStatementStance(&doc, id, stance);
    for (Id id : std::as_const(graded))
        edit::setStatementGrade(&doc, id, reliability, credibility);
    for (Id id : std::as_const(removed))
        edit::removeStatement(&doc, id);
    if (const int status = saveEdited("statements", doc, path, err); status != Success)
        return status;
    return Success;
}

} // namespace inquest::cli
