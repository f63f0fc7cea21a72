#pragma once

#include "logreader.h"

namespace inquest {

// W3C extended log files (IIS): "#Fields:" directives name the space-separated columns; they
// may change mid-file, so the file is read in order. Times are UTC unless --tz says otherwise.
class W3cReader : public LogReader
{
public:
    QString name() const override { return QStringLiteral("w3c"); }
    QString description() const override
    {
        return QStringLiteral("W3C extended log (IIS; #Fields: date time c-ip cs-method cs-uri-stem sc-status …)");
    }
    uint32_t capabilities() const override { return CapHttp | CapHost | CapResponseTime; }
    std::unique_ptr<LineParser> createParser(const ParseContext &context) const override;
    double sniff(const std::vector<std::string_view> &lines) const override;
};

} // namespace inquest
