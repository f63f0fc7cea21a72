#pragma once
// A generated incident for tests, benchmarks and screenshots, made by the scenario library:
// N sites of shop traffic, a hardware failure on every other site in the middle of the span, the
// datacenter's system log, two statements with resolved times and the outage window.

#include "model/casedata.h"

#include "scenario/scenariobuilder.h"

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
    // The traffic and the system log come from the scenario library (sessions, diurnal rhythm,
    // a hardware failure on half the sites); this adds what an analyst would: two statements
    // and the outage window.
    CaseData data = CaseData::create(QStringLiteral("Generated incident"));
    scenario::ScenarioSpec scenario;
    scenario.seed = spec.seed;
    scenario.begin = spec.startUs;
    scenario.end = spec.startUs + spec.spanUs;
    scenario.kind = scenario::IncidentKind::Hardware;
    scenario.incidentBegin = spec.startUs + spec.spanUs * 55 / 100;
    scenario.incidentEnd = scenario.incidentBegin + spec.spanUs / 12;
    scenario.syslog = spec.syslog;
    const double avgWeight = 1.0 + 0.6 * (spec.sites - 1) / 2.0;
    const double perSiteRate = double(spec.events) / spec.sites / (double(spec.spanUs) / 1e6);
    for (int s = 0; s < spec.sites; ++s) {
        const double weight = (1.0 + 0.6 * s) / avgWeight; // sites differ in size
        scenario.sites.append({siteName(s), perSiteRate * weight * 1.4, s % 2 == 0, {}, true});
    }
    QString error;
    const auto sources = scenario::generateSources(scenario, {}, &error);
    if (!sources)
        qFatal("makeIncident: %s", qPrintable(error));
    for (Source src : *sources) {
        src.id = data.nextId++;
        src.path =
            src.site.isEmpty() ? QStringLiteral("/logs/syslog") : QStringLiteral("/logs/%1-access.log").arg(src.site);
        src.sha256 = QString(64, src.site.isEmpty() ? u'1' : u'0');
        data.sources.append(std::move(src));
    }
    const qint64 outageBegin = scenario.incidentBegin;
    const qint64 outageEnd = scenario.incidentEnd;
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
