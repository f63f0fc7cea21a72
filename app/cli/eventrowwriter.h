#pragma once

#include "analysis/timelineindex.h"
#include "remote/remoteevents.h"

#include <QJsonArray>
#include <QTextStream>

#include <optional>

namespace inquest::cli {

// How `inquest events` writes a row: text (TIME  ID:FILE:LINE  SITE  STATUS  RAW), CSV or JSON
// (collected, written by the command as one document). A remote row is labelled "remote" where
// a local row names its file and line.
class EventRowWriter
{
public:
    enum class Format { Text, Csv, Json };
    EventRowWriter(Format format, QTextStream &out);

    void header();
    // Local entry `e` of `index`, with its raw line (nullopt: it could not be read).
    void local(const TimelineIndex &index, uint64_t e, const std::optional<QString> &raw);
    void remote(const remote::RemoteEventPage &page, const remote::RemoteEvent &e);
    const QJsonArray &json() const { return m_json; }

private:
    Format m_format;
    QTextStream &m_out;
    QJsonArray m_json;
};

} // namespace inquest::cli
