#include "commandline.h"
#include "commands.h"

#include "analysis/binpyramid.h"
#include "analysis/curveseries.h"
#include "analysis/filterexpression.h"
#include "analysis/seriesexport.h"
#include "casefile/casefile.h"
#include "model/curveedits.h"

#include <QColor>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace inquest::cli {

using namespace Qt::StringLiterals;

namespace {

QJsonObject curveJson(const CurveSpec &c)
{
    return {{u"id"_s, qint64(c.id)}, {u"name"_s, c.name},
            {u"filter"_s, c.filter}, {u"aggregate"_s, aggregateText(c)},
            {u"colour"_s, c.colour}, {u"style"_s, toString(c.style)}};
}

// Fills the curve from --filter, --agg, --colour and --style; false with a message.
bool readCurveOptions(const CommandLine &cl, CurveSpec *c, QString *error)
{
    EventFilter f;
    c->filter = cl.value(u"filter"_s).trimmed();
    if (!parseFilterExpression(c->filter, &f, error))
        return false;
    if (cl.has(u"agg"_s) && !parseCurveAggregate(cl.value(u"agg"_s), c, error))
        return false;
    if (cl.has(u"colour"_s)) {
        const QColor colour = QColor::fromString(cl.value(u"colour"_s));
        if (!colour.isValid()) {
            *error = u"--colour: \"%1\" is not a colour (#rrggbb or a name)"_s.arg(cl.value(u"colour"_s));
            return false;
        }
        c->colour = colour.name();
    }
    if (cl.has(u"style"_s)) {
        const auto style = curveStyleFromString(cl.value(u"style"_s));
        if (!style) {
            *error = u"--style: \"%1\" is not line, step, bars or dots"_s.arg(cl.value(u"style"_s));
            return false;
        }
        c->style = *style;
    }
    return true;
}

} // namespace

// inquest curve add|list|remove CASE …: the case's user-defined curves.
int curve(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({u"name"_s, u"filter"_s, u"agg"_s, u"colour"_s, u"style"_s}, {u"json"_s});
    cl.acceptWait();
    QString error;
    if (!cl.parse(args, &error)) {
        err << "inquest curve: " << error << '\n';
        return Usage;
    }
    const QStringList pos = cl.positional();
    const QString action = pos.value(0);
    if (pos.size() < 2 || (action != u"add" && action != u"list" && action != u"remove") ||
        (action == u"remove") != (pos.size() == 3) || pos.size() > 3) {
        err << "inquest curve: expected `curve add CASE --name N [--filter EXPR] [--agg AGG] …`, "
               "`curve list CASE` or `curve remove CASE NAME`\n";
        return Usage;
    }
    const QString casePath = pos[1];
    casefile::CaseLock lock;
    if (action != u"list") {
        if (const int status = lockCase("curve", cl, casePath, lock, err); status != Success)
            return status;
    }
    CaseDocument doc;
    if (!casefile::open(doc, casePath, &error)) {
        err << "inquest curve: " << error << '\n';
        return BadInput;
    }
    if (action == u"add") {
        CurveSpec c;
        c.name = cl.value(u"name"_s).trimmed();
        if (c.name.isEmpty()) {
            err << "inquest curve: --name is required\n";
            return Usage;
        }
        if (findCurve(doc.curves(), c.name)) {
            err << "inquest curve: " << casePath << ": a curve \"" << c.name << "\" exists already\n";
            return BadInput;
        }
        if (!readCurveOptions(cl, &c, &error)) {
            err << "inquest curve: " << error << '\n';
            return BadInput;
        }
        edit::addCurve(&doc, c);
    } else if (action == u"remove") {
        const CurveSpec *c = findCurve(doc.curves(), pos[2]);
        if (!c) {
            QStringList names;
            for (const CurveSpec &k : doc.curves())
                names.append(k.name);
            err << "inquest curve: " << casePath << ": no curve \"" << pos[2]
                << "\" (curves: " << (names.isEmpty() ? u"none"_s : names.join(u", ")) << ")\n";
            return BadInput;
        }
        edit::removeCurve(&doc, c->id);
    }
    if (action != u"list" && !casefile::save(doc, casePath, &error)) {
        err << "inquest curve: " << error << '\n';
        return BadInput;
    }
    if (cl.has(u"json"_s)) {
        QJsonArray list;
        for (const CurveSpec &c : doc.curves())
            list.append(curveJson(c));
        out << QJsonDocument(QJsonObject{{u"curves"_s, list}}).toJson(QJsonDocument::Indented);
    } else if (action == u"list") {
        for (const CurveSpec &c : doc.curves())
            out << c.name << "  " << aggregateText(c) << "  " << (c.filter.isEmpty() ? u"(all events)"_s : c.filter)
                << "  " << c.colour << ' ' << toString(c.style) << '\n';
    }
    return Success;
}

int curveSeriesOutput(const CommandLine &cl, const CaseData &data, int64_t widthUs, QTextStream &out, QTextStream &err)
{
    CurveSpec c;
    QString error;
    if (cl.has(u"curve"_s)) {
        const CurveSpec *known = findCurve(data.curves, cl.value(u"curve"_s));
        if (!known) {
            err << "inquest series: " << cl.casePath() << ": no curve \"" << cl.value(u"curve"_s) << "\"\n";
            return BadInput;
        }
        c = *known;
        if (cl.has(u"agg"_s) && !parseCurveAggregate(cl.value(u"agg"_s), &c, &error)) {
            err << "inquest series: " << error << '\n';
            return Usage;
        }
    } else {
        c.name = cl.value(u"filter"_s);
        c.filter = cl.value(u"filter"_s);
        if (cl.has(u"agg"_s) && !parseCurveAggregate(cl.value(u"agg"_s), &c, &error)) {
            err << "inquest series: " << error << '\n';
            return Usage;
        }
    }
    const SiteRule rule = SiteRule::of(data.meta);
    int64_t minTime = INT64_MAX, maxTime = INT64_MIN;
    for (const Source &s : data.sources) {
        if (s.kind == SourceKind::Log && s.table && !s.table->empty()) {
            minTime = std::min<int64_t>(minTime, s.table->minTime());
            maxTime = std::max<int64_t>(maxTime, s.table->maxTime());
        }
    }
    if (minTime > maxTime) {
        err << "inquest series: " << cl.casePath() << ": the case has no log events\n";
        return BadInput;
    }
    if (widthUs == 0)
        widthUs = BinPyramid::widthFor(maxTime - minTime + 1, 2000);
    const auto s = curveSeries(data.sources, rule, c, widthUs, minTime, maxTime + 1, &error);
    if (!s) {
        err << "inquest series: " << error << '\n';
        return BadInput;
    }
    if (cl.has(u"json"_s)) {
        QJsonObject o = seriesJson(*s, {});
        o.insert(u"metric"_s, aggregateText(c));
        o.insert(u"curve"_s, c.name);
        o.insert(u"filter"_s, c.filter);
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else if (cl.has(u"csv"_s)) {
        writeSeriesCsv(out, {{c.name, *s}});
    } else {
        out << "# " << c.name << ": " << aggregateText(c) << " of " << (c.filter.isEmpty() ? u"all events"_s : c.filter)
            << ", " << widthUs / UsPerSecond << " s bins, times UTC\n";
        for (std::size_t i = 0; i < s->size(); ++i)
            out << isoUtc(s->start(i)) << "  "
                << (std::isnan(s->values[i]) ? u"-"_s : QString::number(s->values[i], 'g', 10)) << '\n';
    }
    return Success;
}

} // namespace inquest::cli
