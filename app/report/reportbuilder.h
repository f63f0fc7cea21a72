#pragma once

#include "reportdocument.h"
#include "reportoptions.h"
#include "reportscores.h"

#include <QTimeZone>

namespace inquest {

struct CaseData;

// How sure the report says it is, from the margin and the critical evidence (see confidence()).
struct Confidence
{
    QString level;  // "high", "moderate", "low", "undecided", "not scored"
    QString reason; // one sentence, printed after the level
};

// The confidence rule the executive summary states, in ranking units (one "I" rating of weight 1
// adds 1 to a hypothesis's weighted inconsistency):
//   not scored   no scores supplied
//   undecided    a single hypothesis, or margin 0 (a tie)
//   high         margin >= 2 and no critical evidence
//   moderate     margin >= 1 and at most one critical item
//   low          everything else (a margin below 1, or two or more critical items)
Confidence confidence(const ReportScores &scores);

// The SHA-256 (lower-case hex) of a file's bytes; empty when it cannot be read.
QString fileSha256(const QString &path);

// Builds the report's blocks from the case. The builder never scores and never draws: scores
// come in `scores`, figures are left as ChartSpecs for a FigureRenderer (or a note when
// `figuresAvailable` is false).
class ReportBuilder
{
public:
    ReportBuilder(const CaseData &data, const ReportScores &scores, const ReportOptions &options,
                  bool figuresAvailable);
    ReportDocument build();

    // The incident range the charts show: the outage windows widened by their length on each
    // side (context), or {0, 0} (the whole case) when the case marks no outage.
    static std::pair<qint64, qint64> incidentRange(const CaseData &data);
    // The traffic figure of one site (empty: all sites) as the Charts section draws it, without
    // its remote answer (reportcharts.cpp).
    static ChartSpec siteFigure(const CaseData &data, const ReportOptions &options, const QString &site);

private:
    void titlePage(const QString &reportId, const QString &generated);
    void summary();
    void timeline();
    void charts();           // reportcharts.cpp
    void timelineAndMarks(); // reportannotations.cpp
    void chartsAndCurves();
    void evidence();
    void scoring();
    void whyTheLeaderLeads();
    void sensitivity();
    void statements();
    void sources();
    void custody();
    void remoteProvenance(); // provenanceappendix.cpp
    void section(ReportSection section);
    void add(const ReportBlock &block) { m_blocks.append(block); }
    QString statementLabel(Id id) const;

    const CaseData &m_data;
    const ReportScores &m_scores;
    const ReportOptions &m_options;
    bool m_figures;
    QTimeZone m_zone;
    bool m_zoneIsUtc = true; // the chosen zone never differs from UTC: one time column, not two equal ones
    QList<ReportBlock> m_blocks;
};

// Convenience: ReportBuilder(...).build().
ReportDocument buildReport(const CaseData &data, const ReportScores &scores, const ReportOptions &options,
                           bool figuresAvailable);

} // namespace inquest
