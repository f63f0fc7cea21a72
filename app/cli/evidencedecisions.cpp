#include "commandline.h"
#include "commands.h"
#include "hypothesisspec.h"
#include "recordargs.h"

#include "casefile/casefile.h"
#include "model/casedocument.h"
#include "model/evidenceedits.h"

namespace inquest::cli {

namespace {

std::optional<QList<Id>> evidenceIds(const QString &text, const QList<Evidence> &evidence, QString *error)
{
    return parseIds(text, evidence, "evidence item", "evidence", error);
}

} // namespace

// The analyst's decisions from the command line, as the Evidence dock makes them: accept,
// reject or return to suggested, remove, and rate items against one hypothesis. Everything is
// checked before anything changes; each kind of change is one undo step.
int changeEvidence(const CommandLine &cl, QTextStream &err)
{
    const QString path = cl.casePath();
    casefile::CaseLock lock;
    CaseDocument doc;
    if (const int status = openForEdit("evidence", cl, path, lock, doc, err); status != Success)
        return status;
    QString error;
    struct StateChange
    {
        const char *option;
        EvidenceState state;
        QList<Id> ids;
    };
    std::vector<StateChange> states{{"accept", EvidenceState::Accepted, {}},
                                    {"reject", EvidenceState::Rejected, {}},
                                    {"suggest", EvidenceState::Suggested, {}}};
    QSet<Id> seen;
    for (StateChange &c : states) {
        if (!cl.has(QLatin1String(c.option)))
            continue;
        const auto ids = evidenceIds(cl.value(QLatin1String(c.option)), doc.evidence(), &error);
        if (!ids) {
            err << "inquest evidence: --" << c.option << ": " << error << '\n';
            return BadInput;
        }
        for (Id id : *ids) {
            if (seen.contains(id)) {
                err << "inquest evidence: evidence item " << id << " is given two states\n";
                return Usage;
            }
            seen.insert(id);
        }
        c.ids = *ids;
    }
    QList<Id> removed;
    if (cl.has(QStringLiteral("remove"))) {
        const auto ids = evidenceIds(cl.value(QStringLiteral("remove")), doc.evidence(), &error);
        if (!ids) {
            err << "inquest evidence: --remove: " << error << '\n';
            return BadInput;
        }
        removed = *ids;
    }
    QList<std::pair<Id, Id>> cells;
    Rating rating = Rating::Unrated;
    if (cl.has(QStringLiteral("rate"))) {
        if (!cl.has(QStringLiteral("hypothesis")) || !cl.has(QStringLiteral("rating"))) {
            err << "inquest evidence: --rate IDS needs --hypothesis NAME|ID and --rating CC|C|N|I|II|NA|none\n";
            return Usage;
        }
        const auto ids = evidenceIds(cl.value(QStringLiteral("rate")), doc.evidence(), &error);
        if (!ids) {
            err << "inquest evidence: --rate: " << error << '\n';
            return BadInput;
        }
        const Hypothesis *h = findHypothesis(doc.hypotheses(), cl.value(QStringLiteral("hypothesis")));
        if (!h) {
            err << "inquest evidence: no hypothesis \"" << cl.value(QStringLiteral("hypothesis"))
                << "\" in the case (it has: " << hypothesisNames(doc.hypotheses()) << ")\n";
            return BadInput;
        }
        const QString text = cl.value(QStringLiteral("rating"));
        const auto r = text.compare(u"none", Qt::CaseInsensitive) == 0 ? std::optional(Rating::Unrated)
                                                                       : ratingFromString(text.toUpper());
        if (!r || (text.trimmed().isEmpty())) {
            err << "inquest evidence: --rating \"" << text << "\": expected CC, C, N, I, II, NA or none\n";
            return Usage;
        }
        rating = *r;
        for (Id id : *ids)
            cells.append({id, h->id});
    }
    // "IDS=B2" and "IDS=high": the source grade (Admiralty reliability A–F, credibility 1–6) and
    // the relevance, as the evidence detail sets them.
    const auto split = [&](const char *option, QList<Id> *ids, QString *value) {
        return parseIdsAndValue(cl.value(QLatin1String(option)), doc.evidence(), option, "evidence item", "evidence",
                                ids, value, &error);
    };
    QList<Id> graded, weighed;
    QChar reliability;
    int credibility = 0;
    std::optional<Relevance> relevance;
    if (cl.has(QStringLiteral("grade"))) {
        QString grade;
        if (!split("grade", &graded, &grade)) {
            err << "inquest evidence: " << error << '\n';
            return BadInput;
        }
        if (!parseGrade(grade, &reliability, &credibility)) {
            err << "inquest evidence: --grade \"" << grade
                << "\": expected reliability A–F and credibility 1–6, e.g. B2\n";
            return Usage;
        }
    }
    if (cl.has(QStringLiteral("relevance"))) {
        QString text;
        if (!split("relevance", &weighed, &text)) {
            err << "inquest evidence: " << error << '\n';
            return BadInput;
        }
        relevance = relevanceFromString(text.toLower());
        if (!relevance) {
            err << "inquest evidence: --relevance \"" << text << "\": expected low, medium or high\n";
            return Usage;
        }
    }
    for (Id id : graded + weighed)
        seen.insert(id);
    for (Id id : std::as_const(removed)) {
        if (seen.contains(id) ||
            std::any_of(cells.begin(), cells.end(), [id](const auto &c) { return c.first == id; })) {
            err << "inquest evidence: evidence item " << id << " is both removed and changed\n";
            return Usage;
        }
    }
    for (const StateChange &c : states) {
        if (!c.ids.isEmpty())
            edit::setEvidenceStates(&doc, c.ids, c.state);
    }
    if (!cells.isEmpty())
        edit::setRatings(&doc, cells, rating);
    if (!graded.isEmpty() || !weighed.isEmpty()) {
        doc.undoStack()->beginMacro(QStringLiteral("Change grade and relevance"));
        for (Id id : std::as_const(graded)) {
            edit::setValue(&doc, id, &Evidence::reliability, reliability, QStringLiteral("Change reliability"));
            edit::setValue(&doc, id, &Evidence::credibility, credibility, QStringLiteral("Change credibility"));
        }
        for (Id id : std::as_const(weighed))
            edit::setValue(&doc, id, &Evidence::relevance, *relevance, QStringLiteral("Change relevance"));
        doc.undoStack()->endMacro();
    }
    if (!removed.isEmpty())
        edit::removeEvidence(&doc, removed);
    if (const int status = saveEdited("evidence", doc, path, err); status != Success)
        return status;
    return Success;
}

} // namespace inquest::cli
