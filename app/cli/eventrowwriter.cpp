#include "eventrowwriter.h"

#include "model/httpstatus.h"
#include "model/isotime.h"

#include <QJsonObject>

namespace inquest::cli {

namespace {

QString poolText(const EventTable &t, uint32_t id)
{
    const std::string_view v = t.strings.view(id);
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

// What the columns say of a row, for when its raw line cannot be read.
QString parsedFields(const EventTable &t, std::size_t r)
{
    QStringList parts;
    for (const QString &p : {poolText(t, t.client[r]), QString::fromLatin1(toString(t.method[r])),
                             poolText(t, t.path[r]), poolText(t, t.message[r])}) {
        if (!p.isEmpty() && p != u"None")
            parts.append(p);
    }
    return parts.join(u' ');
}

QString csvField(const QString &s)
{
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n') && !s.contains(u'\r'))
        return s;
    QString q = s;
    q.replace(u"\""_qs, u"\"\""_qs);
    return u'"' + q + u'"';
}

} // namespace

EventRowWriter::EventRowWriter(Format format, QTextStream &out)
    : m_format(format)
    , m_out(out)
{
}

void EventRowWriter::header()
{
    if (m_format == Format::Csv)
        m_out << "time,source_id,source,line,site,host,status,raw\n";
}

void EventRowWriter::local(const TimelineIndex &index, uint64_t e, const std::optional<QString> &raw)
{
    const TimelineSource &src = index.sourceOf(e);
    const EventTable &t = *src.table;
    const std::size_t r = timeline::rowOf(e);
    const QString host = poolText(t, t.host[r]);
    switch (m_format) {
    case Format::Json: {
        QJsonObject o{{u"time"_qs, isoUtc(t.time[r])},
                      {u"source_id"_qs, qint64(src.id)},
                      {u"source"_qs, src.path},
                      {u"line"_qs, qint64(t.line[r])},
                      {u"offset"_qs, qint64(t.offset[r])},
                      {u"site"_qs, index.siteOf(e)},
                      {u"host"_qs, host},
                      {u"status"_qs, statusText(t.status[r])},
                      {u"raw"_qs, raw ? QJsonValue(*raw) : QJsonValue(QJsonValue::Null)}};
        if (!raw)
            o.insert(u"fields"_qs, parsedFields(t, r));
        m_json.append(o);
        break;
    }
    case Format::Csv:
        m_out << isoUtc(t.time[r]) << ',' << src.id << ',' << csvField(src.path) << ',' << t.line[r] << ','
              << csvField(index.siteOf(e)) << ',' << csvField(host) << ',' << statusText(t.status[r]) << ','
              << csvField(raw.value_or(QString())) << '\n';
        break;
    case Format::Text: {
        const QString status = statusText(t.status[r]);
        m_out << isoUtc(t.time[r]) << "  " << src.id << ':' << src.name << ':' << t.line[r] << "  " << index.siteOf(e)
              << "  " << (status.isEmpty() ? u"-"_qs : status) << "  "
              << (raw ? *raw : u"[no raw line] "_qs + parsedFields(t, r)) << '\n';
        break;
    }
    }
}

void EventRowWriter::remote(const remote::RemoteEventPage &page, const remote::RemoteEvent &e)
{
    const QString text = e.raw.isNull() ? e.columnsText() : e.raw;
    switch (m_format) {
    case Format::Json:
        m_json.append(QJsonObject{{u"time"_qs, isoUtc(e.timeUs)},
                                  {u"source_id"_qs, qint64(page.sourceId)},
                                  {u"source"_qs, page.sourceName},
                                  {u"remote"_qs, true},
                                  {u"line"_qs, QJsonValue(QJsonValue::Null)},
                                  {u"offset"_qs, QJsonValue(QJsonValue::Null)},
                                  {u"site"_qs, e.site},
                                  {u"host"_qs, QJsonValue(QJsonValue::Null)},
                                  {u"status"_qs, statusText(e.status)},
                                  {u"raw"_qs, e.raw.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(e.raw)},
                                  {u"client"_qs, e.client},
                                  {u"method"_qs, e.method},
                                  {u"path"_qs, e.path},
                                  {u"bytes"_qs, qint64(e.bytes)},
                                  {u"agent"_qs, e.agent},
                                  {u"referer"_qs, e.referer}});
        break;
    case Format::Csv:
        m_out << isoUtc(e.timeUs) << ',' << page.sourceId << ',' << csvField(u"remote:"_qs + page.sourceName) << ",,"
              << csvField(e.site) << ",," << statusText(e.status) << ',' << csvField(text) << '\n';
        break;
    case Format::Text:
        m_out << isoUtc(e.timeUs) << "  " << page.sourceId << ':' << page.sourceName << ":remote  " << e.site << "  "
              << statusText(e.status) << "  " << text << '\n';
        break;
    }
}

} // namespace inquest::cli
