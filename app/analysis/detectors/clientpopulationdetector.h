#pragma once

#include "detector.h"

namespace inquest {

// Who was asking during each incident compared with an equally long stretch before it: the
// share and the number of clients never seen before, requests per client, the share of the top 1% of clients,
// user-agent diversity and spikes of one external referer (a newsletter or a social link).
class ClientPopulationDetector : public Detector
{
public:
    struct Parameters
    {
        double newShareRise = 0.15;  // absolute rise of the new-client share
        double newShareFactor = 1.3; // … and relative rise
        int minNewClients = 30;
        // … or, where most clients are new anyway (visitors behind changing addresses), the
        // number of new clients up by this factor, against equal rates (p below newCountAlpha)
        double newCountFactor = 2.0;
        double newCountAlpha = 0.001;
        double perClientRise = 1.5;     // requests per client up by this factor
        double perClientFall = 0.75;    // … or down to this factor
        double top1Rise = 0.15;         // absolute rise of the top-1% share
        double agentEntropyFall = 0.75; // bits
        double refererShare = 0.08;     // one external referer brings at least this share …
        double refererFactor = 5.0;     // … and this many times its earlier share
    };

    QString name() const override { return QStringLiteral("client-population"); }
    QString version() const override { return QStringLiteral("3"); }
    QJsonObject parameters() const override;
    void run(AnalysisContext &context, DetectorOutput &out) const override;

    Parameters params;
};

} // namespace inquest
