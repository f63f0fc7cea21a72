#include "commandline.h"
#include "commands.h"

#include "casefile/casefile.h"
#include "model/casedata.h"
#include "model/isotime.h"
#include "news/newsedit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace inquest::cli {

namespace {

// "hardware:C ddos:I" — compact, and lossless for the ratings a statement can carry.
QString stanceString(const Statement &s)
{
    QStringList parts;
    for (auto it = s.stance.begin(); it != s.stance.end(); ++it)
        parts.append(toString(it.key()) + u':' + toString(it.value()));
    return parts.join(u' ');
}

QJsonObject stanceObject(const Statement &s)
{
    QJsonObject o;
    for (auto it = s.stance.begin(); it != s.stance.end(); ++it)
        o.insert(toString(it.key()), toString(it.value()));
    return o;
}

// Instants as "…Z", periods as ISO 8601 intervals "begin/end".
QString isoTime(const TimeRef &t) { return t.isPeriod() ? isoUtc(t.begin) + u'/' + isoUtc(t.end) : isoUtc(t.begin); }

QJsonArray timesOf(const Statement &s)
{
    QJsonArray times;
    for (const TimeRef &t : s.times)
        times.append(isoTime(t));
    return times;
}

// The times again with what the plain list cannot say: the phrase, and whether its zone was
// stated or assumed ("assumed_zone" only when assumed), and how it was read ("note", when there
// is something to say: an ambiguous zone, a contradicting date).
QJsonArray timeDetailsOf(const Statement &s)
{
    QJsonArray details;
    for (const TimeRef &t : s.times) {
        QJsonObject o{{QStringLiteral("phrase"), t.phrase},
                      {QStringLiteral("time"), isoTime(t)},
                      {QStringLiteral("approximate"), t.approximate},
                      {QStringLiteral("manual"), t.manual}};
        if (!t.assumedZone.isEmpty())
            o.insert(QStringLiteral("assumed_zone"), t.assumedZone);
        if (!t.note.isEmpty())
            o.insert(QStringLiteral("note"), t.note);
        details.append(o);
    }
    return details;
}

} // namespace

int statements(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({QStringLiteral("confirm"), QStringLiteral("reject-stance"), QStringLiteral("stance"),
                    QStringLiteral("grade"), QStringLiteral("remove")},
                   {QStringLiteral("json")});
    cl.acceptWait();
    if (!cl.parseOneCase("statements", args, err))
        return Usage;
    for (const char *option : {"confirm", "reject-stance", "stance", "grade", "remove"}) {
        if (cl.has(QLatin1String(option))) {
            if (const int status = changeStatements(cl, err); status != Success)
                return status;
            break;
        }
    }
    const auto data = readCase("statements", cl.casePath(), err);
    if (!data)
        return BadInput;
    if (cl.has(QStringLiteral("json"))) {
        QJsonArray list;
        for (const Statement &s : data->statements) {
            QJsonObject o{{QStringLiteral("id"), s.id},
                          {QStringLiteral("speaker"), s.speaker},
                          {QStringLiteral("organisation"), s.organisation},
                          {QStringLiteral("organisation_inferred"), !s.organisationBasis.isEmpty()},
                          {QStringLiteral("quote"), s.quote},
                          {QStringLiteral("direct"), s.direct},
                          {QStringLiteral("stance"), stanceObject(s)},
                          {QStringLiteral("stance_confirmed"), s.stanceConfirmed},
                          {QStringLiteral("grade"), QStringLiteral("%1%2").arg(s.reliability).arg(s.credibility)},
                          {QStringLiteral("times"), timesOf(s)},
                          {QStringLiteral("time_details"), timeDetailsOf(s)},
                          {QStringLiteral("source"), s.sourceId},
                          {QStringLiteral("offset"), s.offset}};
            if (!s.organisationBasis.isEmpty())
                o.insert(QStringLiteral("organisation_basis"), s.organisationBasis);
            if (const QString note = news::inferredGradeNote(s); !note.isEmpty())
                o.insert(QStringLiteral("grade_note"), note);
            list.append(o);
        }
        out << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return Success;
    }
    for (const Statement &s : data->statements) {
        const QString who =
            s.organisation.isEmpty() || s.speaker == s.organisation ? s.speaker
            : s.organisationBasis.isEmpty()
                ? QStringLiteral("%1 (%2)").arg(s.speaker, s.organisation)
                : QStringLiteral("%1 (%2, inferred: %3)").arg(s.speaker, s.organisation, s.organisationBasis);
        out << '#' << s.id << ' ' << (who.isEmpty() ? QStringLiteral("(unknown)") : who) << ' ' << s.reliability
            << s.credibility << (s.direct ? " says: \u201C" : " reportedly: \u201C") << s.quote << "\u201D";
        if (const QString note = news::inferredGradeNote(s); !note.isEmpty())
            out << " (" << note << ')';
        const QString stance = stanceString(s);
        if (!stance.isEmpty())
            out << " [" << stance << (s.stanceConfirmed ? "" : ", suggested") << ']';
        for (const TimeRef &t : s.times)
            out << "\n    " << t.phrase << " = " << isoTime(t)
                << (t.assumedZone.isEmpty() ? QString() : QStringLiteral(" (zone assumed: %1)").arg(t.assumedZone));
        out << '\n';
    }
    if (data->statements.isEmpty())
        out << "no statements\n";
    return Success;
}

} // namespace inquest::cli
