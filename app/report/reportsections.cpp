// The case-describing sections of the findings report: timeline, charts, evidence, statements
// and the appendices. (Title page, summary and scores are in reportbuilder.cpp.)
#include "reportbuilder.h"
#include "reportformat.h"

#include "model/casedata.h"
#include "model/sites.h"

#include <QFileInfo>

#include <algorithm>

namespace inquest {

using namespace reportformat;

namespace {

// Long free text (a quote, a comment) is cut so that one table row always fits on a page.
QString clip(const QString &text, qsizetype max = 600)
{
    return text.size() <= max ? text : text.left(max) + QStringLiteral("\u2026 (cut; full text in the case file)");
}

const Source *findSource(const CaseData &data, Id id)
{
    for (const Source &s : data.sources) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

} // namespace

QString ReportBuilder::statementLabel(Id id) const
{
    for (const Statement &s : m_data.statements) {
        if (s.id == id)
            return QStringLiteral("S%1 %2%3")
                .arg(id)
                .arg(s.speaker, s.organisation.isEmpty() ? QString()
                                : s.organisationBasis.isEmpty()
                                    ? QStringLiteral(" (%1)").arg(s.organisation)
                                    : QStringLiteral(" (%1, inferred)").arg(s.organisation));
    }
    return QStringLiteral("S%1").arg(id);
}

std::pair<qint64, qint64> ReportBuilder::incidentRange(const CaseData &data)
{
    qint64 begin = 0, end = 0;
    bool any = false;
    for (const Marker &m : data.markers) {
        if (m.kind != MarkerKind::Outage)
            continue;
        begin = any ? qMin(begin, m.begin) : m.begin;
        end = any ? qMax(end, qMax(m.begin, m.end)) : qMax(m.begin, m.end);
        any = true;
    }
    if (!any)
        return {0, 0};
    // Context: as much before and after as the outage lasted (an hour around an instant).
    const qint64 context = end > begin ? end - begin : qint64(3600) * 1000000;
    return {begin - context, end + context};
}

void ReportBuilder::timeline()
{
    struct Row
    {
        qint64 time;
        QString kind;
        QString what;
        QString where;
    };
    QList<Row> rows;
    for (const Marker &m : m_data.markers) {
        const QString site = m.site.isEmpty() ? QStringLiteral("all sites") : m.site;
        if (m.kind == MarkerKind::Outage) {
            rows.append({m.begin, QStringLiteral("Outage begins"), m.label, site});
            if (m.end > m.begin)
                rows.append({m.end, QStringLiteral("Outage ends"), m.label, site});
        } else {
            rows.append({m.begin, m.kind == MarkerKind::Finding ? QStringLiteral("Finding") : QStringLiteral("Note"),
                         m.end > m.begin ? QStringLiteral("%1 (until %2)").arg(m.label, utc(m.end)) : m.label,
                         m.origin.isEmpty() ? site : QStringLiteral("%1, %2").arg(site, m.origin)});
        }
    }
    for (const Statement &s : m_data.statements) {
        const Source *article = findSource(m_data, s.sourceId);
        for (const TimeRef &t : s.times)
            rows.append({t.begin, QStringLiteral("Statement"),
                         QStringLiteral("%1: \u201c%2\u201d (\u201c%3\u201d%4)")
                             .arg(statementLabel(s.id), clip(s.quote, 240), t.phrase,
                                  t.approximate ? QStringLiteral(", approximate") : QString()),
                         article ? (article->outlet.isEmpty() ? article->title : article->outlet)
                                 : QStringLiteral("entered by hand")});
    }
    qsizetype untimed = 0;
    for (const Evidence &e : m_data.evidence) {
        if (!e.origin.startsWith(QStringLiteral("detector:")))
            continue;
        if (!e.provenance.hasTimeRange()) {
            ++untimed;
            continue;
        }
        rows.append({e.provenance.timeBegin, QStringLiteral("Detector finding"),
                     QStringLiteral("E%1 %2 (%3, until %4)")
                         .arg(e.id)
                         .arg(e.title, toString(e.state), utc(e.provenance.timeEnd)),
                     e.origin.mid(9)});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.time < b.time; });
    if (rows.isEmpty()) {
        add(ReportBlock::paragraph(
            QStringLiteral("No outage windows, timed statements or detector findings in this case.")));
        return;
    }
    ReportBlock t =
        m_zoneIsUtc
            ? ReportBlock::table({QStringLiteral("Time (UTC)"), QStringLiteral("Event"), QStringLiteral("What"),
                                  QStringLiteral("Where / by")},
                                 {19, 15, 48, 18})
            : ReportBlock::table({QStringLiteral("Time (UTC)"),
                                  QStringLiteral("Time (%1)").arg(QString::fromUtf8(m_zone.id())),
                                  QStringLiteral("Event"), QStringLiteral("What"), QStringLiteral("Where / by")},
                                 {17, 19, 13, 36, 15});
    for (const Row &r : rows) {
        if (m_zoneIsUtc)
            t.rows.append({utc(r.time), r.kind, r.what, r.where});
        else
            t.rows.append({utc(r.time), inZone(r.time, m_zone), r.kind, r.what, r.where});
    }
    add(t);
    if (untimed > 0)
        add(ReportBlock::paragraph(
            QStringLiteral("%1 detector finding(s) without a time range are listed in the evidence table.")
                .arg(untimed),
            false, true));
}

void ReportBuilder::evidence()
{
    if (m_data.evidence.isEmpty()) {
        add(ReportBlock::paragraph(QStringLiteral("No evidence.")));
        return;
    }
    // The comments column only when there is a comment: otherwise its width goes to the evidence.
    const bool comments = std::any_of(m_data.evidence.cbegin(), m_data.evidence.cend(),
                                      [](const Evidence &e) { return !e.comments.trimmed().isEmpty(); });
    QStringList header = {QStringLiteral("ID"), QStringLiteral("Evidence"), QStringLiteral("Provenance"),
                          QStringLiteral("Grades"), QStringLiteral("Ratings")};
    if (comments)
        header.append(QStringLiteral("Comments"));
    ReportBlock t = comments ? ReportBlock::table(header, {6, 25, 23, 13, 17, 16})
                             : ReportBlock::table(header, {6, 37, 24, 14, 19});
    for (const Evidence &e : m_data.evidence) {
        QString what = e.title;
        if (!e.description.isEmpty())
            what += u'\n' + clip(e.description, 400);
        // A detector's reason often is its description; printed once.
        if (!e.reason.isEmpty() && e.reason.trimmed() != e.description.trimmed())
            what += QStringLiteral("\nReason: ") + clip(e.reason, 300);
        QStringList prov;
        const Provenance &p = e.provenance;
        if (p.hasLines()) {
            const Source *s = findSource(m_data, p.sourceId);
            QString where =
                QStringLiteral("%1 (sha256 %2)")
                    .arg(s ? QFileInfo(s->path).fileName() : QStringLiteral("source"), shortHash(p.sourceSha256));
            if (p.firstLine > 0)
                where += p.lastLine > p.firstLine ? QStringLiteral(" lines %1\u2013%2").arg(p.firstLine).arg(p.lastLine)
                                                  : QStringLiteral(" line %1").arg(p.firstLine);
            prov.append(where);
        }
        if (p.hasTimeRange())
            prov.append(range(p.timeBegin, p.timeEnd) +
                        (p.metric.isEmpty() ? QString() : QStringLiteral(", %1").arg(p.metric)) +
                        (p.site.isEmpty() ? QString() : QStringLiteral(" @ %1").arg(p.site)));
        if (p.hasStatement())
            prov.append(QStringLiteral("Statement ") + statementLabel(p.statementId));
        prov.append(QStringLiteral("origin: ") + e.origin);
        const QString grades =
            QStringLiteral("%1%2 reliability/credibility\n%3 relevance\n%4%5")
                .arg(e.reliability)
                .arg(e.credibility)
                .arg(toString(e.relevance), toString(e.state), e.starred ? QStringLiteral(", starred") : QString());
        QStringList ratings;
        for (const Hypothesis &h : m_data.hypotheses) {
            const Rating r = e.rating(h.id);
            if (r != Rating::Unrated)
                ratings.append(QStringLiteral("%1: %2").arg(h.name, toString(r)));
        }
        QStringList row = {QStringLiteral("E%1").arg(e.id), what, prov.join(u'\n'), grades,
                           ratings.isEmpty() ? QStringLiteral("not rated") : ratings.join(u'\n')};
        if (comments)
            row.append(clip(e.comments, 500));
        t.rows.append(row);
    }
    add(t);
    add(ReportBlock::paragraph(
        QStringLiteral("Grades: Admiralty source reliability A (reliable) to F (cannot be judged) and "
                       "information credibility 1 (confirmed) to 6 (cannot be judged). Only accepted "
                       "evidence is scored."),
        false, true));
}

void ReportBuilder::statements()
{
    if (m_data.statements.isEmpty()) {
        add(ReportBlock::paragraph(QStringLiteral("No statements.")));
        return;
    }
    ReportBlock t = ReportBlock::table({QStringLiteral("ID"), QStringLiteral("Speaker"), QStringLiteral("Quote"),
                                        QStringLiteral("Times"), QStringLiteral("Source")},
                                       {6, 17, 35, 20, 22});
    for (const Statement &s : m_data.statements) {
        QString who = s.speaker;
        if (!s.role.isEmpty() && s.role != s.speaker)
            who += QStringLiteral(", ") + s.role;
        if (!s.organisation.isEmpty())
            who += QStringLiteral("\n") + s.organisation +
                   (s.organisationBasis.isEmpty() ? QString()
                                                  : QStringLiteral(" (inferred: %1)").arg(s.organisationBasis));
        QStringList stance;
        for (auto it = s.stance.cbegin(); it != s.stance.cend(); ++it)
            stance.append(QStringLiteral("%1 %2").arg(toString(it.key()), toString(it.value())));
        if (!stance.isEmpty())
            who += QStringLiteral("\nStance: %1%2")
                       .arg(stance.join(QStringLiteral(", ")),
                            s.stanceConfirmed ? QString() : QStringLiteral(" (suggested)"));
        QStringList times;
        for (const TimeRef &r : s.times)
            times.append(QStringLiteral("\u201c%1\u201d \u2192 %2%3%4")
                             .arg(r.phrase, r.isPeriod() ? range(r.begin, r.end) : utc(r.begin),
                                  r.approximate ? QStringLiteral(" (approx.)") : QString(),
                                  r.assumedZone.isEmpty()
                                      ? QString()
                                      : QStringLiteral(" (zone not stated, read as %1)").arg(r.assumedZone)));
        QString source = QStringLiteral("entered by hand");
        if (const Source *a = findSource(m_data, s.sourceId)) {
            source = a->title.isEmpty() ? QFileInfo(a->path).fileName() : a->title;
            if (!a->outlet.isEmpty())
                source += QStringLiteral("\n") + a->outlet;
            if (a->published.isValid())
                source += QStringLiteral(", published ") + a->published.toString(Qt::ISODate);
        }
        t.rows.append({QStringLiteral("S%1").arg(s.id), who,
                       QStringLiteral("%1\u201c%2\u201d")
                           .arg(s.direct ? QString() : QStringLiteral("(reported) "), clip(s.quote)),
                       times.isEmpty() ? QStringLiteral("no time given") : times.join(u'\n'), source});
    }
    add(t);
}

void ReportBuilder::sources()
{
    if (m_data.sources.isEmpty()) {
        add(ReportBlock::paragraph(QStringLiteral("No sources.")));
        return;
    }
    for (const Source &s : m_data.sources) {
        add(ReportBlock::heading(QFileInfo(s.path).fileName(), 2));
        ReportBlock kv = ReportBlock::table({}, {24, 76});
        kv.emphasis = true;
        kv.rows = {
            {QStringLiteral("Path"), s.path},
            {QStringLiteral("Kind, format"), QStringLiteral("%1, %2").arg(toString(s.kind), s.format)},
            {QStringLiteral("Size"), bytes(s.size)},
            {QStringLiteral("SHA-256"), s.sha256},
        };
        kv.monoRows = {3};
        if (s.kind == SourceKind::Log) {
            kv.rows.append({QStringLiteral("Time span (UTC)"),
                            s.events > 0 ? range(s.firstTime, s.lastTime) : QStringLiteral("no events")});
            kv.rows.append(
                {QStringLiteral("Lines, events"), QStringLiteral("%1 lines, %2 events").arg(s.lines).arg(s.events)});
            QString malformed = QString::number(s.malformed);
            for (qsizetype i = 0; i < s.issues.size() && i < 5; ++i)
                malformed += QStringLiteral("\nline %1: %2").arg(s.issues.at(i).line).arg(s.issues.at(i).reason);
            if (s.issues.size() > 5)
                malformed += QStringLiteral("\n(%1 more listed in the case)").arg(s.issues.size() - 5);
            kv.rows.append({QStringLiteral("Malformed lines"), malformed});
            const SiteRule rule = SiteRule::of(m_data.meta);
            if (rule.namesHosts(s))
                kv.rows.append(
                    {QStringLiteral("Site"), QStringLiteral("none: a system log; its events keep their hosts")});
            else if (const QString site = rule.sourceSite(s); !site.isEmpty())
                kv.rows.append({QStringLiteral("Site"), site});
            if (!s.timeZone.isEmpty())
                kv.rows.append({QStringLiteral("Declared zone"),
                                s.timeZone + (s.year ? QStringLiteral(", year %1").arg(s.year) : QString())});
        } else {
            kv.rows.append(
                {QStringLiteral("Article"),
                 QStringLiteral("%1\n%2%3")
                     .arg(s.title, s.outlet,
                          s.published.isValid() ? QStringLiteral(", published ") + s.published.toString(Qt::ISODate)
                                                : QString())});
        }
        if (s.importedAt.isValid())
            kv.rows.append({QStringLiteral("Imported"), utc(s.importedAt.toMSecsSinceEpoch() * 1000)});
        add(kv);
    }
}

void ReportBuilder::custody()
{
    add(ReportBlock::paragraph(
        QStringLiteral("Every row of the case's custody log. Each row's hash covers its fields and the "
                       "previous row's hash; \u201cinquest verify\u201d checks the chain.")));
    ReportBlock t = ReportBlock::table({QStringLiteral("Seq"), QStringLiteral("Time (UTC)"), QStringLiteral("Action"),
                                        QStringLiteral("Detail"), QStringLiteral("Hash")},
                                       {6, 19, 12, 48, 15});
    t.mono = {false, false, false, false, true};
    for (const CustodyEntry &c : m_data.custody)
        t.rows.append(
            {QString::number(c.seq), utc(c.time.toMSecsSinceEpoch() * 1000), c.action, c.detail, shortHash(c.hash)});
    add(t);
}

} // namespace inquest
