#pragma once

#include <QString>

#include <cstdint>
#include <optional>
#include <string_view>

namespace inquest {

// The one rule for what an HTTP status code in EventTable::status means.
//
// EventTable::status holds the code as logged. 0 means the row has no status (not an HTTP
// event). A logged "000", "0" or "-" (a connection that ended before any response, as load
// balancers and proxies write it) is stored as StatusNoResponseLogged, so it is an event and not
// the absence of a status. 444 (nginx: closed without response) and 499 (nginx: client closed the
// request) are kept as logged and classed as no response too. Codes outside 100..599 that real
// servers log (520–527 of Cloudflare are 5xx already; 999, 600+) are "other".
constexpr uint16_t StatusNone = 0;
constexpr uint16_t StatusNoResponseLogged = 1000;

enum class StatusClass : uint8_t {
    None,          // no status: not an HTTP event
    Informational, // 1xx
    Success,       // 2xx
    Redirect,      // 3xx
    ClientError,   // 4xx except 444, 499
    ServerError,   // 5xx
    NoResponse,    // "000", "0", "-", 444, 499: the exchange ended without a response
    Other,         // anything else a server logged (999, 600+)
};

StatusClass statusClass(uint16_t status);
// "none", "1xx", "2xx", "3xx", "4xx", "5xx", "no-response", "other".
QString toString(StatusClass cls);
std::optional<StatusClass> statusClassFromString(const QString &name);
// A failed request for error rates: 5xx or no response.
inline bool isFailure(uint16_t status)
{
    const StatusClass c = statusClass(status);
    return c == StatusClass::ServerError || c == StatusClass::NoResponse;
}
// How a status appears to a person: the code, or "000" for StatusNoResponseLogged, "" for none.
QString statusText(uint16_t status);
// Reads the status field of a log line: digits ("503", "000", "0") or "-". Returns false when
// the field is not a status at all. Codes above 999 are not statuses.
bool parseStatusField(std::string_view field, uint16_t &status);

} // namespace inquest
