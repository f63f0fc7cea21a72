#include "filterexpression.h"
#include "cidr.h"

#include "model/eventtable.h"
#include "model/httpstatus.h"

#include <QStringList>

#include <algorithm>

namespace inquest {

namespace {

// Splits on spaces outside double quotes; the quotes are dropped.
QStringList terms(const QString &text, QString *error)
{
    QStringList out;
    QString current;
    bool quoted = false, any = false;
    for (const QChar c : text) {
        if (c == u'"') {
            quoted = !quoted;
            any = true;
        } else if (c.isSpace() && !quoted) {
            if (any)
                out.append(current);
            current.clear();
            any = false;
        } else {
            current += c;
            any = true;
        }
    }
    if (quoted) {
        *error = QStringLiteral("a quote is not closed in \"%1\"").arg(text);
        return {};
    }
    if (any)
        out.append(current);
    return out;
}

QString quotedIfSpaced(const QString &value)
{
    return value.contains(u' ') ? QStringLiteral("\"%1\"").arg(value) : value;
}

constexpr HttpMethod Methods[] = {HttpMethod::Get,   HttpMethod::Head,    HttpMethod::Post,
                                  HttpMethod::Put,   HttpMethod::Delete,  HttpMethod::Options,
                                  HttpMethod::Patch, HttpMethod::Connect, HttpMethod::Trace};

bool parseMethods(const QString &value, uint16_t *bits, QString *bad)
{
    for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
        const QByteArray upper = part.trimmed().toUpper().toLatin1();
        const HttpMethod m = httpMethodFromBytes(std::string_view(upper.constData(), std::size_t(upper.size())));
        if (m == HttpMethod::None || m == HttpMethod::Other) {
            *bad = part;
            return false;
        }
        *bits |= uint16_t(1u << unsigned(m));
    }
    return *bits != 0;
}

} // namespace

bool parseFilterExpression(const QString &text, EventFilter *filter, QString *error)
{
    EventFilter f;
    QStringList words;
    QString splitError;
    const QStringList parts = terms(text, &splitError);
    if (!splitError.isEmpty()) {
        *error = splitError;
        return false;
    }
    for (const QString &term : parts) {
        const qsizetype colon = term.indexOf(u':');
        const QString key = colon > 0 ? term.left(colon).toLower() : QString();
        const QString value = colon > 0 ? term.mid(colon + 1) : term;
        auto bad = [&](const QString &why) {
            *error = QStringLiteral("filter term \"%1\": %2").arg(term, why);
            return false;
        };
        if (key.isEmpty() || key == u"text") {
            words.append(value);
        } else if (value.isEmpty()) {
            return bad(QStringLiteral("no value"));
        } else if (key == u"site") {
            f.site = value;
        } else if (key == u"status") {
            QString part;
            if (!parseStatusFilter(value, &f, &part))
                return bad(QStringLiteral("\"%1\" is neither a status class nor a code").arg(part));
        } else if (key == u"method") {
            QString part;
            if (!parseMethods(value, &f.methods, &part))
                return bad(QStringLiteral("\"%1\" is not an HTTP method").arg(part));
        } else if (key == u"path") {
            f.path = value;
        } else if (key == u"client") {
            if (value.contains(u'/') && !Cidr::parse(value))
                return bad(QStringLiteral("not an address block"));
            f.client = value;
        } else if (key == u"host") {
            f.host = value;
        } else {
            // A word of letters before a colon is meant as a key (a typo is said, not searched for);
            // a URL ("https://…") or an IPv6 address is text.
            const bool letters = std::all_of(key.begin(), key.end(), [](QChar c) { return c.isLetter(); });
            if (letters && !value.startsWith(u'/'))
                return bad(QStringLiteral("unknown key (site, status, method, path, client, host, text)"));
            words.append(term);
        }
    }
    f.text = words.join(u' ');
    *filter = f;
    return true;
}

QString filterExpression(const EventFilter &f)
{
    QStringList out;
    if (!f.site.isEmpty())
        out.append(QStringLiteral("site:") + quotedIfSpaced(f.site));
    QStringList statuses;
    static const std::pair<uint8_t, const char *> Classes[] = {
        {EventFilter::NoStatus, "none"},     {EventFilter::Status1xx, "1xx"},
        {EventFilter::Status2xx, "2xx"},     {EventFilter::Status3xx, "3xx"},
        {EventFilter::Status4xx, "4xx"},     {EventFilter::Status5xx, "5xx"},
        {EventFilter::StatusOther, "other"}, {EventFilter::StatusNoResponse, "no-response"}};
    for (const auto &[bit, name] : Classes) {
        if (f.statusClasses & bit)
            statuses.append(QString::fromLatin1(name));
    }
    for (const uint16_t code : f.statusCodes)
        statuses.append(code == 0 ? QStringLiteral("0") : statusText(code));
    if (!statuses.isEmpty())
        out.append(QStringLiteral("status:") + statuses.join(u','));
    QStringList methods;
    for (const HttpMethod m : Methods) {
        if (f.methods & (1u << unsigned(m)))
            methods.append(QString::fromLatin1(toString(m)));
    }
    if (!methods.isEmpty())
        out.append(QStringLiteral("method:") + methods.join(u','));
    if (!f.path.isEmpty())
        out.append(QStringLiteral("path:") + quotedIfSpaced(f.path));
    if (!f.client.isEmpty())
        out.append(QStringLiteral("client:") + f.client);
    if (!f.host.isEmpty())
        out.append(QStringLiteral("host:") + quotedIfSpaced(f.host));
    if (!f.text.isEmpty())
        out.append(QStringLiteral("text:") + quotedIfSpaced(f.text));
    return out.join(u' ');
}

} // namespace inquest
