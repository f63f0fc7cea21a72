#pragma once

#include "logreader.h"

namespace inquest {

// Syslog as written to files. RFC 3164 ("<PRI>Mmm dd HH:MM:SS host tag[pid]: msg", no year and
// no zone; rsyslog's ISO 8601 timestamps are accepted too) and RFC 5424
// ("<PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG"; the "<PRI>1 " header may be missing).
// Severity comes from PRI, else it is inferred from the tag and text (ingest/severityinference)
// and marked so; `message` holds the program tag (APP-NAME), `texts` the message text after it
// (ingest/logtemplates), `host` the host.
class SyslogReader : public LogReader
{
public:
    enum class Variant { Rfc3164, Rfc5424 };
    explicit SyslogReader(Variant variant)
        : m_variant(variant)
    {
    }

    QString name() const override;
    QString description() const override;
    uint32_t capabilities() const override;
    std::unique_ptr<LineParser> createParser(const ParseContext &context) const override;

protected:
    double specificity() const override { return m_variant == Variant::Rfc5424 ? 1.0 : 0.95; }

private:
    Variant m_variant;
};

} // namespace inquest
