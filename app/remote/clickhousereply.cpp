#include "clickhousereply.h"

#include <QRegularExpression>

namespace inquest::remote {

namespace {

// TabSeparated escapes (ClickHouse's "Formats: TabSeparated"): \b \f \r \n \t \0 \' \\ and
// any other escaped character as itself. Returns false on a backslash at the end.
bool unescape(const char *p, const char *end, QByteArray &out)
{
    out.clear();
    out.reserve(end - p);
    for (; p < end; ++p) {
        if (*p != '\\') {
            out.append(*p);
            continue;
        }
        if (++p == end)
            return false;
        switch (*p) {
        case 'b':
            out.append('\b');
            break;
        case 'f':
            out.append('\f');
            break;
        case 'r':
            out.append('\r');
            break;
        case 'n':
            out.append('\n');
            break;
        case 't':
            out.append('\t');
            break;
        case '0':
            out.append('\0');
            break;
        default:
            out.append(*p);
            break;
        }
    }
    return true;
}

bool isErrorLine(const char *p, const char *end)
{
    static constexpr char Prefix[] = "Code: ";
    return end - p >= qsizetype(sizeof(Prefix) - 1) && std::equal(Prefix, Prefix + sizeof(Prefix) - 1, p);
}

} // namespace

ServerError parseServerError(const QByteArray &text)
{
    static const QRegularExpression code(QStringLiteral("^Code: (\\d+)[.,]\\s*(?:e\\.displayText\\(\\) = )?(.*)$"),
                                         QRegularExpression::DotMatchesEverythingOption);
    const QString t = QString::fromUtf8(text).trimmed();
    const auto m = code.match(t);
    if (!m.hasMatch())
        return {};
    QString message = m.captured(2);
    message.remove(QRegularExpression(QStringLiteral(",\\s*e\\.what\\(\\) = \\S+$")));
    message.remove(QRegularExpression(QStringLiteral("^DB::Exception: ")));
    message.remove(QRegularExpression(QStringLiteral("\\s*\\(version [^)]*\\)\\.?$")));
    return {m.captured(1).toInt(), message.trimmed()};
}

bool parseArray(const QString &field, QStringList &out)
{
    out.clear();
    if (field.size() < 2 || field.front() != u'[' || field.back() != u']')
        return false;
    const qsizetype end = field.size() - 1;
    qsizetype i = 1;
    while (i < end) {
        QString value;
        if (field[i] == u'\'') {
            for (++i; i < end && field[i] != u'\''; ++i) {
                if (field[i] == u'\\' && i + 1 < end)
                    ++i;
                value += field[i];
            }
            if (i >= end)
                return false;
            ++i; // the closing quote
        } else {
            while (i < end && field[i] != u',')
                value += field[i++];
        }
        out << value;
        if (i < end && field[i] != u',')
            return false;
        ++i; // the comma
    }
    return true;
}

TsvReply parseTsv(const QByteArray &body, int columns)
{
    TsvReply reply;
    const char *p = body.constData();
    const char *const end = p + body.size();
    QByteArray field;
    int line = 0;
    while (p < end) {
        ++line;
        const char *eol = static_cast<const char *>(memchr(p, '\n', std::size_t(end - p)));
        const ServerError e =
            isErrorLine(p, eol ? eol : end) ? parseServerError(QByteArray(p, qsizetype(end - p))) : ServerError{};
        if (e.code) {
            reply.errorCode = e.code;
            reply.error = QStringLiteral("the server failed during the query: %1 (code %2)").arg(e.message).arg(e.code);
            reply.rows.clear();
            return reply;
        }
        if (!eol) {
            reply.error = QStringLiteral("the reply ended inside row %1 (connection cut short?)").arg(line);
            reply.rows.clear();
            return reply;
        }
        std::vector<QString> row;
        for (const char *f = p;;) {
            const char *tab = static_cast<const char *>(memchr(f, '\t', std::size_t(eol - f)));
            const char *fend = tab ? tab : eol;
            if (fend - f == 2 && f[0] == '\\' && f[1] == 'N') {
                row.emplace_back();
            } else if (!unescape(f, fend, field)) {
                reply.error = QStringLiteral("row %1 of the reply has a dangling escape").arg(line);
                reply.rows.clear();
                return reply;
            } else {
                row.push_back(field.isEmpty() ? QStringLiteral("") : QString::fromUtf8(field)); // "" is not NULL
            }
            if (!tab)
                break;
            f = tab + 1;
        }
        if (columns > 0 && int(row.size()) != columns) {
            reply.error =
                QStringLiteral("row %1 of the reply has %2 fields, not %3").arg(line).arg(row.size()).arg(columns);
            reply.rows.clear();
            return reply;
        }
        reply.rows.push_back(std::move(row));
        p = eol + 1;
    }
    return reply;
}

} // namespace inquest::remote
