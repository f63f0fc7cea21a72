#include "commandline.h"
#include "commands.h"

#include "casefile/casefile.h"
#include "remote/remotesources.h"
#include "remote/reportfigures.h"
#include "report/figurerenderer.h"
#include "report/findingsreport.h"
#include "report/reporthooks.h"
#include "report/reportscoring.h"

#include <QCryptographicHash>
#include <QHashFunctions>
#include <QSaveFile>
#include <QTimeZone>

namespace inquest::cli {

int report(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({QStringLiteral("pdf"), QStringLiteral("html"), QStringLiteral("zone")}, {});
    QString error;
    if (!cl.parse(args, &error) || cl.positional().size() != 1 || !cl.has(QStringLiteral("pdf"))) {
        if (error.isEmpty())
            error = cl.positional().size() != 1 ? QStringLiteral("expected one CASE path")
                                                : QStringLiteral("--pdf OUT.pdf is required");
        err << "inquest report: " << error
            << "\nUsage: inquest report CASE --pdf OUT.pdf [--html OUT.html] [--zone ZONE]\n";
        return Usage;
    }
    // QPdfWriter lists the embedded fonts in QHash order; a fixed seed makes that order, and so
    // the PDF bytes, the same in every run (the per-process random seed only defends long-lived
    // processes against hash flooding, which a one-shot command is not).
    QHashSeed::setDeterministicGlobalSeed();
    const QString path = cl.positional().first();
    const auto data = readCase("report", path, err);
    if (!data)
        return BadInput;
    ReportOptions options;
    options.caseFilePath = path;
    options.timeZone = cl.value(QStringLiteral("zone"), data->meta.displayTimeZone);
    if (options.timeZone.isEmpty())
        options.timeZone = QStringLiteral("UTC");
    if (options.timeZone != u"UTC" && !QTimeZone(options.timeZone.toUtf8()).isValid()) {
        err << "inquest report: unknown time zone \"" << options.timeZone
            << "\" (use an IANA name such as Europe/London)\n";
        return Usage;
    }
    const std::unique_ptr<FigureRenderer> figures = figureRendererForReport();
    // Remote sites join the figures through one query per remote source, asked now.
    QStringList remoteErrors;
    if (figures && !data->remoteSources.isEmpty() && options.has(ReportSection::Charts)) {
        std::vector<remote::SourceAccess> reachable;
        for (const RemoteSource &source : data->remoteSources) {
            QString problem;
            remote::ServerAccess access = remote::accessFor(source, &problem);
            if (problem.isEmpty())
                reachable.push_back({source, std::move(access)});
            else
                remoteErrors << problem;
        }
        auto answers = std::make_shared<remote::ReportFigureAnswers>(
            remote::askForReportFigures(*data, options, reachable, remoteErrors));
        remoteErrors = answers->errors;
        options.remoteFigures = std::move(answers);
    }
    const FindingsReport findings(*data, scoreCaseForReport(*data), figures.get(), options);

    const QString pdfPath = cl.value(QStringLiteral("pdf"));
    const QByteArray pdf = findings.pdf();
    {
        QSaveFile file(pdfPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size() || !file.commit()) {
            err << "inquest report: " << pdfPath << ": cannot write: " << file.errorString() << '\n';
            return BadInput;
        }
    }
    // The case file is not modified by a report, so no custody row: the digest printed here is
    // what ties the PDF to the case file hash on its title page.
    out << pdfPath << ": " << findings.pageCount() << " pages, sha256 "
        << QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex() << '\n';
    if (cl.has(QStringLiteral("html"))) {
        const QString htmlPath = cl.value(QStringLiteral("html"));
        if (!findings.writeHtml(htmlPath, &error)) {
            err << "inquest report: " << error << '\n';
            return BadInput;
        }
        out << htmlPath << ": written\n";
    }
    // The report is written and says so too; a script learns that figures lack remote sites.
    for (const QString &e : remoteErrors)
        err << "inquest report: not in the figures: " << e << '\n';
    return remoteErrors.isEmpty() ? Success : BadInput;
}

} // namespace inquest::cli
