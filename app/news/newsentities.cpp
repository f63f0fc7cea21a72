#include "newshtml.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace inquest::news {

namespace {

struct Entity
{
    std::string_view name;
    char32_t code;
};

// The named references that occur in news pages (HTML 4 set plus the common HTML5 additions),
// sorted by name for binary search.
constexpr std::array Entities = std::to_array<Entity>({
    {"AElig", 0xC6},   {"Aacute", 0xC1},  {"Acirc", 0xC2},    {"Agrave", 0xC0},   {"Aring", 0xC5},   {"Atilde", 0xC3},
    {"Auml", 0xC4},    {"Ccedil", 0xC7},  {"Dagger", 0x2021}, {"ETH", 0xD0},      {"Eacute", 0xC9},  {"Ecirc", 0xCA},
    {"Egrave", 0xC8},  {"Euml", 0xCB},    {"Iacute", 0xCD},   {"Icirc", 0xCE},    {"Igrave", 0xCC},  {"Iuml", 0xCF},
    {"Ntilde", 0xD1},  {"OElig", 0x152},  {"Oacute", 0xD3},   {"Ocirc", 0xD4},    {"Ograve", 0xD2},  {"Oslash", 0xD8},
    {"Otilde", 0xD5},  {"Ouml", 0xD6},    {"Scaron", 0x160},  {"THORN", 0xDE},    {"Uacute", 0xDA},  {"Ucirc", 0xDB},
    {"Ugrave", 0xD9},  {"Uuml", 0xDC},    {"Yacute", 0xDD},   {"Yuml", 0x178},    {"aacute", 0xE1},  {"acirc", 0xE2},
    {"acute", 0xB4},   {"aelig", 0xE6},   {"agrave", 0xE0},   {"amp", 0x26},      {"apos", 0x27},    {"aring", 0xE5},
    {"atilde", 0xE3},  {"auml", 0xE4},    {"bdquo", 0x201E},  {"brvbar", 0xA6},   {"bull", 0x2022},  {"ccedil", 0xE7},
    {"cedil", 0xB8},   {"cent", 0xA2},    {"circ", 0x2C6},    {"copy", 0xA9},     {"curren", 0xA4},  {"dagger", 0x2020},
    {"deg", 0xB0},     {"divide", 0xF7},  {"eacute", 0xE9},   {"ecirc", 0xEA},    {"egrave", 0xE8},  {"emsp", 0x2003},
    {"ensp", 0x2002},  {"eth", 0xF0},     {"euml", 0xEB},     {"euro", 0x20AC},   {"frac12", 0xBD},  {"frac14", 0xBC},
    {"frac34", 0xBE},  {"gt", 0x3E},      {"hellip", 0x2026}, {"iacute", 0xED},   {"icirc", 0xEE},   {"iexcl", 0xA1},
    {"igrave", 0xEC},  {"iquest", 0xBF},  {"iuml", 0xEF},     {"laquo", 0xAB},    {"ldquo", 0x201C}, {"lsaquo", 0x2039},
    {"lsquo", 0x2018}, {"lt", 0x3C},      {"macr", 0xAF},     {"mdash", 0x2014},  {"micro", 0xB5},   {"middot", 0xB7},
    {"minus", 0x2212}, {"nbsp", 0xA0},    {"ndash", 0x2013},  {"not", 0xAC},      {"ntilde", 0xF1},  {"oacute", 0xF3},
    {"ocirc", 0xF4},   {"oelig", 0x153},  {"ograve", 0xF2},   {"ordf", 0xAA},     {"ordm", 0xBA},    {"oslash", 0xF8},
    {"otilde", 0xF5},  {"ouml", 0xF6},    {"para", 0xB6},     {"permil", 0x2030}, {"plusmn", 0xB1},  {"pound", 0xA3},
    {"prime", 0x2032}, {"quot", 0x22},    {"raquo", 0xBB},    {"rdquo", 0x201D},  {"reg", 0xAE},     {"rsaquo", 0x203A},
    {"rsquo", 0x2019}, {"sbquo", 0x201A}, {"scaron", 0x161},  {"sect", 0xA7},     {"shy", 0xAD},     {"sup1", 0xB9},
    {"sup2", 0xB2},    {"sup3", 0xB3},    {"szlig", 0xDF},    {"thinsp", 0x2009}, {"thorn", 0xFE},   {"times", 0xD7},
    {"trade", 0x2122}, {"uacute", 0xFA},  {"ucirc", 0xFB},    {"ugrave", 0xF9},   {"uml", 0xA8},     {"uuml", 0xFC},
    {"yacute", 0xFD},  {"yen", 0xA5},     {"yuml", 0xFF},     {"zwj", 0x200D},    {"zwnj", 0x200C},
});

static_assert(std::is_sorted(Entities.begin(), Entities.end(),
                             [](const Entity &a, const Entity &b) { return a.name < b.name; }));

char32_t lookup(QStringView name)
{
    if (name.size() > 8)
        return 0;
    char buf[8];
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (name[i].unicode() > 0x7F)
            return 0;
        buf[i] = char(name[i].unicode());
    }
    const std::string_view key(buf, size_t(name.size()));
    auto it = std::lower_bound(Entities.begin(), Entities.end(), key,
                               [](const Entity &e, std::string_view k) { return e.name < k; });
    return it != Entities.end() && it->name == key ? it->code : 0;
}

void appendCode(QString &out, char32_t code)
{
    // Invalid or control code points become U+FFFD, as a browser would show them.
    if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        code = 0xFFFD;
    if (code == 0xA0)
        code = u' '; // no-break spaces only get in the way of phrase matching
    const char32_t one[1] = {code};
    out.append(QString::fromUcs4(one, 1));
}

} // namespace

QString decodeEntities(QStringView text)
{
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const qsizetype amp = text.indexOf(u'&', i);
        if (amp < 0) {
            out.append(text.mid(i));
            break;
        }
        out.append(text.mid(i, amp - i));
        i = amp + 1;
        if (i < n && text[i] == u'#') {
            const bool hex = i + 1 < n && (text[i + 1] == u'x' || text[i + 1] == u'X');
            qsizetype j = i + (hex ? 2 : 1);
            char32_t code = 0;
            const qsizetype digitsFrom = j;
            while (j < n && j - digitsFrom < 8) {
                const char16_t c = text[j].unicode();
                int v = -1;
                if (c >= u'0' && c <= u'9')
                    v = c - u'0';
                else if (hex && c >= u'a' && c <= u'f')
                    v = 10 + c - u'a';
                else if (hex && c >= u'A' && c <= u'F')
                    v = 10 + c - u'A';
                if (v < 0)
                    break;
                code = code * (hex ? 16 : 10) + char32_t(v);
                ++j;
            }
            if (j == digitsFrom) {
                out.append(u'&'); // "&#" without digits is text
                continue;
            }
            appendCode(out, code);
            i = (j < n && text[j] == u';') ? j + 1 : j;
            continue;
        }
        qsizetype j = i;
        while (j < n && j - i < 10 && text[j].isLetterOrNumber() && text[j].unicode() < 0x80)
            ++j;
        const char32_t code = lookup(text.mid(i, j - i));
        const bool terminated = j < n && text[j] == u';';
        // Legacy pages omit the semicolon after the commonest names; accept those only.
        const bool legacy = !terminated && (text.mid(i, j - i) == u"amp" || text.mid(i, j - i) == u"lt" ||
                                            text.mid(i, j - i) == u"gt" || text.mid(i, j - i) == u"quot" ||
                                            text.mid(i, j - i) == u"nbsp");
        if (code && (terminated || legacy)) {
            appendCode(out, code);
            i = terminated ? j + 1 : j;
        } else {
            out.append(u'&');
        }
    }
    return out;
}

} // namespace inquest::news
