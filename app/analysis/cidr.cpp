#include "cidr.h"

#include <arpa/inet.h>

#include <cstring>

namespace inquest {

namespace {

// inet_pton wants a terminated string; addresses are short.
bool toBytes(std::string_view text, bool v6, std::array<uint8_t, 16> &out)
{
    char buffer[64];
    if (text.empty() || text.size() >= sizeof buffer)
        return false;
    std::memcpy(buffer, text.data(), text.size());
    buffer[text.size()] = 0;
    return inet_pton(v6 ? AF_INET6 : AF_INET, buffer, out.data()) == 1;
}

} // namespace

std::optional<Cidr> Cidr::parse(const QString &text)
{
    const QByteArray latin = text.trimmed().toLatin1();
    const qsizetype slash = latin.indexOf('/');
    const QByteArray address = slash < 0 ? latin : latin.left(slash);
    Cidr c;
    c.m_v6 = address.contains(':');
    if (!toBytes(std::string_view(address.constData(), std::size_t(address.size())), c.m_v6, c.m_bytes))
        return std::nullopt;
    const int maxBits = c.m_v6 ? 128 : 32;
    c.m_bits = maxBits;
    if (slash >= 0) {
        bool ok = false;
        c.m_bits = latin.mid(slash + 1).toInt(&ok);
        if (!ok || c.m_bits < 0 || c.m_bits > maxBits)
            return std::nullopt;
    }
    return c;
}

bool Cidr::contains(std::string_view address) const
{
    std::array<uint8_t, 16> bytes{};
    if (!toBytes(address, m_v6, bytes))
        return false;
    const int whole = m_bits / 8, rest = m_bits % 8;
    if (std::memcmp(bytes.data(), m_bytes.data(), std::size_t(whole)) != 0)
        return false;
    if (rest == 0)
        return true;
    const uint8_t mask = uint8_t(0xff << (8 - rest));
    return (bytes[std::size_t(whole)] & mask) == (m_bytes[std::size_t(whole)] & mask);
}

} // namespace inquest
