#include "timelinemodel.h"

#include "model/httpstatus.h"

#include <QColor>

#include <algorithm>
#include <limits>

namespace inquest {

namespace {

QString poolString(const EventTable &t, uint32_t id)
{
    const std::string_view v = t.strings.view(id);
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm; proleptic Gregorian).
void civilFromDays(int64_t z, int64_t &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = int64_t(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

} // namespace

TimelineModel::TimelineModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_index(TimelineIndex::build({}))
    , m_rows(m_index, &m_index->entries())
{
}

void TimelineModel::setRows(std::shared_ptr<const TimelineIndex> index, TimelineController::Rows rows)
{
    beginResetModel();
    m_index = std::move(index);
    m_rows = std::move(rows);
    m_hits.reset(); // positions in the old rows
    endResetModel();
}

void TimelineModel::setHits(std::shared_ptr<const std::vector<std::size_t>> hits)
{
    m_hits = std::move(hits);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::BackgroundRole});
}

bool TimelineModel::isHit(int row) const
{
    return m_hits && std::binary_search(m_hits->begin(), m_hits->end(), std::size_t(row));
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    // A QTableView counts rows in int; beyond that the filter has to narrow things down.
    return parent.isValid() ? 0 : int(std::min<std::size_t>(m_rows->size(), std::numeric_limits<int>::max()));
}

int TimelineModel::rowAtOrAfter(qint64 micros) const
{
    return int(std::min<std::size_t>(m_index->lowerBound(*m_rows, micros), std::size_t(rowCount())));
}

QString TimelineModel::formatTime(qint64 micros)
{
    constexpr int64_t PerDay = 86'400'000'000;
    int64_t days = micros / PerDay;
    int64_t rest = micros % PerDay;
    if (rest < 0) {
        rest += PerDay;
        --days;
    }
    int64_t y;
    unsigned mo, d;
    civilFromDays(days, y, mo, d);
    const int64_t ms = rest / 1000;
    char buf[40];
    const int n = std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u %02d:%02d:%02d.%03d", static_cast<long long>(y), mo,
                                d, int(ms / 3'600'000), int(ms / 60'000 % 60), int(ms / 1000 % 60), int(ms % 1000));
    return QString::fromLatin1(buf, n);
}

QVariant TimelineModel::display(int column, const TimelineSource &source, std::size_t r, const DisplayZone &zone)
{
    const EventTable &t = *source.table;
    switch (Column(column)) {
    case Time:
        return zone.format(t.time[r]);
    case Site:
        return source.siteOfRow(uint32_t(r));
    case SourceName:
        return source.name;
    case Client:
        return poolString(t, t.client[r]);
    case Method:
        return QString::fromLatin1(toString(t.method[r]));
    case Path:
        return poolString(t, t.path[r]);
    case Status:
        if (t.status[r] == StatusNoResponseLogged)
            return statusText(t.status[r]); // "000": a connection that got no response
        return t.status[r] ? QVariant(int(t.status[r])) : QVariant();
    case Bytes:
        return t.status[r] || t.bytes[r] ? QVariant(qulonglong(t.bytes[r])) : QVariant();
    case ResponseTime:
        return t.responseUs[r] == NoResponseTime ? QVariant()
                                                 : QVariant(QString::number(t.responseUs[r] / 1000.0, 'f', 3));
    case Severity:
        return severityLabel(t.severity[r]);
    case Message:
        return t.messageLine(r);
    case ColumnCount:
        break;
    }
    return {};
}

void TimelineModel::setEventMarks(const QList<EventMark> &marks)
{
    m_marks.clear();
    for (const EventMark &m : marks)
        m_marks.insert({m.sourceId, m.line}, m);
    if (rowCount() > 0)
        emit dataChanged(this->index(0, Time), this->index(rowCount() - 1, Time));
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const uint64_t e = entryAt(index.row());
    const TimelineSource &source = m_index->sourceOf(e);
    const std::size_t r = timeline::rowOf(e);
    const EventMark *mark = nullptr;
    if (index.column() == Time && !m_marks.isEmpty()) {
        const auto it = m_marks.constFind({source.id, qint64(source.table->line[r])});
        mark = it == m_marks.constEnd() ? nullptr : &*it;
    }
    switch (role) {
    case Qt::DisplayRole:
        if (mark)
            return (mark->starred ? QStringLiteral("★ ") : QStringLiteral("◆ ")) +
                   display(index.column(), source, r, m_zone).toString();
        return display(index.column(), source, r, m_zone);
    case Qt::ToolTipRole:
        if (mark) {
            QStringList parts;
            if (mark->starred)
                parts.append(tr("Starred"));
            if (!mark->tags.isEmpty())
                parts.append(tr("Tags: %1").arg(mark->tags.join(QStringLiteral(", "))));
            if (!mark->comment.isEmpty())
                parts.append(mark->comment);
            return parts.join(u'\n');
        }
        if (index.column() == SourceName)
            return source.path;
        if (index.column() == Path || index.column() == Message || index.column() == Site)
            return display(index.column(), source, r, m_zone);
        if (index.column() == Severity && isSeverityInferred(source.table->severity[r]))
            return tr("Inferred from the message text: the line carries no severity of its own.");
        if (index.column() == Client && source.table->agent[r])
            return poolString(*source.table, source.table->agent[r]);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Status || index.column() == Bytes || index.column() == ResponseTime)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::BackgroundRole:
        return isHit(index.row()) ? QVariant(QColor(0xff, 0xf0, 0x9a)) : QVariant();
    case Qt::ForegroundRole: {
        const EventTable &t = *source.table;
        const uint8_t level = severityLevel(t.severity[r]);
        const StatusClass cls = statusClass(t.status[r]);
        if (isFailure(t.status[r]) || level <= 3)
            return QColor(0xb0, 0x00, 0x20);
        if (cls == StatusClass::ClientError || cls == StatusClass::Other || level == 4)
            return QColor(0x9a, 0x5b, 0x00);
        return {};
    }
    default:
        return {};
    }
}

void TimelineModel::setDisplayZone(const DisplayZone &zone)
{
    if (zone.id == m_zone.id)
        return;
    m_zone = zone;
    emit headerDataChanged(Qt::Horizontal, Time, Time);
    if (rowCount() > 0)
        emit dataChanged(index(0, Time), index(rowCount() - 1, Time), {Qt::DisplayRole});
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == ResponseTime)
        return tr("Response time in milliseconds, where the log records it");
    if (role != Qt::DisplayRole)
        return {};
    if (section == Time)
        return tr("Time (%1)").arg(m_zone.name());
    static const char *names[] = {QT_TR_NOOP("Time (UTC)"), QT_TR_NOOP("Site / host"), QT_TR_NOOP("Source"),
                                  QT_TR_NOOP("Client"),     QT_TR_NOOP("Method"),      QT_TR_NOOP("Path"),
                                  QT_TR_NOOP("Status"),     QT_TR_NOOP("Bytes"),       QT_TR_NOOP("Resp. (ms)"),
                                  QT_TR_NOOP("Severity"),   QT_TR_NOOP("Message")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace inquest
