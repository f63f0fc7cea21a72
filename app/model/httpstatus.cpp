#include "httpstatus.h"

#include <string_view>

namespace inquest {

StatusClass statusClass(uint16_t status)
{
    if (status == StatusNone)
        return StatusClass::None;
    if (status == StatusNoResponseLogged || status == 444 || status == 499)
        return StatusClass::NoResponse;
    switch (status / 100) {
    case 1:
        return StatusClass::Informational;
    case 2:
        return StatusClass::Success;
    case 3:
        return StatusClass::Redirect;
    case 4:
        return StatusClass::ClientError;
    case 5:
        return StatusClass::ServerError;
    default:
        return StatusClass::Other;
    }
}

QString toString(StatusClass cls)
{
    switch (cls) {
    case StatusClass::None:
        return QStringLiteral("none");
    case StatusClass::Informational:
        return QStringLiteral("1xx");
    case StatusClass::Success:
        return QStringLiteral("2xx");
    case StatusClass::Redirect:
        return QStringLiteral("3xx");
    case StatusClass::ClientError:
        return QStringLiteral("4xx");
    case StatusClass::ServerError:
        return QStringLiteral("5xx");
    case StatusClass::NoResponse:
        return QStringLiteral("no-response");
    case StatusClass::Other:
        return QStringLiteral("other");
    }
    return QString();
}

std::optional<StatusClass> statusClassFromString(const QString &name)
{
    for (int c = int(StatusClass::None); c <= int(StatusClass::Other); ++c) {
        if (name.compare(toString(StatusClass(c)), Qt::CaseInsensitive) == 0)
            return StatusClass(c);
    }
    return std::nullopt;
}

QString statusText(uint16_t status)
{
    if (status == StatusNone)
        return QString();
    if (status == StatusNoResponseLogged)
        return QStringLiteral("000");
    return QString::number(status);
}

bool parseStatusField(std::string_view field, uint16_t &status)
{
    if (field == "-") {
        status = StatusNoResponseLogged;
        return true;
    }
    if (field.empty() || field.size() > 3)
        return false;
    unsigned value = 0;
    for (char c : field) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + unsigned(c - '0');
    }
    status = value == 0 ? StatusNoResponseLogged : uint16_t(value);
    return true;
}

} // namespace inquest
