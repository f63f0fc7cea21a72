#pragma once

#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace inquest {

// An address block ("10.1.0.0/16", "2001:db8::/32"; a bare address is a /32 or /128), for
// client filters.
class Cidr
{
public:
    static std::optional<Cidr> parse(const QString &text);
    // Whether `address` (text as logged) lies in the block; false for text that is no address.
    bool contains(std::string_view address) const;

private:
    std::array<uint8_t, 16> m_bytes{};
    int m_bits = 0;
    bool m_v6 = false;
};

} // namespace inquest
