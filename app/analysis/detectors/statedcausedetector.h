#pragma once

#include "detector.h"

namespace inquest {

// Compares the cause each statement gives ("a hardware failure, not a DDoS attack"; "we chose
// not to attack") with what this run's log findings say about the same hypothesis kinds. The
// statement's stance toward a kind agrees with the logs when both lean the same way, and is
// contradicted when they lean opposite ways; kinds the logs do not speak to are not judged.
//
// The finding is rated N for every kind: the log findings it rests on are already in the
// matrix, and rating them again through a statement would count them twice. It records how
// far a speaker's account holds (its credibility), cites the statement, and names the findings
// it was compared with.
class StatedCauseDetector : public Detector
{
public:
    struct Parameters
    {
        int minLogWeight = 1; // |sum of the log findings' ratings| for a kind to be judged
    };

    QString name() const override { return QStringLiteral("stated-cause"); }
    QString version() const override { return QStringLiteral("1"); }
    QJsonObject parameters() const override;
    void run(AnalysisContext &context, DetectorOutput &out) const override;

    Parameters params;
};

} // namespace inquest
