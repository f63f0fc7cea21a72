#include "commandline.h"
#include "commands.h"

#include "casefile/casefile.h"
#include "model/casedocument.h"
#include "news/newsimport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace inquest::cli {

int importNews(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl(
        {QStringLiteral("published"), QStringLiteral("zone"), QStringLiteral("outlet"), QStringLiteral("title")},
        {QStringLiteral("json")});
    QString error;
    cl.acceptWait();
    if (!cl.parse(args, &error) || cl.positional().size() < 2) {
        err << "inquest import-news: "
            << (error.isEmpty() ? QStringLiteral("expected CASE and at least one FILE") : error) << '\n';
        return Usage;
    }
    news::NewsImportOptions options;
    options.outlet = cl.value(QStringLiteral("outlet"));
    options.title = cl.value(QStringLiteral("title"));
    if (cl.has(QStringLiteral("published")) || cl.has(QStringLiteral("zone"))) {
        if (!news::setPublication(&options, cl.value(QStringLiteral("published")), cl.value(QStringLiteral("zone")),
                                  &error)) {
            err << "inquest import-news: " << error << '\n';
            return Usage;
        }
    }
    const QString casePath = cl.positional().first();
    casefile::CaseLock lock;
    if (const int status = lockCase("import-news", cl, casePath, lock, err); status != Success)
        return status;
    CaseDocument doc;
    if (!casefile::open(doc, casePath, &error)) {
        err << "inquest import-news: " << error << '\n';
        return BadInput;
    }
    // Read everything first: a bad file leaves the case untouched.
    QList<news::NewsImport> imports;
    for (const QString &file : cl.positional().mid(1)) {
        auto imported = news::importNewsFile(file, options, &error);
        if (!imported) {
            err << "inquest import-news: " << error << '\n';
            return BadInput;
        }
        for (const QString &warning : std::as_const(imported->warnings))
            err << file << ": warning: " << warning << '\n';
        imports.append(std::move(*imported));
    }
    QJsonArray report;
    for (news::NewsImport &import : imports) {
        const Source source = import.source;
        const qsizetype count = import.statements.size();
        const Id id = news::addNewsImport(&doc, std::move(import));
        report.append(QJsonObject{{QStringLiteral("source"), id},
                                  {QStringLiteral("path"), source.path},
                                  {QStringLiteral("sha256"), source.sha256},
                                  {QStringLiteral("format"), source.format},
                                  {QStringLiteral("title"), source.title},
                                  {QStringLiteral("outlet"), source.outlet},
                                  {QStringLiteral("published"), source.published.toString(Qt::ISODate)},
                                  {QStringLiteral("time_zone"), source.timeZone},
                                  {QStringLiteral("statements"), count}});
        if (!cl.has(QStringLiteral("json")))
            out << source.path << ": " << source.format << ", \"" << source.title << "\""
                << (source.outlet.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(source.outlet))
                << (source.published.isValid() ? QStringLiteral(", published ") + source.published.toString(Qt::ISODate)
                                               : QStringLiteral(", no publication date"))
                << ", " << count << " statement(s)\n";
    }
    if (!casefile::save(doc, casePath, &error)) {
        err << "inquest import-news: " << error << '\n';
        return BadInput;
    }
    if (cl.has(QStringLiteral("json")))
        out << QJsonDocument(QJsonObject{{QStringLiteral("imported"), report}}).toJson(QJsonDocument::Indented);
    return Success;
}

} // namespace inquest::cli
