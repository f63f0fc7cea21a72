#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

namespace inquest {

namespace remote {
struct ReportFigureAnswers;
}

// The parts of the findings report a user can leave out (title page and contents always appear).
enum class ReportSection { Summary, Timeline, Charts, Evidence, Scoring, Sensitivity, Statements, Sources, Custody };

QList<ReportSection> allReportSections();
QString reportSectionTitle(ReportSection section);

struct ReportOptions
{
    // The saved case file the report describes: its SHA-256 goes on the title page.
    // Empty: the case is printed as "not saved".
    QString caseFilePath;
    // The report shows edits the case file does not hold: it says "unsaved changes" and cites
    // caseStateSha256 (the open case as a case file would hold it) instead of the file's hash.
    bool unsavedChanges = false;
    QString caseStateSha256;
    // Second zone for times (IANA id); every time is also printed in UTC.
    QString timeZone = QStringLiteral("UTC");
    QList<ReportSection> sections = allReportSections();
    // When the report was made. Invalid: SOURCE_DATE_EPOCH if set, otherwise now.
    // Not part of the report id, so the same case keeps the same id.
    QDateTime generatedAt;
    QString fontFamily = QStringLiteral("DejaVu Sans");
    QString monoFamily = QStringLiteral("DejaVu Sans Mono");
    // What the case's remote sources answered for the figures (remote/reportfigures), asked
    // before the report is built. Null: not asked (the figures say their sites are missing).
    std::shared_ptr<const remote::ReportFigureAnswers> remoteFigures;

    bool has(ReportSection s) const { return sections.contains(s); }
};

// The report's "now": options.generatedAt, else SOURCE_DATE_EPOCH, else the current time (UTC).
QDateTime reportTimestamp(const ReportOptions &options);

} // namespace inquest
