#pragma once
// A generated incident for tests, benchmarks and screenshots: N sites of web traffic with a
// daily-ish rhythm, an outage in the middle (traffic drops, 5xx climbs, new clients flood in
// before it), a syslog source whose events carry the host (so sites come from the host column),
// statements with resolved times and an outage window.

#include "model/casedata.h"

#include <QRandomGenerator>

#include <cmath>

namespace inquest::testing {

struct IncidentSpec
{
    int sites = 6;
    qint64 events = 200'000;                         // web events over all sites
    qint64 startUs = qint64(1292184000) * 1'000'000; // 2010-12-12T20:00:00Z
    qint64 spanUs = qint64(6) * 3600 * 1'000'000;
    quint32 seed = 42;
    bool syslog = true;
};

inline QString siteName(int i)
{
    static const char *names[] = {"amazon.co.uk",   "paypal.com",   "mastercard.com",   "visa.com",
                                  "postfinance.ch", "everydns.net", "moneybookers.com", "swedish-prosecutor.se"};
    return QString::fromLatin1(names[i % 8]);
}

// A log source around a table made by a test (a stand-in SHA-256; counts and span from the table).
inline Source sourceOf(std::shared_ptr<EventTable> table, const QString &path, const QString &format,
                       const QString &site = {})
{
    Source src;
    src.path = path;
    src.sha256 = QString(64, u'1');
    src.format = format;
    src.site = site;
    src.events = src.lines = qint64(table->size());
    src.firstTime = table->minTime();
    src.lastTime = table->maxTime();
    src.table = std::move(table);
    return src;
}

inline CaseData makeIncident(const IncidentSpec &spec = {})
{
    CaseData data = CaseData::create(QStringLiteral("Generated incident"));
    QRandomGenerator rng(spec.seed);
    const qint64 outageBegin = spec.startUs + spec.spanUs * 55 / 100;
    const qint64 outageEnd = outageBegin + spec.spanUs / 12;
    const qint64 perSite = spec.events / spec.sites;
    for (int s = 0; s < spec.sites; ++s) {
        auto table = std::make_shared<EventTable>();
        table->reserve(std::size_t(perSite));
        std::vector<uint32_t> clients;
        for (int c = 0; c < 20000; ++c)
            clients.push_back(
                table->strings.intern(QStringLiteral("10.%1.%2.%3").arg(s).arg(c / 250).arg(c % 250).toStdString()));
        std::vector<uint32_t> attackers;
        for (int c = 0; c < 5000; ++c)
            attackers.push_back(table->strings.intern(
                QStringLiteral("172.%1.%2.%3").arg(16 + s).arg(c / 250).arg(c % 250).toStdString()));
        const uint32_t path = table->strings.intern("/index.html");
        const double weight = 1.0 + 0.6 * s; // sites differ in size
        const bool hit = s % 2 == 0;         // half the sites go down
        // Events are drawn in time order from a rate curve; times advance by exponential gaps.
        const double avgWeight = 1.0 + 0.6 * (spec.sites - 1) / 2.0;
        const double meanRate = double(perSite) * weight / avgWeight / double(spec.spanUs) / 0.78;
        qint64 t = spec.startUs;
        uint64_t offset = 0;
        for (qint64 i = 0;; ++i) {
            const double phase = double(t - spec.startUs) / double(spec.spanUs);
            double rate = 0.7 + 0.3 * std::sin(phase * 6.283 * 1.5 + s);
            const bool inOutage = t >= outageBegin && t < outageEnd;
            const bool ramp = t >= outageBegin - spec.spanUs / 20 && t < outageEnd;
            if (ramp && hit)
                rate *= 2.2; // the flood
            if (inOutage && hit)
                rate *= 0.6;
            t += qint64(std::max(1.0, -std::log(1.0 - rng.generateDouble()) / (meanRate * rate)));
            if (t >= spec.startUs + spec.spanUs)
                break;
            const std::size_t r = table->appendRow(t, offset, uint32_t(i + 1));
            offset += 120;
            const bool attack = ramp && hit && rng.bounded(3) != 0;
            uint16_t status = 200;
            const quint32 roll = rng.bounded(1000);
            if (inOutage && hit)
                status = roll < 550 ? 503 : roll < 600 ? 500 : 200;
            else
                status = roll < 8 ? 500 : roll < 40 ? 404 : roll < 90 ? 304 : 200;
            table->status[r] = status;
            table->method[r] = HttpMethod::Get;
            table->bytes[r] = status == 200 ? 2000 + rng.bounded(30000) : 300;
            table->responseUs[r] = uint32_t(20000 + rng.bounded(inOutage && hit ? 2'000'000 : 200'000));
            table->client[r] =
                attack ? attackers[rng.bounded(int(attackers.size()))] : clients[rng.bounded(int(clients.size()))];
            table->path[r] = path;
        }
        Source src;
        src.id = data.nextId++;
        src.path = QStringLiteral("/logs/%1-access.log").arg(siteName(s));
        src.sha256 = QString(64, u'0');
        src.format = QStringLiteral("combined");
        src.site = siteName(s);
        src.events = src.lines = qint64(table->size());
        src.firstTime = table->minTime();
        src.lastTime = table->maxTime();
        src.table = std::move(table);
        data.sources.append(src);
    }
    if (spec.syslog) {
        auto table = std::make_shared<EventTable>();
        const uint32_t hosts[2] = {table->strings.intern("lb1"), table->strings.intern("lb2")};
        qint64 t = spec.startUs;
        for (uint32_t i = 0; t < spec.startUs + spec.spanUs; ++i) {
            const bool inOutage = t >= outageBegin && t < outageEnd;
            t += inOutage ? 1'000'000 + rng.bounded(4'000'000) : 10'000'000 + rng.bounded(40'000'000);
            const std::size_t r = table->appendRow(t, uint64_t(i) * 80, i + 1);
            table->severity[r] = uint8_t(inOutage ? (rng.bounded(3) ? 3 : 2) : (rng.bounded(5) ? 6 : 4));
            table->host[r] = hosts[rng.bounded(2)];
        }
        Source src;
        src.id = data.nextId++;
        src.path = QStringLiteral("/logs/syslog");
        src.sha256 = QString(64, u'1');
        src.format = QStringLiteral("syslog-rfc3164");
        src.table = std::move(table);
        data.sources.append(src);
    }
    Statement st;
    st.id = data.nextId++;
    st.organisation = QStringLiteral("Amazon");
    st.speaker = QStringLiteral("a spokeswoman");
    st.quote = QStringLiteral("The outage was caused by hardware failure in our European data centre.");
    st.times.append({QStringLiteral("2145 GMT"), outageBegin + 600'000'000, outageBegin + 600'000'000});
    data.statements.append(st);
    Statement op;
    op.id = data.nextId++;
    op.organisation = QStringLiteral("Anonymous Operation Payback");
    op.quote = QStringLiteral("TARGET: www.amazon.com FIRE FIRE FIRE");
    op.times.append({QStringLiteral("shortly after 2100 GMT"), outageBegin - 300'000'000, outageBegin - 300'000'000});
    data.statements.append(op);
    Marker m;
    m.id = data.nextId++;
    m.kind = MarkerKind::Outage;
    m.begin = outageBegin;
    m.end = outageEnd;
    m.label = QStringLiteral("amazon.co.uk unreachable");
    m.origin = QStringLiteral("manual");
    data.markers.append(m);
    return data;
}

} // namespace inquest::testing
