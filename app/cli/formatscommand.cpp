#include "commandline.h"
#include "commands.h"

#include "ingest/formatregistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace inquest::cli {

namespace {

QStringList capabilityNames(uint32_t caps)
{
    static const std::pair<Capability, const char *> Names[] = {
        {CapHttp, "http"},
        {CapSeverity, "severity"},
        {CapHost, "host"},
        {CapMessage, "message"},
        {CapNumeric, "numeric"},
        {CapNeedsYear, "needs-year"},
        {CapLocalTime, "local-time"},
        {CapSplittable, "parallel"},
        {CapResponseTime, "response-time"},
    };
    QStringList list;
    for (const auto &[cap, name] : Names) {
        if (caps & cap)
            list.append(QString::fromLatin1(name));
    }
    return list;
}

} // namespace

int formats(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine cl({}, {QStringLiteral("json")});
    QString error;
    if (!cl.parse(args, &error) || !cl.positional().isEmpty()) {
        err << "inquest formats: " << (error.isEmpty() ? QStringLiteral("takes no arguments") : error) << '\n';
        return Usage;
    }
    const auto &readers = FormatRegistry::instance().readers();
    if (cl.has(QStringLiteral("json"))) {
        QJsonArray list;
        for (const auto &r : readers)
            list.append(QJsonObject{
                {QStringLiteral("name"), r->name()},
                {QStringLiteral("description"), r->description()},
                {QStringLiteral("capabilities"), QJsonArray::fromStringList(capabilityNames(r->capabilities()))}});
        out << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return Success;
    }
    for (const auto &r : readers) {
        out << r->name().leftJustified(16) << r->description() << '\n'
            << QString(16, u' ') << "fills: " << capabilityNames(r->capabilities()).join(u", ") << '\n';
    }
    out << "\n--format auto (the default) picks the reader whose sniffed confidence is highest; .gz files are "
           "read transparently.\n";
    return Success;
}

} // namespace inquest::cli
