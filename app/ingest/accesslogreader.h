#pragma once

#include "logreader.h"

namespace inquest {

// Apache/nginx access logs: common, combined, and either with a leading "vhost[:port]".
// Extra trailing fields are tolerated; the first numeric one is the response time (an integer
// is Apache's %D in microseconds, a decimal nginx's $request_time in seconds).
class AccessLogReader : public LogReader
{
public:
    enum class Variant { Common, Combined, VHost };
    explicit AccessLogReader(Variant variant)
        : m_variant(variant)
    {
    }

    QString name() const override;
    QString description() const override;
    uint32_t capabilities() const override;
    std::unique_ptr<LineParser> createParser(const ParseContext &context) const override;
    double sniff(const std::vector<std::string_view> &lines) const override;

private:
    Variant m_variant;
};

} // namespace inquest
