#include "linepattern.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

namespace inquest {

struct LinePattern::Code
{
    pcre2_code *code = nullptr;
    ~Code() { pcre2_code_free(code); }
};

struct LinePattern::Matcher::Data
{
    const pcre2_code *code = nullptr;
    pcre2_match_data *match = nullptr;
};

std::optional<LinePattern> LinePattern::compile(const QString &pattern, QString *error)
{
    const QByteArray utf8 = pattern.toUtf8();
    int code = 0;
    PCRE2_SIZE at = 0;
    // MATCH_INVALID_UTF: logs hold whatever bytes clients sent; such lines still match where
    // they can, and PCRE2 does not re-validate the subject on every call. ANYCRLF: in a CRLF
    // log, `$` is before the \r, as a line is without its line break.
    pcre2_compile_context *context = pcre2_compile_context_create(nullptr);
    pcre2_set_newline(context, PCRE2_NEWLINE_ANYCRLF);
    pcre2_code *compiled = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(utf8.constData()), PCRE2_SIZE(utf8.size()),
                                         PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_MULTILINE, &code, &at, context);
    pcre2_compile_context_free(context);
    if (!compiled) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(code, message, sizeof message);
        if (error)
            *error = QStringLiteral("invalid regular expression at character %1: %2")
                         .arg(QString::fromUtf8(utf8.left(qsizetype(at))).size() + 1)
                         .arg(QString::fromUtf8(reinterpret_cast<const char *>(message)));
        return std::nullopt;
    }
    pcre2_jit_compile(compiled, PCRE2_JIT_COMPLETE); // without JIT (not built in) it interprets
    LinePattern p;
    p.m_pattern = pattern;
    auto holder = std::make_shared<Code>();
    holder->code = compiled;
    p.m_code = std::move(holder);
    return p;
}

LinePattern::Matcher::Matcher(const LinePattern &pattern)
    : d(std::make_unique<Data>())
{
    d->code = pattern.m_code->code;
    d->match = pcre2_match_data_create_from_pattern(d->code, nullptr);
}

LinePattern::Matcher::~Matcher() { pcre2_match_data_free(d->match); }

bool LinePattern::Matcher::matches(std::string_view line) { return find(line, 0).has_value(); }

std::optional<std::pair<std::size_t, std::size_t>> LinePattern::Matcher::find(std::string_view text, std::size_t from)
{
    const int rc =
        pcre2_match(d->code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), from, 0, d->match, nullptr);
    if (rc < 0)
        return std::nullopt; // no match, or a resource limit on a pathological pattern
    const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(d->match);
    return std::pair<std::size_t, std::size_t>(ov[0], ov[1]);
}

} // namespace inquest
