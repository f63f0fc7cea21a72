#include "commandline.h"
#include "commands.h"

#include "casefile/casefile.h"
#include "ingest/formatregistry.h"
#include "ingest/reread.h"
#include "ingest/timeconv.h"
#include "model/casedocument.h"

namespace inquest::cli {

using namespace Qt::StringLiterals;

// Re-reads one source from its file with changed settings; the case is saved only when that
// worked, so a gone or changed file leaves it as it was.
int source(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({u"format"_s, u"tz"_s, u"year"_s, u"site"_s}, {});
    cl.acceptWait();
    QString error;
    if (!cl.parse(args, &error) || cl.positional().size() != 2) {
        err << "inquest source: " << (error.isEmpty() ? u"expected CASE SOURCE-ID"_s : error) << '\n';
        return Usage;
    }
    bool ok = false;
    const Id id = cl.positional()[1].toULongLong(&ok);
    if (!ok) {
        err << "inquest source: SOURCE-ID is a number (see `inquest import` or the Sources dock), not \""
            << cl.positional()[1] << "\"\n";
        return Usage;
    }
    if (cl.has(u"format"_s) && cl.value(u"format"_s) != u"auto"_s &&
        !FormatRegistry::instance().find(cl.value(u"format"_s))) {
        err << "inquest source: --format: no reader named \"" << cl.value(u"format"_s)
            << "\" (see `inquest formats`)\n";
        return Usage;
    }
    if (cl.has(u"tz"_s) && !ZoneConverter::fromSpec(cl.value(u"tz"_s), &error)) {
        err << "inquest source: --tz: " << error << '\n';
        return Usage;
    }
    int year = 0;
    if (cl.has(u"year"_s)) {
        year = cl.value(u"year"_s).toInt(&ok);
        if (!ok || year < 1970 || year > 9999) {
            err << "inquest source: --year expects a year such as 2024, not \"" << cl.value(u"year"_s) << "\"\n";
            return Usage;
        }
    }
    const QString casePath = cl.positional().first();
    casefile::CaseLock lock; // read, re-read the source and save under the writer lock
    if (const int status = lockCase("source", cl, casePath, lock, err); status != Success)
        return status;
    CaseDocument doc;
    if (!casefile::open(doc, casePath, &error)) {
        err << "inquest source: " << error << '\n';
        return BadInput;
    }
    const Source *before = doc.find<Source>(id);
    if (!before || before->kind != SourceKind::Log) {
        err << "inquest source: " << casePath << ": no log source #" << id << '\n';
        return BadInput;
    }
    ImportOptions options = optionsOf(*before);
    if (cl.has(u"format"_s))
        options.format = cl.value(u"format"_s);
    if (cl.has(u"tz"_s))
        options.timeZone = cl.value(u"tz"_s);
    if (cl.has(u"year"_s))
        options.year = year;
    if (cl.has(u"site"_s))
        options.site = cl.value(u"site"_s);
    ImportResult r = rereadSource(*before, options);
    if (!r.ok()) {
        err << "inquest source: " << r.error << '\n';
        return BadInput;
    }
    const QStringList changes = sourceChanges(*before, *r.source);
    out << "source #" << id << " " << before->path << '\n';
    if (changes.isEmpty())
        out << "  unchanged\n";
    for (const QString &c : changes)
        out << "  " << c << '\n';
    for (const QString &note : r.notes)
        out << "  note   " << note << '\n';
    if (changes.isEmpty())
        return Success;
    edit::replaceSource(&doc, std::move(*r.source));
    if (!casefile::save(doc, casePath, &error)) {
        err << "inquest source: " << error << '\n';
        return BadInput;
    }
    return Success;
}

} // namespace inquest::cli
