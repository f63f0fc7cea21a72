#pragma once

#include "logreader.h"

namespace inquest {

// AWS load balancer access logs: Application LB ("type time elb client:port target:port
// t1 t2 t3 elb_status target_status received sent "request" "agent" …") and Classic ELB (the
// same without the leading type). Times are UTC; response time is the sum of the three
// processing times; `host` is the host of the request URL.
class ElbReader : public LogReader
{
public:
    QString name() const override { return QStringLiteral("aws-elb"); }
    QString description() const override { return QStringLiteral("AWS Application/Classic Load Balancer access log"); }
    uint32_t capabilities() const override { return CapHttp | CapHost | CapResponseTime | CapSplittable; }
    std::unique_ptr<LineParser> createParser(const ParseContext &context) const override;
};

} // namespace inquest
