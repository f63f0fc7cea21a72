#include "commandline.h"
#include "commands.h"

#include "analysis/eventmarklist.h"
#include "analysis/filterexpression.h"
#include "analysis/lineevidence.h"
#include "casefile/casefile.h"
#include "model/commands.h"
#include "model/curveedits.h"
#include "model/isotime.h"
#include "model/timeinput.h"

namespace inquest::cli {

using namespace Qt::StringLiterals;

namespace {

// The same item the Curves dialog's "New evidence from this curve and range" makes.
std::optional<Evidence> fromCurve(const CommandLine &cl, const CaseDocument &doc, QTextStream &err)
{
    const CurveSpec *c = findCurve(doc.curves(), cl.value(u"curve"_s));
    if (!c) {
        err << "inquest new-evidence: " << cl.casePath() << ": no curve \"" << cl.value(u"curve"_s) << "\"\n";
        return std::nullopt;
    }
    const auto from = parseTimeInput(cl.value(u"from"_s));
    const auto to = parseTimeInput(cl.value(u"to"_s));
    if (!from || !to || *to <= *from) {
        err << "inquest new-evidence: --from and --to want two times, the first earlier (ISO 8601, UTC when no "
               "zone is given)\n";
        return std::nullopt;
    }
    return evidenceFromCurve(*c, *from, *to);
}

// The same item the timeline's "New evidence from selected lines" makes, for lines A..B.
std::optional<Evidence> fromLines(const CommandLine &cl, const CaseDocument &doc, QTextStream &err)
{
    const Source *source = doc.find<Source>(cl.value(u"source"_s).toLongLong());
    if (!source || !source->table) {
        err << "inquest new-evidence: " << cl.casePath() << ": no log source " << cl.value(u"source"_s) << '\n';
        return std::nullopt;
    }
    const QStringList range = cl.value(u"lines"_s).split(u'-');
    bool ok1 = false, ok2 = true;
    const qint64 first = range.value(0).toLongLong(&ok1);
    const qint64 last = range.size() > 1 ? range[1].toLongLong(&ok2) : first;
    const auto a = ok1 && ok2 ? rowOfLine(*source, first) : std::nullopt;
    const auto b = ok1 && ok2 ? rowOfLine(*source, last) : std::nullopt;
    if (range.size() > 2 || !a || !b || *b < *a) {
        err << "inquest new-evidence: " << source->path << ": --lines " << cl.value(u"lines"_s)
            << " does not name lines that hold events (FIRST or FIRST-LAST)\n";
        return std::nullopt;
    }
    std::vector<EventRef> events;
    for (std::size_t r = *a; r <= *b; ++r)
        events.push_back({source->id, r});
    return evidenceFromLines(doc.sources(), events).value(0);
}

} // namespace

// inquest new-evidence CASE --curve NAME --from T --to T | --source ID --lines A[-B]: a suggested
// evidence item from a user curve and a range, or from log lines.
int newEvidence(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({u"curve"_s, u"from"_s, u"to"_s, u"source"_s, u"lines"_s, u"title"_s}, {});
    cl.acceptWait();
    if (!cl.parseOneCase("new-evidence", args, err))
        return Usage;
    const bool curve = cl.has(u"curve"_s), lines = cl.has(u"source"_s) || cl.has(u"lines"_s);
    if (curve == lines || (lines && !(cl.has(u"source"_s) && cl.has(u"lines"_s)))) {
        err << "inquest new-evidence: give --curve NAME --from T --to T, or --source ID --lines A[-B]\n";
        return Usage;
    }
    const QString path = cl.casePath();
    casefile::CaseLock lock;
    if (const int status = lockCase("new-evidence", cl, path, lock, err); status != Success)
        return status;
    CaseDocument doc;
    QString error;
    if (!casefile::open(doc, path, &error)) {
        err << "inquest new-evidence: " << error << '\n';
        return BadInput;
    }
    std::optional<Evidence> e = curve ? fromCurve(cl, doc, err) : fromLines(cl, doc, err);
    if (!e)
        return BadInput;
    if (cl.has(u"title"_s))
        e->title = cl.value(u"title"_s);
    const Id id = edit::addEvidence(&doc, *e);
    if (!casefile::save(doc, path, &error)) {
        err << "inquest new-evidence: " << error << '\n';
        return BadInput;
    }
    out << "E" << id << "  " << e->title << "  (suggested)\n";
    return Success;
}

} // namespace inquest::cli
