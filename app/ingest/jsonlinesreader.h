#pragma once

#include "logreader.h"

namespace inquest {

// One JSON object per line: ECS (@timestamp, log.level, http.response.status_code, …), bunyan
// (time, level 10..60, msg, hostname), Cloudflare, journald and generic logs. Each column is
// looked up in a list of usual field names (dotted names reach into nested objects); the
// mapping can be overridden with "column=field,…" (columns: time, status, client, path, host,
// message, severity, bytes, method, agent, referer, duration).
class JsonLinesReader : public LogReader
{
public:
    QString name() const override { return QStringLiteral("json-lines"); }
    QString description() const override
    {
        return QStringLiteral("JSON lines: ECS, bunyan, Cloudflare, journald or generic (field mapping overridable)");
    }
    uint32_t capabilities() const override
    {
        return CapHttp | CapSeverity | CapHost | CapMessage | CapLocalTime | CapSplittable | CapResponseTime;
    }
    std::unique_ptr<LineParser> createParser(const ParseContext &context) const override;
};

} // namespace inquest
