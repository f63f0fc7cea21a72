#pragma once

#include "detector.h"

#include "analysis/logfamilies.h"
#include "analysis/templatecompare.h"

namespace inquest {

// The system logs read as text around each incident: message templates compared in the
// stretch around the incident against the hours before it (analysis/templatecompare), the
// templates that are new or burst sorted into families by meaning (analysis/logfamilies), grouped
// by host role and ordered in time against the first errors. What a group of families says
// depends on when it starts: a device fault before the errors points to hardware, a change
// shortly before them to the change, a change during the outage is the response. Where the
// system log covers the incident, the absence of any device fault or change before it is a
// finding too.
class SyslogSignatureDetector : public Detector
{
public:
    struct Parameters
    {
        int lookbackMinutes = 30;  // the compared stretch starts this long before the first errors
        int baselineMinutes = 360; // and is compared with up to this long before that
        // A first line up to this long after the detected onset still "came first": at a few
        // requests a minute the detected edge can be minutes early.
        int leadMinutes = 5;
        int persistMinutes = 10;  // a fault whose lines end this long before the onset has cleared
        int minHostsCovering = 2; // hosts logging before and during for an absence to mean something
    };

    QString name() const override { return QStringLiteral("syslog-signatures"); }
    QString version() const override { return QStringLiteral("6"); }
    QJsonObject parameters() const override;
    void run(AnalysisContext &context, DetectorOutput &out) const override;

    const LogFamilies &families() const { return m_families; }

    Parameters params;

private:
    LogFamilies m_families;
};

} // namespace inquest
