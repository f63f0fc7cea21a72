#include "commandline.h"
#include "commands.h"
#include "remote/remoteanalysis.h"
#include "remote/remotesources.h"

#include "analysis/detectors/detectorrun.h"
#include "casefile/casefile.h"
#include "model/casedocument.h"
#include "model/isotime.h"
#include "model/sites.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace inquest::cli {

namespace {

QJsonObject toJson(const Evidence &e)
{
    QJsonObject ratings;
    for (auto it = e.kindRatings.cbegin(); it != e.kindRatings.cend(); ++it)
        ratings.insert(toString(it.key()), toString(it.value()));
    QJsonObject provenance;
    const Provenance &p = e.provenance;
    if (p.hasTimeRange()) {
        provenance.insert(QStringLiteral("time_begin"), isoUtc(p.timeBegin));
        provenance.insert(QStringLiteral("time_end"), isoUtc(p.timeEnd));
        provenance.insert(QStringLiteral("metric"), p.metric);
        if (!p.site.isEmpty())
            provenance.insert(QStringLiteral("site"), p.site);
    }
    if (p.hasLines()) {
        provenance.insert(QStringLiteral("source_sha256"), p.sourceSha256);
        provenance.insert(QStringLiteral("first_line"), p.firstLine);
        provenance.insert(QStringLiteral("last_line"), p.lastLine);
        if (p.offsetBegin >= 0) {
            provenance.insert(QStringLiteral("offset_begin"), p.offsetBegin);
            provenance.insert(QStringLiteral("offset_end"), p.offsetEnd);
        }
    }
    if (p.hasStatement())
        provenance.insert(QStringLiteral("statement"), p.statementId);
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("title"), e.title},
            {QStringLiteral("origin"), e.origin},
            {QStringLiteral("state"), toString(e.state)},
            {QStringLiteral("reason"), e.reason},
            {QStringLiteral("ratings"), ratings},
            {QStringLiteral("provenance"), provenance}};
}

// {"begin", "end", "affected_sites", "unaffected_sites"}: sites named as the case names them.
QJsonObject toJson(const Incident &inc)
{
    return {{QStringLiteral("begin"), isoUtc(inc.begin)},
            {QStringLiteral("end"), isoUtc(inc.end)},
            {QStringLiteral("affected_sites"), QJsonArray::fromStringList(inc.affected)},
            {QStringLiteral("unaffected_sites"), QJsonArray::fromStringList(inc.unaffected)}};
}

} // namespace

int analyze(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({}, {QStringLiteral("accept"), QStringLiteral("json")});
    cl.acceptWait();
    if (!cl.parseOneCase("analyze", args, err))
        return Usage;
    QString error;
    const QString path = cl.casePath();
    casefile::CaseLock lock;
    if (const int status = lockCase("analyze", cl, path, lock, err); status != Success)
        return status;
    CaseDocument doc;
    if (!casefile::open(doc, path, &error)) {
        err << "inquest analyze: " << error << '\n';
        return BadInput;
    }
    const bool accept = cl.has(QStringLiteral("accept"));
    // Remote sources: the incident window over every store (local events and each remote
    // table); the other detectors read the case's own events.
    std::vector<remote::SourceAccess> remotes;
    for (const RemoteSource &r : doc.data().remoteSources) {
        const remote::ServerAccess access = remote::accessFor(r, &error);
        if (!error.isEmpty()) {
            err << "inquest analyze: " << path << ": " << error << '\n';
            return BadInput;
        }
        remotes.push_back({r, access});
    }
    DetectorOutput output = runDetectors(doc.data());
    if (!remote::addRemoteIncidents(doc.data(), remotes, output, &error)) {
        err << "inquest analyze: " << path << ": " << error << "; nothing was changed\n";
        return BadInput;
    }
    if (!output.remoteResults.isEmpty())
        doc.appendRemoteResults(output.remoteResults);
    const DetectorRunSummary summary = applyDetectorOutput(doc, output, accept);
    QJsonArray detectorList;
    for (const auto &d : standardDetectors()) {
        detectorList.append(QJsonObject{{QStringLiteral("name"), d->name()},
                                        {QStringLiteral("version"), d->version()},
                                        {QStringLiteral("parameters"), d->parameters()}});
    }
    recordDetectorRun(doc, summary, accept);
    if (!casefile::save(doc, path, &error)) {
        err << "inquest analyze: " << error << '\n';
        return BadInput;
    }

    if (cl.has(QStringLiteral("json"))) {
        QJsonArray incidents;
        for (const Incident &inc : output.incidents)
            incidents.append(toJson(inc));
        QJsonArray suggestions;
        for (Id id : summary.addedIds) {
            if (const Evidence *e = doc.find<Evidence>(id))
                suggestions.append(toJson(*e));
        }
        const QJsonObject root{
            {QStringLiteral("case"), path},
            {QStringLiteral("added"), summary.added},
            {QStringLiteral("replaced"), summary.removed},
            {QStringLiteral("kept"), summary.kept},
            {QStringLiteral("lesser_incident_findings"), summary.lesser},
            {QStringLiteral("markers"), summary.markers},
            {QStringLiteral("accepted"), accept},
            {QStringLiteral("detectors"), detectorList},
            {QStringLiteral("sites"), QJsonArray::fromStringList(SiteRule::of(doc.meta()).sites(doc.sources()))},
            {QStringLiteral("incidents"), incidents},
            {QStringLiteral("suggestions"), suggestions}};
        out << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return Success;
    }
    for (Id id : summary.addedIds) {
        const Evidence *e = doc.find<Evidence>(id);
        if (!e)
            continue;
        QStringList r;
        for (auto it = e->kindRatings.cbegin(); it != e->kindRatings.cend(); ++it) {
            if (it.value() != Rating::N)
                r.append(toString(it.key()) + u'=' + toString(it.value()));
        }
        out << '[' << toString(e->state) << "] " << e->title << "\n    " << e->reason
            << "\n    ratings: " << (r.isEmpty() ? QStringLiteral("neutral") : r.join(u' ')) << '\n';
    }
    out << path << ": " << summary.added << " finding(s) " << (accept ? "accepted" : "suggested") << ", ";
    if (summary.lesser > 0)
        out << "of which " << summary.lesser << " about lesser incidents"
            << (accept ? " left suggested for review" : "") << ", ";
    out << summary.removed << " earlier suggestion(s)/marker(s) replaced, " << summary.kept << " already decided, "
        << summary.markers << " outage marker(s)\n";
    return Success;
}

} // namespace inquest::cli
