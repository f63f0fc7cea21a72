#include "reportbuilder.h"
#include "reportformat.h"

#include "model/casedata.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace inquest {

using namespace reportformat;

QList<ReportSection> allReportSections()
{
    return {ReportSection::Summary,    ReportSection::Timeline, ReportSection::Charts,
            ReportSection::Evidence,   ReportSection::Scoring,  ReportSection::Sensitivity,
            ReportSection::Statements, ReportSection::Sources,  ReportSection::Custody};
}

QString reportSectionTitle(ReportSection section)
{
    switch (section) {
    case ReportSection::Summary:
        return QStringLiteral("Executive summary");
    case ReportSection::Timeline:
        return QStringLiteral("Incident timeline");
    case ReportSection::Charts:
        return QStringLiteral("Traffic and errors");
    case ReportSection::Evidence:
        return QStringLiteral("Evidence");
    case ReportSection::Scoring:
        return QStringLiteral("Scoring");
    case ReportSection::Sensitivity:
        return QStringLiteral("Sensitivity");
    case ReportSection::Statements:
        return QStringLiteral("Statements");
    case ReportSection::Sources:
        return QStringLiteral("Appendix A: Sources");
    case ReportSection::Custody:
        return QStringLiteral("Appendix B: Custody log");
    }
    return {};
}

QDateTime reportTimestamp(const ReportOptions &options)
{
    if (options.generatedAt.isValid())
        return options.generatedAt.toUTC();
    bool ok = false;
    const qint64 epoch = qEnvironmentVariable("SOURCE_DATE_EPOCH").toLongLong(&ok);
    if (ok)
        return QDateTime::fromSecsSinceEpoch(epoch, QTimeZone::utc());
    return QDateTime::currentDateTimeUtc().addMSecs(-QDateTime::currentDateTimeUtc().time().msec());
}

QList<ReportDocument::Entry> ReportDocument::contents() const
{
    QList<Entry> entries;
    for (const ReportBlock &b : blocks) {
        if (b.type == ReportBlock::Heading && b.level == 1)
            entries.append({b.text, b.anchor});
    }
    return entries;
}

Confidence confidence(const ReportScores &scores)
{
    if (!scores.isScored())
        return {QStringLiteral("not scored"), QStringLiteral("No scores were supplied for this case.")};
    if (scores.ranked.size() < 2)
        return {QStringLiteral("undecided"),
                QStringLiteral("Only one hypothesis was considered, so nothing was ruled out.")};
    const double m = scores.margin;
    const qsizetype c = scores.critical.size();
    if (m <= 0) {
        QStringList tied;
        for (const ReportScores::Row &r : scores.ranked) {
            if (r.rank == scores.ranked.first().rank)
                tied.append(r.name);
        }
        if (tied.size() < 2) // ranks not filled in: the margin alone says the first two tie
            return {QStringLiteral("undecided"), QStringLiteral("The two leading hypotheses are tied.")};
        const QString last = tied.takeLast();
        return {QStringLiteral("undecided"), QStringLiteral("%1 hypotheses are tied for first: %2 and %3.")
                                                 .arg(tied.size() + 1)
                                                 .arg(tied.join(QStringLiteral(", ")), last)};
    }
    const QString facts = QStringLiteral("margin %1, %2 critical evidence item(s)").arg(number(m)).arg(c);
    if (m >= 2 && c == 0)
        return {QStringLiteral("high"),
                QStringLiteral("Clear margin and no single item decides the ranking (%1).").arg(facts)};
    if (m >= 1 && c <= 1)
        return {QStringLiteral("moderate"),
                QStringLiteral("The ranking holds but rests on few items (%1).").arg(facts)};
    return {QStringLiteral("low"),
            QStringLiteral("The ranking could change with little new evidence (%1).").arg(facts)};
}

QString fileSha256(const QString &path)
{
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return QString::fromLatin1(hash.result().toHex());
}

ReportBuilder::ReportBuilder(const CaseData &data, const ReportScores &scores, const ReportOptions &options,
                             bool figuresAvailable)
    : m_data(data)
    , m_scores(scores)
    , m_options(options)
    , m_figures(figuresAvailable)
    , m_zone(options.timeZone.isEmpty() ? QTimeZone::utc() : QTimeZone(options.timeZone.toUtf8()))
{
    if (!m_zone.isValid())
        m_zone = QTimeZone::utc();
    m_zoneIsUtc =
        m_zone.id() == QTimeZone::utc().id() ||
        (!m_zone.hasTransitions() && m_zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(0, QTimeZone::utc())) == 0);
}

void ReportBuilder::section(ReportSection s)
{
    add(ReportBlock::heading(reportSectionTitle(s), 1, QStringLiteral("sec-%1").arg(int(s))));
}

// A canonical serialisation of what the report says: the report id hashes it, so the same case
// (and the same scores and options) always gets the same id, and any change gets a new one.
static QByteArray contentHash(const QList<ReportBlock> &blocks)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    const auto add = [&h](const QString &s) {
        h.addData(s.toUtf8());
        h.addData(QByteArrayView("\x1f", 1));
    };
    for (const ReportBlock &b : blocks) {
        add(QString::number(int(b.type)));
        add(b.text);
        add(b.header.join(u'\x1e'));
        for (const QStringList &row : b.rows)
            add(row.join(u'\x1e'));
        if (b.type == ReportBlock::Figure)
            add(QStringLiteral("%1 %2 %3 %4")
                    .arg(b.chart.beginUs)
                    .arg(b.chart.endUs)
                    .arg(b.chart.sites.join(u','), b.chart.timeZone));
    }
    return h.result();
}

ReportDocument ReportBuilder::build()
{
    m_blocks.clear();
    const QList<std::pair<ReportSection, void (ReportBuilder::*)()>> parts{
        {ReportSection::Summary, &ReportBuilder::summary},
        {ReportSection::Timeline, &ReportBuilder::timelineAndMarks},
        {ReportSection::Charts, &ReportBuilder::chartsAndCurves},
        {ReportSection::Evidence, &ReportBuilder::evidence},
        {ReportSection::Scoring, &ReportBuilder::scoring},
        {ReportSection::Sensitivity, &ReportBuilder::sensitivity},
        {ReportSection::Statements, &ReportBuilder::statements},
        {ReportSection::Sources, &ReportBuilder::sources},
        {ReportSection::Custody, &ReportBuilder::custody},
    };
    for (const auto &[s, fn] : parts) {
        if (m_options.has(s)) {
            section(s);
            (this->*fn)();
        }
    }
    // With the sources: the appendix on what remote servers answered.
    if (m_options.has(ReportSection::Sources) && !m_data.remoteSources.isEmpty()) {
        add(ReportBlock::heading(QStringLiteral("Appendix C: Provenance of remote results"), 1,
                                 QStringLiteral("sec-remote")));
        remoteProvenance();
    }
    const QList<ReportBlock> body = std::move(m_blocks);
    m_blocks.clear();

    QCryptographicHash idHash(QCryptographicHash::Sha256);
    idHash.addData(m_data.meta.caseId.toUtf8());
    idHash.addData(contentHash(body));
    const QString reportId =
        QStringLiteral("IQR-%1").arg(QString::fromLatin1(idHash.result().toHex().left(16)).toUpper());

    titlePage(reportId, utc(reportTimestamp(m_options).toMSecsSinceEpoch() * 1000));
    ReportBlock contents;
    contents.type = ReportBlock::Contents;
    contents.text = QStringLiteral("Contents");
    add(contents);
    add(ReportBlock::pageBreak());
    m_blocks.append(body);

    ReportDocument doc;
    doc.caseTitle = m_data.meta.title;
    doc.analyst = m_data.meta.analyst;
    doc.reportId = reportId;
    doc.timeZone = m_zoneIsUtc ? QStringLiteral("UTC") : QString::fromUtf8(m_zone.id());
    const Confidence conf = confidence(m_scores);
    doc.subject =
        m_scores.isScored()
            ? QStringLiteral("Findings: %1 leads (confidence %2)").arg(m_scores.ranked.first().name, conf.level)
            : QStringLiteral("Findings report (not scored)");
    doc.blocks = std::move(m_blocks);
    return doc;
}

void ReportBuilder::titlePage(const QString &reportId, const QString &generated)
{
    ReportBlock title;
    title.type = ReportBlock::Title;
    title.text = m_data.meta.title.isEmpty() ? QStringLiteral("Untitled case") : m_data.meta.title;
    add(title);
    add(ReportBlock::paragraph(QStringLiteral("Findings report"), true));

    ReportBlock kv = ReportBlock::table({}, {28, 72});
    const QString caseAsOf = m_data.custody.isEmpty() ? QStringLiteral("\u2014")
                                                      : utc(m_data.custody.last().time.toMSecsSinceEpoch() * 1000);
    const bool unsaved = m_options.unsavedChanges;
    const QString sha = unsaved ? m_options.caseStateSha256 : fileSha256(m_options.caseFilePath);
    const QString file = m_options.caseFilePath.isEmpty() ? QStringLiteral("not saved")
                                                          : QFileInfo(m_options.caseFilePath).absoluteFilePath();
    kv.rows = {
        {QStringLiteral("Analyst"), m_data.meta.analyst.isEmpty() ? QStringLiteral("\u2014") : m_data.meta.analyst},
        {QStringLiteral("Case number"),
         m_data.meta.caseNumber.isEmpty() ? QStringLiteral("\u2014") : m_data.meta.caseNumber},
        {QStringLiteral("Case id"), m_data.meta.caseId},
        {QStringLiteral("Case created"), m_data.meta.created.isValid()
                                             ? utc(m_data.meta.created.toMSecsSinceEpoch() * 1000)
                                             : QStringLiteral("\u2014")},
        {QStringLiteral("Case as of (last custody entry)"), caseAsOf},
        {QStringLiteral("Report generated"), generated},
        {QStringLiteral("Report id"), reportId},
        {QStringLiteral("Case file"),
         unsaved
             ? QStringLiteral("%1 \u2014 unsaved changes: this report shows edits that are not in the file").arg(file)
             : file},
        {unsaved ? QStringLiteral("Case state SHA-256 (unsaved changes)") : QStringLiteral("Case file SHA-256"),
         sha.isEmpty() ? QStringLiteral("not available") : sha},
        {QStringLiteral("Custody chain head"),
         m_data.custody.isEmpty() ? QStringLiteral("\u2014") : m_data.custody.last().hash},
        {QStringLiteral("Times shown in"),
         m_zoneIsUtc ? QStringLiteral("UTC") : QStringLiteral("UTC and %1").arg(QString::fromUtf8(m_zone.id()))},
    };
    kv.monoRows = {7, 8};
    kv.emphasis = true;
    add(kv);
    if (!m_data.meta.description.isEmpty())
        add(ReportBlock::paragraph(m_data.meta.description));
    add(ReportBlock::paragraph(
        QStringLiteral(
            "The report id is derived from the case id and the report's content: the same case gives the same id. "
            "Verify the case file with \u201cinquest verify\u201d and compare its SHA-256 with the one above. "
            "Keep the custody chain head: \u201cinquest verify CASE --expect-head HEAD\u201d fails if the file "
            "is later replaced by an older copy."),
        false, true));
    add(ReportBlock::pageBreak());
}

void ReportBuilder::summary()
{
    const Confidence conf = confidence(m_scores);
    qsizetype accepted = 0, suggested = 0, rejected = 0;
    for (const Evidence &e : m_data.evidence) {
        accepted += e.state == EvidenceState::Accepted;
        suggested += e.state == EvidenceState::Suggested;
        rejected += e.state == EvidenceState::Rejected;
    }
    if (!m_scores.isScored()) {
        add(ReportBlock::paragraph(
            QStringLiteral("Not scored: no scores were computed for this case, so the report names "
                           "no leading hypothesis."),
            true));
    } else {
        const ReportScores::Row &lead = m_scores.ranked.first();
        // The kind in brackets only when the analyst named the hypothesis differently.
        const QString kind = displayName(lead.kind);
        add(ReportBlock::paragraph(lead.name == kind
                                       ? QStringLiteral("Leading hypothesis: %1").arg(lead.name)
                                       : QStringLiteral("Leading hypothesis: %1 (%2)").arg(lead.name, kind),
                                   true));
        ReportBlock kv = ReportBlock::table({}, {28, 72});
        kv.emphasis = true;
        kv.rows.append({QStringLiteral("Score"),
                        QStringLiteral("weighted inconsistency %1, support %2, posterior %3")
                            .arg(number(lead.weightedInconsistency), number(lead.support), number(lead.posterior, 3))});
        if (m_scores.ranked.size() > 1)
            kv.rows.append({QStringLiteral("Margin"),
                            QStringLiteral("%1 over %2 (ranked by %3)")
                                .arg(number(m_scores.margin), m_scores.ranked.at(1).name,
                                     m_scores.rankBy.isEmpty() ? QStringLiteral("score") : m_scores.rankBy)});
        kv.rows.append({QStringLiteral("Confidence"), QStringLiteral("%1 \u2014 %2").arg(conf.level, conf.reason)});
        QStringList critical;
        for (Id id : m_scores.critical)
            critical.append(evidenceTitle(m_data, id));
        kv.rows.append(
            {QStringLiteral("Critical evidence"), critical.isEmpty() ? QStringLiteral("none") : critical.join(u'\n')});
        add(kv);
    }
    ReportBlock facts = ReportBlock::table({}, {28, 72});
    facts.emphasis = true;
    qsizetype outages = 0;
    for (const Marker &m : m_data.markers)
        outages += m.kind == MarkerKind::Outage;
    facts.rows = {
        {QStringLiteral("Hypotheses"), QString::number(m_data.hypotheses.size())},
        {QStringLiteral("Evidence"), QStringLiteral("%1 items: %2 accepted (scored), %3 suggested, %4 rejected")
                                         .arg(m_data.evidence.size())
                                         .arg(accepted)
                                         .arg(suggested)
                                         .arg(rejected)},
        {QStringLiteral("Sources"),
         m_data.remoteSources.isEmpty()
             ? QString::number(m_data.sources.size())
             : QStringLiteral("%1, and %2 remote").arg(m_data.sources.size()).arg(m_data.remoteSources.size())},
        {QStringLiteral("Statements"), QString::number(m_data.statements.size())},
        {QStringLiteral("Outage windows"), QString::number(outages)},
    };
    add(facts);
    add(ReportBlock::paragraph(
        QStringLiteral(
            "Confidence rule (margin in ranking units; one \u201cI\u201d rating of weight 1 counts 1): high when the "
            "margin is at least 2 and no evidence item is critical; moderate when the margin is at least 1 and at "
            "most one item is critical; low otherwise; undecided on a tie or with a single hypothesis."),
        false, true));
}

void ReportBuilder::scoring()
{
    QList<const Evidence *> scored;
    for (const Evidence &e : m_data.evidence) {
        if (e.state == EvidenceState::Accepted)
            scored.append(&e);
    }
    add(ReportBlock::heading(QStringLiteral("Matrix (accepted evidence)"), 2));
    QStringList header{QStringLiteral("Evidence"), QStringLiteral("Relevance")};
    QList<double> widths{34, 10};
    for (const Hypothesis &h : m_data.hypotheses) {
        header.append(h.name);
        widths.append(56.0 / qMax<qsizetype>(1, m_data.hypotheses.size()));
    }
    ReportBlock matrix = ReportBlock::table(header, widths);
    for (const Evidence *e : scored) {
        QStringList row{QStringLiteral("E%1 %2").arg(e->id).arg(e->title), toString(e->relevance)};
        for (const Hypothesis &h : m_data.hypotheses) {
            const QString r = toString(e->rating(h.id));
            row.append(r.isEmpty() ? QStringLiteral("\u2014") : r);
        }
        matrix.rows.append(row);
    }
    if (scored.isEmpty())
        add(ReportBlock::paragraph(QStringLiteral("No accepted evidence.")));
    else
        add(matrix);
    add(ReportBlock::paragraph(QStringLiteral("Ratings: CC very consistent, C consistent, N neutral, I inconsistent, "
                                              "II very inconsistent, NA not applicable, \u2014 not rated."),
                               false, true));

    add(ReportBlock::heading(QStringLiteral("Scores"), 2));
    if (!m_scores.isScored()) {
        add(ReportBlock::paragraph(QStringLiteral("Not scored.")));
        return;
    }
    ReportBlock scores = ReportBlock::table({QStringLiteral("Rank"), QStringLiteral("Hypothesis"),
                                             QStringLiteral("Kind"), QStringLiteral("Weighted inconsistency"),
                                             QStringLiteral("Support"), QStringLiteral("Posterior")},
                                            {8, 30, 14, 20, 14, 14});
    for (const ReportScores::Row &r : m_scores.ranked)
        scores.rows.append({QString::number(r.rank), r.name, displayName(r.kind), number(r.weightedInconsistency),
                            number(r.support), number(r.posterior, 3)});
    add(scores);
    if (!m_scores.rankBy.isEmpty())
        add(ReportBlock::paragraph(QStringLiteral("Ranked by %1.").arg(m_scores.rankBy)));
    for (const QString &f : m_scores.formulas)
        add(ReportBlock::paragraph(f, false, true));
    whyTheLeaderLeads();
}

void ReportBuilder::whyTheLeaderLeads()
{
    if (m_scores.ranked.size() < 2)
        return;
    if (m_scores.whySummary.isEmpty() && m_scores.why.isEmpty())
        return; // scores supplied without the explanation
    add(ReportBlock::heading(QStringLiteral("Why the leader leads"), 2));
    add(ReportBlock::paragraph(m_scores.whySummary));
    if (m_scores.why.isEmpty())
        return;
    const QString first = m_scores.ranked.at(0).name, second = m_scores.ranked.at(1).name;
    ReportBlock t = ReportBlock::table({QStringLiteral("Evidence"), QStringLiteral("Weight"), first, second,
                                        QStringLiteral("\u0394 (%1 \u2212 %2)").arg(first, second)},
                                       {40, 10, 16, 16, 18});
    for (const ReportScores::Contribution &c : m_scores.why)
        t.rows.append({QStringLiteral("E%1 %2").arg(c.evidence).arg(c.title), number(c.weight), c.leader, c.runnerUp,
                       c.differenceText});
    add(t);
    add(ReportBlock::paragraph(
        QStringLiteral("Each cell: the item's contribution to the hypothesis's score (in %1) and its rating; \u0394 "
                       "sums to the margin. %2 other accepted item(s) add the same to both and are not listed.")
            .arg(m_scores.rankBy.isEmpty() ? QStringLiteral("ranking units") : m_scores.rankBy)
            .arg(m_scores.whyOthers),
        false, true));
}

void ReportBuilder::sensitivity()
{
    if (!m_scores.isScored()) {
        add(ReportBlock::paragraph(QStringLiteral("Not scored.")));
        return;
    }
    add(ReportBlock::paragraph(QStringLiteral(
        "An item is critical when removing it changes the leading hypothesis. The flip factor is how far its weight "
        "may "
        "move before the leader changes: the ranking holds for weights between 1/f and f times the current one.")));
    if (m_scores.sensitivity.isEmpty()) {
        add(ReportBlock::paragraph(QStringLiteral("No sensitivity figures were supplied.")));
        return;
    }
    ReportBlock t = ReportBlock::table({QStringLiteral("Evidence"), QStringLiteral("Critical"),
                                        QStringLiteral("Flip factor"), QStringLiteral("Would lead instead")},
                                       {50, 12, 14, 24});
    for (const ReportScores::Sensitivity &s : m_scores.sensitivity)
        t.rows.append({evidenceTitle(m_data, s.evidence), s.critical ? QStringLiteral("yes") : QStringLiteral("no"),
                       s.flipFactor ? QStringLiteral("\u00d7%1").arg(number(*s.flipFactor)) : QStringLiteral("none"),
                       s.flipsTo.isEmpty() ? QStringLiteral("\u2014") : s.flipsTo});
    add(t);
}

} // namespace inquest

namespace inquest {

ReportDocument buildReport(const CaseData &data, const ReportScores &scores, const ReportOptions &options,
                           bool figuresAvailable)
{
    return ReportBuilder(data, scores, options, figuresAvailable).build();
}

} // namespace inquest
