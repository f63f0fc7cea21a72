#include "hostroles.h"

#include <QRegularExpression>

#include <array>

namespace inquest {

QString toString(HostRole role)
{
    static const char16_t *Names[] = {u"switch", u"router", u"lb", u"web", u"db", u"dns", u"other"};
    return QString::fromUtf16(Names[int(role)]);
}

namespace {

struct Rule
{
    HostRole role;
    QRegularExpression pattern;
};

// Whole name parts (split at '-', '_', digits) as operators name their machines.
const std::array<Rule, 6> &nameRules()
{
    static const std::array<Rule, 6> rules{{
        {HostRole::Switch,
         QRegularExpression(QStringLiteral(
             R"(^(sw|switch|tor|leaf|spine|core|agg|access|asw|csw|dsw|ex\d*|qfx|nexus|n\dk|arista|cat)$)"))},
        {HostRole::Router,
         QRegularExpression(QStringLiteral(
             R"(^(rtr|router|edge|border|gw|gateway|cr|pe|ce|br|mx|asr|bgp|peer|transit|fw|firewall|srx)$)"))},
        {HostRole::LoadBalancer,
         QRegularExpression(QStringLiteral(R"(^(lb|slb|haproxy|f5|bigip|balancer|proxy|ingress|vip|adc|nlb|alb)$)"))},
        {HostRole::Database, QRegularExpression(QStringLiteral(
                                 R"(^(db|mysql|maria|pg|postgres|psql|sql|redis|mongo|cassandra|oracle|galera)$)"))},
        {HostRole::Dns, QRegularExpression(QStringLiteral(R"(^(ns|dns|resolver|named|bind|unbound|auth)$)"))},
        {HostRole::Web, QRegularExpression(QStringLiteral(
                            R"(^(web|www|app|fe|front|frontend|http|httpd|nginx|apache|php|shop|api|srv)$)"))},
    }};
    return rules;
}

HostRole fromProgram(const QString &program)
{
    static const QRegularExpression tag(QStringLiteral(R"(^([A-Za-z_.-]+))"));
    const QString p = tag.match(program).captured(1).toLower();
    if (p.isEmpty())
        return HostRole::Other;
    if (p == u"bgpd" || p == u"rpd" || p == u"ospfd" || p == u"bird" || p == u"zebra")
        return HostRole::Router;
    if (p == u"haproxy" || p == u"keepalived" || p == u"pound" || p == u"envoy")
        return HostRole::LoadBalancer;
    if (p == u"named" || p == u"unbound" || p == u"dnsmasq" || p == u"pdns_server")
        return HostRole::Dns;
    if (p == u"mysqld" || p == u"postgres" || p == u"mariadbd" || p == u"redis-server")
        return HostRole::Database;
    if (p == u"nginx" || p == u"apache2" || p == u"httpd" || p == u"php-fpm")
        return HostRole::Web;
    if (p.startsWith(u'%')) // a Cisco/Arista facility: network gear whose name said nothing
        return HostRole::Switch;
    return HostRole::Other;
}

} // namespace

HostRole hostRole(const QString &host, const QString &program)
{
    const QString first = host.section(u'.', 0, 0).toLower();
    static const QRegularExpression split(QStringLiteral(R"([-_0-9]+)"));
    const QStringList parts = first.split(split, Qt::SkipEmptyParts);
    for (const Rule &rule : nameRules()) {
        for (const QString &part : parts) {
            if (rule.pattern.match(part).hasMatch())
                return rule.role;
        }
    }
    return fromProgram(program);
}

} // namespace inquest
