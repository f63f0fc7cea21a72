#include "tableloader.h"

#include "analysis/sitebins.h"

namespace inquest::remote {

void appendTsvField(QByteArray &out, std::string_view text)
{
    for (char c : text) {
        switch (c) {
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\0':
            out += "\\0";
            break;
        default:
            out += c;
            break;
        }
    }
}

qint64 loadableEvents(const CaseData &data)
{
    qint64 n = 0;
    for (SiteBins &site : SiteBins::build(data)) {
        for (const SiteBins::Part &part : site.parts) {
            const EventTable &t = *part.table;
            for (std::size_t r = 0; r < t.size(); ++r)
                n += part.includes(r) && t.status[r] != StatusNone;
        }
    }
    return n;
}

CaseData withSources(const CaseData &data, const QList<Id> &ids)
{
    CaseData out = data; // the sources share their event tables
    if (!ids.isEmpty())
        out.sources.removeIf([&ids](const Source &s) { return !ids.contains(s.id); });
    return out;
}

qint64 loadAccessEvents(const CaseData &data, ClickHouseClient &client, const QString &table, QString *error,
                        std::size_t block, const LoadControl &control)
{
    const qint64 total = control.report ? loadableEvents(data) : 0;
    const QByteArray head = QStringLiteral("INSERT INTO %1 (time, site, client, method, path, status, bytes, "
                                           "response_time, agent, referer) FORMAT TabSeparated\n")
                                .arg(table)
                                .toUtf8();
    QByteArray body = head;
    std::size_t pending = 0;
    qint64 loaded = 0;
    auto flush = [&]() {
        if (!pending)
            return true;
        if (control.canceller && control.canceller->isCancelled()) {
            *error = QStringLiteral("cancelled; %1 rows were loaded into %2 before").arg(loaded).arg(table);
            return false;
        }
        if (control.canceller)
            control.canceller->attach(&client);
        const QueryRun r = client.run(body);
        if (control.canceller)
            control.canceller->detach();
        if (!r.ok()) {
            *error =
                control.canceller && control.canceller->isCancelled()
                    // The server may have taken the block before the kill reached it.
                    ? QStringLiteral("cancelled; %1 rows were loaded into %2 before, and the %3 rows being sent when "
                                     "Cancel came may have gone in too")
                          .arg(loaded)
                          .arg(table)
                          .arg(qint64(pending))
                    : loaded > 0 ? QStringLiteral("%1; %2 rows were loaded into %3 before")
                                       .arg(r.error())
                                       .arg(loaded)
                                       .arg(table)
                                 : r.error();
            return false;
        }
        loaded += qint64(pending);
        pending = 0;
        body = head;
        if (control.report)
            control.report(loaded, total);
        return true;
    };
    for (SiteBins &site : SiteBins::build(data)) {
        const QByteArray siteName = site.site.toUtf8();
        for (const SiteBins::Part &part : site.parts) {
            const EventTable &t = *part.table;
            for (std::size_t r = 0; r < t.size(); ++r) {
                if (!part.includes(r) || t.status[r] == StatusNone)
                    continue;
                // Whole seconds: the standard shape's DateTime (access logs are to the second).
                body += QByteArray::number(qint64(t.time[r] / 1'000'000 - (t.time[r] % 1'000'000 < 0)));
                body += '\t';
                appendTsvField(body, {siteName.constData(), std::size_t(siteName.size())});
                body += '\t';
                appendTsvField(body, t.strings.view(t.client[r]));
                body += '\t';
                body += toString(t.method[r]);
                body += '\t';
                appendTsvField(body, t.strings.view(t.path[r]));
                body += '\t';
                body += QByteArray::number(t.status[r] == StatusNoResponseLogged ? 0 : t.status[r]);
                body += '\t';
                body += QByteArray::number(qulonglong(t.bytes[r]));
                body += '\t';
                body += t.responseUs.empty() || t.responseUs[r] == NoResponseTime
                            ? QByteArray("0")
                            : QByteArray::number(double(t.responseUs[r]) / 1e6, 'g', 9);
                body += '\t';
                appendTsvField(body, t.strings.view(t.agent[r]));
                body += '\t';
                appendTsvField(body, t.strings.view(t.referer[r]));
                body += '\n';
                if (++pending >= block && !flush())
                    return -1;
            }
        }
    }
    return flush() ? loaded : -1;
}

} // namespace inquest::remote
