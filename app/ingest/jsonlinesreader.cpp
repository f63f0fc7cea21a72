#include "jsonlinesreader.h"
#include "fieldnames.h"
#include "logtemplates.h"
#include "model/httpstatus.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <cmath>

namespace inquest {

using namespace Qt::StringLiterals;

namespace {

using namespace fields;

// "a.b.c": first as a flat key, then as nested objects.
QJsonValue lookup(const QJsonObject &object, const QString &name)
{
    const auto it = object.constFind(name);
    if (it != object.constEnd())
        return *it;
    const qsizetype dot = name.indexOf(u'.');
    if (dot <= 0)
        return {};
    const auto head = object.constFind(name.left(dot));
    if (head == object.constEnd() || !head->isObject())
        return {};
    return lookup(head->toObject(), name.mid(dot + 1));
}

class JsonLinesParser : public LineParser
{
public:
    explicit JsonLinesParser(const ParseContext &context)
        : m_zone(context.zone)
        , m_fields(withMap(context.fieldMap))
    {
    }

    LineResult parse(std::string_view s, uint64_t offset, uint32_t lineNo, EventTable &out,
                     std::string *reason) override
    {
        std::size_t start = 0;
        while (start < s.size() && (s[start] == ' ' || s[start] == '\t'))
            ++start;
        if (start == s.size())
            return LineResult::Skip;
        if (s[start] != '{') {
            *reason = "not a JSON object";
            return LineResult::Malformed;
        }
        QJsonParseError error;
        const QJsonDocument doc =
            QJsonDocument::fromJson(QByteArray::fromRawData(s.data() + start, qsizetype(s.size() - start)), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            *reason = "invalid JSON: " + error.errorString().toStdString() + " at character " +
                      std::to_string(error.offset + 1);
            return LineResult::Malformed;
        }
        const QJsonObject object = doc.object();
        const QJsonValue timeValue = find(object, Time);
        int64_t t = 0;
        if (!toTime(timeValue, t)) {
            *reason = timeValue.isUndefined() ? "no time field (map one with time=FIELD)" : "unreadable time value";
            return LineResult::Malformed;
        }
        const std::size_t row = out.appendRow(t, offset, lineNo);
        auto text = [&](Column c) -> QByteArray {
            const QJsonValue v = find(object, c);
            if (v.isString())
                return v.toString().toUtf8();
            if (v.isDouble())
                return QByteArray::number(v.toDouble(), 'g', 15);
            return {};
        };
        auto intern = [&](Column c) { return out.strings.intern(std::string_view(text(c).toStdString())); };
        if (const QJsonValue v = find(object, Status); !v.isUndefined()) {
            const std::string field = v.isDouble() ? std::to_string(v.toInt(-1)) : v.toString().toStdString();
            parseStatusField(field, out.status[row]);
        }
        if (const QJsonValue v = find(object, Bytes); v.isDouble() || v.isString())
            out.bytes[row] = uint64_t(std::max(0.0, v.isString() ? v.toString().toDouble() : v.toDouble()));
        if (const QJsonValue v = find(object, Severity); !v.isUndefined()) {
            const std::string level = v.isDouble() ? std::to_string(v.toInt()) : v.toString().toStdString();
            out.severity[row] = severityValue(level);
        }
        if (const QJsonValue v = find(object, Duration); v.isDouble())
            out.responseUs[row] = uint32_t(std::clamp(v.toDouble() * 1e6, 0.0, double(NoResponseTime - 1)));
        const QByteArray method = text(Method);
        out.method[row] = httpMethodFromBytes(std::string_view(method.constData(), std::size_t(method.size())));
        out.client[row] = intern(Client);
        out.path[row] = intern(Path);
        out.host[row] = intern(Host);
        // The message text on templates: a repeated message does not cost its text again.
        const QByteArray message = text(Message);
        m_templates.add(out, row, std::string_view(message.constData(), std::size_t(message.size())));
        out.agent[row] = intern(Agent);
        out.referer[row] = intern(Referer);
        return LineResult::Event;
    }

private:
    QJsonValue find(const QJsonObject &object, Column c) const
    {
        for (const QString &name : m_fields[std::size_t(c)]) {
            const QJsonValue v = lookup(object, name);
            if (!v.isUndefined() && !v.isNull())
                return v;
        }
        return QJsonValue(QJsonValue::Undefined);
    }

    bool toTime(const QJsonValue &v, int64_t &t)
    {
        if (v.isDouble()) {
            t = epochToMicros(v.toDouble());
            return true;
        }
        if (!v.isString())
            return false;
        const QByteArray utf8 = v.toString().toUtf8();
        const auto micros = timeValueMicros(std::string_view(utf8.constData(), std::size_t(utf8.size())), m_zone);
        if (micros)
            t = *micros;
        return micros.has_value();
    }

    ZoneConverter m_zone;
    FieldLists m_fields;
    LogTemplateMiner m_templates;
};

} // namespace

std::unique_ptr<LineParser> JsonLinesReader::createParser(const ParseContext &context) const
{
    return std::make_unique<JsonLinesParser>(context);
}

} // namespace inquest
