#include "commandline.h"
#include "commands.h"

#include "casefile/casefile.h"
#include "ingest/importbatch.h"
#include "ingest/importer.h"
#include "ingest/importjob.h"
#include "ingest/inputfiles.h"
#include "ingest/timeconv.h"
#include "model/casedocument.h"
#include "model/commands.h"
#include "model/httpstatus.h"
#include "model/isotime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace inquest::cli {

using namespace Qt::StringLiterals;

namespace {

// What the analyst should know of a source beyond its size: where severities came from, how
// many message templates its text has, how many requests got no response.
struct Counts
{
    qint64 loggedSeverity = 0;
    qint64 inferredSeverity = 0;
    qint64 noResponse = 0;
    qint64 templates = 0;
};

Counts countsOf(const Source &s)
{
    Counts c;
    if (!s.table)
        return c;
    const EventTable &t = *s.table;
    for (std::size_t r = 0; r < t.size(); ++r) {
        if (t.severity[r] != NoSeverity)
            ++(isSeverityInferred(t.severity[r]) ? c.inferredSeverity : c.loggedSeverity);
        c.noResponse += statusClass(t.status[r]) == StatusClass::NoResponse;
    }
    c.templates = qint64(t.texts.templates.size());
    return c;
}

QJsonObject toJson(const QString &file, const ImportResult &r)
{
    QJsonObject o{{u"file"_s, file}, {u"ok"_s, r.ok()}};
    if (!r.ok()) {
        o.insert(u"error"_s, r.error);
    } else {
        const Source &s = *r.source;
        o.insert(u"path"_s, s.path);
        o.insert(u"format"_s, s.format);
        o.insert(u"confidence"_s, r.confidence);
        o.insert(u"size"_s, s.size);
        o.insert(u"lines"_s, s.lines);
        o.insert(u"events"_s, s.events);
        o.insert(u"malformed"_s, s.malformed);
        o.insert(u"first"_s, isoUtc(s.firstTime));
        o.insert(u"last"_s, isoUtc(s.lastTime));
        o.insert(u"sha256"_s, s.sha256);
        o.insert(u"site"_s, s.site);
        o.insert(u"seconds"_s, r.seconds);
        o.insert(u"mb_per_s"_s, r.seconds > 0 ? double(s.size) / 1e6 / r.seconds : 0.0);
        QJsonArray issues;
        for (const ImportIssue &i : s.issues)
            issues.append(QJsonObject{{u"line"_s, i.line},
                                      {u"offset"_s, i.offset},
                                      {u"reason"_s, i.reason},
                                      {u"excerpt"_s, QString::fromUtf8(i.excerpt)}});
        o.insert(u"issues"_s, issues);
        const Counts c = countsOf(s);
        o.insert(u"severity_logged"_s, c.loggedSeverity);
        o.insert(u"severity_inferred"_s, c.inferredSeverity);
        o.insert(u"no_response"_s, c.noResponse);
        o.insert(u"templates"_s, c.templates);
    }
    o.insert(u"notes"_s, QJsonArray::fromStringList(r.notes));
    o.insert(u"formats_tried"_s, QJsonArray::fromStringList(r.formatsTried));
    return o;
}

void printText(QTextStream &out, QTextStream &err, const QString &file, const ImportResult &r)
{
    if (!r.ok()) {
        err << "inquest import: " << r.error << '\n';
        return;
    }
    const Source &s = *r.source;
    out << file << ": " << s.format << ", " << s.lines << " lines, " << s.events << " events, " << s.malformed
        << " malformed\n"
        << "  time   " << isoUtc(s.firstTime) << " .. " << isoUtc(s.lastTime) << '\n'
        << "  sha256 " << s.sha256 << '\n'
        << "  speed  " << QString::number(r.seconds > 0 ? double(s.size) / 1e6 / r.seconds : 0.0, 'f', 1) << " MB/s ("
        << QString::number(r.seconds, 'f', 3) << " s)";
    if (!s.site.isEmpty())
        out << ", site " << s.site;
    out << '\n';
    const Counts c = countsOf(s);
    if (c.loggedSeverity || c.inferredSeverity)
        out << "  severity " << c.loggedSeverity << " logged, " << c.inferredSeverity << " inferred from the text\n";
    if (c.templates)
        out << "  text   " << c.templates << " message templates\n";
    if (c.noResponse)
        out << "  status " << c.noResponse << " with no response (000, -, 444, 499)\n";
    for (const QString &note : r.notes)
        out << "  note   " << note << '\n';
    for (qsizetype i = 0; i < std::min<qsizetype>(s.issues.size(), 5); ++i)
        out << "  " << file << ':' << s.issues[i].line << ": " << s.issues[i].reason << '\n';
    if (s.malformed > 5)
        out << "  … " << (s.malformed - 5) << " more malformed line(s)\n";
}

} // namespace

int importLogs(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({u"format"_s, u"tz"_s, u"year"_s, u"site"_s, u"map"_s}, {u"json"_s});
    cl.acceptWait();
    QString error;
    if (!cl.parse(args, &error) || cl.positional().size() < 2) {
        err << "inquest import: " << (error.isEmpty() ? u"expected CASE FILE…"_s : error) << '\n';
        return Usage;
    }
    ImportOptions options;
    options.format = cl.value(u"format"_s, u"auto"_s);
    options.timeZone = cl.value(u"tz"_s);
    options.site = cl.value(u"site"_s);
    options.fieldMap = cl.value(u"map"_s);
    if (cl.has(u"year"_s)) {
        bool ok = false;
        options.year = cl.value(u"year"_s).toInt(&ok);
        if (!ok || options.year < 1970 || options.year > 9999) {
            err << "inquest import: --year expects a year such as 2024, not \"" << cl.value(u"year"_s) << "\"\n";
            return Usage;
        }
    }
    if (!ZoneConverter::fromSpec(options.timeZone, &error)) {
        err << "inquest import: --tz: " << error << '\n';
        return Usage;
    }
    const QString casePath = cl.positional().first();
    casefile::CaseLock lock;
    if (const int status = lockCase("import", cl, casePath, lock, err); status != Success)
        return status;
    CaseDocument doc;
    if (!casefile::open(doc, casePath, &error)) {
        err << "inquest import: " << error << '\n';
        return BadInput;
    }
    const bool json = cl.has(u"json"_s);
    QJsonArray files;
    int failed = 0, imported = 0;
    // A folder stands for the files below it.
    const InputFiles inputs = expandInputPaths(cl.positional().mid(1));
    if (!json) {
        for (const QString &note : inputs.notes)
            out << note << '\n';
    }
    options.caseTime = caseYearAnchor(doc.data().sources);
    QList<ImportRequest> requests;
    for (const QString &file : inputs.files)
        requests.append({file, options});
    QList<Source> batch; // read so far: year-less files take their year from these first
    for (int i : batchOrder(requests)) {
        const QString &file = requests[i].path;
        ImportResult r = importLogFile(file, batchOptions(requests[i], batch));
        if (r.ok()) {
            if (const Source *earlier = sourceWithSha256(doc.data().sources, r.source->sha256)) {
                r.error = duplicateMessage(file, *earlier);
                r.source.reset();
            }
        }
        QJsonObject o = json ? toJson(file, r) : QJsonObject();
        if (!json)
            printText(out, err, file, r);
        if (r.ok()) {
            batch.append(*r.source);
            const Id id = addImportedSource(doc, std::move(*r.source));
            ++imported;
            if (json)
                o.insert(u"id"_s, qint64(id));
            else
                out << "  source #" << id << '\n';
        } else {
            ++failed;
        }
        if (json)
            files.append(o);
    }
    if (imported && !casefile::save(doc, casePath, &error)) {
        err << "inquest import: " << error << '\n';
        return BadInput;
    }
    if (json)
        out << QJsonDocument(QJsonObject{{u"case"_s, casePath},
                                         {u"files"_s, files},
                                         {u"notes"_s, QJsonArray::fromStringList(inputs.notes)}})
                   .toJson(QJsonDocument::Indented);
    return failed ? BadInput : Success;
}

} // namespace inquest::cli
