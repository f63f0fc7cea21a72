#include "remoteevents.h"

#include "remotesql.h"

#include "model/casedocument.h"
#include "model/eventtable.h"
#include "model/httpstatus.h"
#include "model/remotesourceedits.h"

#include <QHostAddress>

namespace inquest::remote {

namespace {

// Later than any log a case holds (DateTime reaches 2106): the end of a window with no --to.
constexpr int64_t NoEndUs = 4'102'444'800'000'000; // 2100-01-01

QString statusCondition(const QString &st, const EventFilter &f)
{
    QStringList any;
    const auto cls = [&](EventFilter::StatusBit bit, const char *condition) {
        if (f.statusClasses & bit)
            any << QString::fromLatin1(condition).arg(st);
    };
    // model/httpstatus classes; the standard table stores a logged "000" or "-" as 0 and has no
    // rows without a status (those are not requests).
    cls(EventFilter::Status1xx, "%1 BETWEEN 100 AND 199");
    cls(EventFilter::Status2xx, "%1 BETWEEN 200 AND 299");
    cls(EventFilter::Status3xx, "%1 BETWEEN 300 AND 399");
    cls(EventFilter::Status4xx, "(%1 BETWEEN 400 AND 499 AND %1 NOT IN (444, 499))");
    cls(EventFilter::Status5xx, "%1 BETWEEN 500 AND 599");
    cls(EventFilter::StatusNoResponse, "%1 IN (0, 444, 499)");
    cls(EventFilter::StatusOther, "(%1 > 599 OR %1 BETWEEN 1 AND 99)");
    QStringList codes;
    for (const uint16_t code : f.statusCodes)
        codes << QString::number(code == StatusNoResponseLogged ? 0 : code);
    if (!codes.isEmpty())
        any << QStringLiteral("%1 IN (%2)").arg(st, codes.join(u", "));
    return any.isEmpty() ? QStringLiteral("0") : u'(' + any.join(u" OR "_qs) + u')';
}

QString clientCondition(const QString &client, const QString &value, QString *error)
{
    if (!value.contains(u'/'))
        return QStringLiteral("%1 = %2").arg(client, quoted(value));
    const auto [address, bits] = QHostAddress::parseSubnet(value);
    if (address.isNull()) {
        *error = QStringLiteral("\"%1\" is not an address block").arg(value);
        return {};
    }
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 mask = bits == 0 ? 0 : ~quint32(0) << (32 - bits);
        const quint32 lo = address.toIPv4Address() & mask;
        return QStringLiteral("(position(%1, '.') > 0 AND IPv4StringToNum(%1) BETWEEN %2 AND %3)")
            .arg(client, QString::number(lo), QString::number(lo | ~mask));
    }
    if (bits % 4 != 0) {
        *error = QStringLiteral("an IPv6 block is asked of a remote source only on a 4-bit boundary (/48, /64), not "
                                "\"%1\"")
                     .arg(value);
        return {};
    }
    const Q_IPV6ADDR a = address.toIPv6Address();
    const QByteArray hex = QByteArray(reinterpret_cast<const char *>(a.c), 16).toHex().toUpper().left(bits / 4);
    return QStringLiteral("(position(%1, ':') > 0 AND startsWith(hex(IPv6StringToNum(%1)), '%2'))")
        .arg(client, QString::fromLatin1(hex));
}

} // namespace

QString RemoteEvent::columnsText() const
{
    QStringList parts{client, method, path, statusText(status), QString::number(bytes)};
    parts.removeAll(QString());
    if (!referer.isEmpty())
        parts << u'"' + referer + u'"';
    if (!agent.isEmpty())
        parts << u'"' + agent + u'"';
    return parts.join(u' ');
}

QString grepColumn(const ColumnMapping &mapping) { return mapping.raw.isEmpty() ? u"path"_qs : u"raw"_qs; }

QString remoteFilterGap(const EventFilter &filter)
{
    if (!filter.host.isEmpty())
        return QStringLiteral("a host filter (a remote table has a site, not a host column)");
    if (filter.severities && !(filter.severities & EventFilter::NoSeverityBit))
        return QStringLiteral("a severity filter (a remote table holds requests, not system-log lines)");
    return {};
}

QString eventCondition(const RemoteSql &sql, const ColumnMapping &m, const EventFilter &f, const QString &grep,
                       QString *error)
{
    QStringList all{m.timeWindow(f.from.value_or(0), f.to.value_or(NoEndUs))};
    if (!remoteFilterGap(f).isEmpty())
        all << QStringLiteral("0");
    if (!f.site.isEmpty())
        all << QStringLiteral("%1 = %2").arg(sql.site(), quoted(f.site));
    if (!f.client.isEmpty()) {
        const QString c = clientCondition(QStringLiteral("toString(%1)").arg(m.client), f.client, error);
        if (c.isEmpty())
            return {};
        all << c;
    }
    if (!f.path.isEmpty())
        all << QStringLiteral("toString(%1) = %2").arg(m.path, quoted(f.path));
    if (f.statusClasses || !f.statusCodes.isEmpty())
        all << statusCondition(QStringLiteral("toUInt16OrZero(toString(%1))").arg(m.status), f);
    if (f.methods) {
        QStringList names;
        for (int b = 0; b < 16; ++b) {
            if (f.methods & (1u << b))
                names << quoted(QString::fromLatin1(toString(HttpMethod(b))).toUpper());
        }
        all << QStringLiteral("upper(toString(%1)) IN (%2)").arg(m.method, names.join(u", "));
    }
    if (!f.text.isEmpty()) {
        // As the timeline's text filter: an ASCII case-insensitive part of path, client or agent.
        QStringList any;
        for (const QString &column : {m.path, m.client, m.agent})
            any << QStringLiteral("positionCaseInsensitive(toString(%1), %2) > 0").arg(column, quoted(f.text));
        all << u'(' + any.join(u" OR "_qs) + u')';
    }
    if (!grep.isEmpty()) {
        // ClickHouse (18.16 at least) skips rows that lack a literal it finds in the pattern, case-
        // sensitively even under (?i): "(?i)KIBANA" matched nothing. An alternative that never
        // matches leaves it no such literal.
        const QString pattern = grep.contains(u"(?"_qs) ? QStringLiteral("(?:%1)|[^\\s\\S]").arg(grep) : grep;
        all << QStringLiteral("match(toString(%1), %2)").arg(m.raw.isEmpty() ? m.path : m.raw, quoted(pattern));
    }
    return all.join(u" AND "_qs);
}

RemoteEventPage fetchRemoteEvents(const SourceAccess &source, const EventFilter &filter, const QString &grep,
                                  qint64 offset, qint64 limit, const std::shared_ptr<QueryCanceller> &canceller)
{
    RemoteEventPage page;
    page.sourceId = source.source.id;
    page.sourceName = source.source.name;
    page.offset = offset;
    const ColumnMapping mapping = ColumnMapping::fromJson(source.source.mapping);
    RemoteSql sql(source.source.table, mapping, source.source.name);
    sql.setSiteNames(source.names);
    const auto fail = [&](const QString &why) {
        page.error = QStringLiteral("remote source #%1 \"%2\": %3").arg(source.source.id).arg(source.source.name, why);
        return page;
    };
    QString error;
    const QString condition = eventCondition(sql, mapping, filter, grep, &error);
    if (condition.isEmpty())
        return fail(error);
    ClickHouseClient client(source.access);
    const auto ask = [&](const QString &text, int columns) -> std::optional<QueryRun> {
        if (canceller && canceller->isCancelled())
            return std::nullopt;
        if (canceller)
            canceller->attach(&client);
        QueryRun run = client.run(text, columns);
        if (canceller)
            canceller->detach();
        if (run.killed && canceller && canceller->isCancelled())
            return std::nullopt;
        return run;
    };
    std::optional<QueryRun> count = ask(sql.eventCount(condition), 1);
    if (!count) {
        page.cancelled = true;
        return page;
    }
    page.runs.push_back(*count);
    if (!count->ok())
        return fail(count->error());
    page.total = count->reply.rows.empty() ? 0 : count->reply.rows.front()[0].toLongLong();
    if (limit <= 0 || offset >= page.total)
        return page;
    std::optional<QueryRun> rows = ask(sql.eventRows(condition, offset, limit), 10);
    if (!rows) {
        page.cancelled = true;
        return page;
    }
    if (!rows->ok()) {
        page.runs.push_back(std::move(*rows));
        return fail(page.runs.back().error());
    }
    page.events.reserve(rows->reply.rows.size());
    for (const auto &r : rows->reply.rows) {
        RemoteEvent e;
        e.timeUs = r[0].toLongLong();
        e.site = r[1];
        e.client = r[2];
        e.method = r[3];
        e.path = r[4];
        const uint16_t st = r[5].toUShort();
        e.status = st == 0 ? StatusNoResponseLogged : st;
        e.bytes = r[6].toULongLong();
        e.agent = r[7];
        e.referer = r[8];
        e.raw = r[9]; // null for \N
        page.events.push_back(std::move(e));
    }
    rows->reply.rows.clear();
    page.runs.push_back(std::move(*rows));
    return page;
}

void keepEventQueries(CaseDocument &doc, const QList<RemoteResult> &results)
{
    if (results.isEmpty())
        return;
    QList<Id> sources;
    for (const RemoteResult &r : results) {
        if (!sources.contains(r.sourceId))
            sources << r.sourceId;
    }
    edit::keepRemoteResults(&doc, results, QStringLiteral("Keep the queries of remote rows"));
    doc.recordCustody(QStringLiteral("remote events"),
                      QStringLiteral("%1 queries of %2 remote source(s) kept").arg(results.size()).arg(sources.size()));
}

} // namespace inquest::remote
