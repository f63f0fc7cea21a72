#pragma once

#include "detector.h"

#include <QRegularExpression>

namespace inquest {

// System-log messages around each incident, sorted into kinds — hardware (link down or flap,
// NIC, ECC, disk, power supply, RAID, switch fabric), network (BGP session down, route
// withdrawn, DNS resolution failures), change (deploy, configuration reload, restart,
// rollback) and attack (SYN flood, conntrack table full, rate limiting) — and whether they
// came before the errors or after them.
class SyslogSignatureDetector : public Detector
{
public:
    enum class Category { Hardware, Network, Change, Attack };

    struct Parameters
    {
        int lookbackMinutes = 20; // messages this long before an incident count
        int leadMinutes = 5;      // a kind's first message up to this long after the onset still "came first"
    };

    SyslogSignatureDetector();
    QString name() const override { return QStringLiteral("syslog-signatures"); }
    QString version() const override { return QStringLiteral("2"); }
    QJsonObject parameters() const override;
    void run(AnalysisContext &context, DetectorOutput &out) const override;

    // The category of a message, if it is a signature (exposed for tests).
    std::optional<Category> classify(const QString &message) const;
    // Attack messages that show only rate limiting (weaker than SYN floods or full tables).
    bool isRateLimitOnly(const QString &message) const;

    Parameters params;

private:
    std::vector<std::pair<Category, QRegularExpression>> m_patterns;
    QRegularExpression m_rateLimit;
};

} // namespace inquest
