#pragma once

#include "logreader.h"

namespace inquest {

// Web-server error logs. Apache: "[Www Mmm dd HH:MM:SS[.usec] yyyy] [module:level] [pid N]
// [client ip:port] text"; nginx: "yyyy/mm/dd HH:MM:SS [level] pid#tid: *cid text, client: ip,
// server: s, request: "GET /p HTTP/1.1", host: "h"". Both are local time without a zone (--tz).
class ErrorLogReader : public LogReader
{
public:
    enum class Variant { Apache, Nginx };
    explicit ErrorLogReader(Variant variant)
        : m_variant(variant)
    {
    }

    QString name() const override;
    QString description() const override;
    uint32_t capabilities() const override;
    std::unique_ptr<LineParser> createParser(const ParseContext &context) const override;

private:
    Variant m_variant;
};

} // namespace inquest
