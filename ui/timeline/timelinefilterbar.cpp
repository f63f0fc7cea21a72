#include "timelinefilterbar.h"

#include "analysis/filterexpression.h"
#include "analysis/timelineindex.h"
#include "models/timelinemodel.h"
#include "wraprow.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QTimer>
#include <QToolButton>

namespace inquest {

namespace {

QComboBox *makeCombo(const QString &objectName, const QString &toolTip)
{
    auto *combo = new QComboBox;
    combo->setObjectName(objectName);
    combo->setToolTip(toolTip);
    // Long site and file names show in the popup; the bar itself must fit beside the docks.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(6);
    return combo;
}

QLineEdit *makeTimeEdit(const QString &objectName, const QString &placeholder)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    edit->setToolTip(QObject::tr("In the case's display zone unless a zone is given, e.g. 2010-12-12 21:45 or "
                                 "2010-12-12T21:45:00+01:00; or a clock time (21:05, 21:05:30) on the day shown"));
    edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(QStringLiteral("12-12 21:45:00.000")) + 30);
    return edit;
}

// Re-selects the item with `data` after a refill, or the first ("all") item.
void reselect(QComboBox *combo, const QVariant &data)
{
    const int i = combo->findData(data);
    combo->setCurrentIndex(i >= 0 ? i : 0);
}

} // namespace

TimelineFilterBar::TimelineFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLineEdit)
    , m_status(makeCombo(QStringLiteral("timelineStatus"),
                         tr("HTTP status: pick a class or type classes and codes, e.g. 503, 000, 5xx, no-response")))
    , m_site(makeCombo(QStringLiteral("timelineSite"), tr("Site (the source's site, or the host of the line)")))
    , m_source(makeCombo(QStringLiteral("timelineSource"), tr("Log source")))
    , m_severity(makeCombo(QStringLiteral("timelineSeverity"), tr("Syslog severity")))
    , m_from(makeTimeEdit(QStringLiteral("timelineFrom"), tr("from (UTC)")))
    , m_to(makeTimeEdit(QStringLiteral("timelineTo"), tr("to (UTC)")))
    , m_exact(new QToolButton)
    , m_typing(new QTimer(this))
{
    m_text->setObjectName(QStringLiteral("timelineFilterText"));
    m_text->setPlaceholderText(tr("Filter path, client, agent, host, message\u2026"));
    m_text->setClearButtonEnabled(true);
    m_text->setMinimumWidth(80);

    // Items carry what parseStatusFilter reads, so a picked item and typed text are one path.
    m_status->setEditable(true);
    m_status->setInsertPolicy(QComboBox::NoInsert);
    m_status->addItem(tr("Any status"), QString());
    for (const char *cls : {"1xx", "2xx", "3xx", "4xx", "5xx", "no-response"})
        m_status->addItem(QString::fromLatin1(cls), QString::fromLatin1(cls));
    m_status->addItem(tr("5xx + no response"), QStringLiteral("5xx,no-response"));
    m_status->addItem(tr("4xx + 5xx"), QStringLiteral("4xx,5xx"));
    m_status->addItem(tr("No status"), QStringLiteral("none"));

    m_severity->addItem(tr("Any severity"), 0);
    m_severity->addItem(tr("err and worse"), 0x0F);
    m_severity->addItem(tr("warning and worse"), 0x1F);
    m_severity->addItem(tr("notice and worse"), 0x3F);
    m_severity->addItem(tr("info and worse"), 0x7F);
    m_severity->addItem(tr("No severity"), int(EventFilter::NoSeverityBit));

    m_site->addItem(tr("All sites"), QString());
    m_source->addItem(tr("All sources"), Id(0));

    auto *clear = new QToolButton;
    clear->setText(tr("Clear"));
    clear->setToolTip(tr("Remove every filter"));
    connect(clear, &QToolButton::clicked, this, &TimelineFilterBar::clear);
    m_exact->setObjectName(QStringLiteral("timelineExact"));
    m_exact->setToolTip(tr("Remove the host, client and path filters"));
    m_exact->setVisible(false);
    connect(m_exact, &QToolButton::clicked, this, [this] {
        m_host.clear();
        m_client.clear();
        m_path.clear();
        m_methods = 0;
        updateExactButton();
        emitChanged();
    });

    // Narrow (the timeline beside the docks on a 1280 px screen): the times go to a second line.
    auto *row = m_row = new WrapRow;
    row->lead()->addWidget(m_text, 3);
    for (QWidget *w : {static_cast<QWidget *>(m_status), static_cast<QWidget *>(m_site),
                       static_cast<QWidget *>(m_source), static_cast<QWidget *>(m_severity)})
        row->lead()->addWidget(w);
    row->trail()->addWidget(m_from, 1);
    row->trail()->addWidget(m_to, 1);
    row->trail()->addWidget(m_exact);
    row->trail()->addWidget(clear);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(row);

    m_typing->setSingleShot(true);
    m_typing->setInterval(200);
    connect(m_typing, &QTimer::timeout, this, &TimelineFilterBar::emitChanged);
    connect(m_text, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    for (QComboBox *combo : {m_site, m_source, m_severity})
        connect(combo, &QComboBox::activated, this, &TimelineFilterBar::emitChanged);
    connect(m_status, &QComboBox::currentTextChanged, this, &TimelineFilterBar::statusEdited);
    connect(m_from, &QLineEdit::textEdited, this, [this] { timeEdited(m_from, m_fromUs); });
    connect(m_to, &QLineEdit::textEdited, this, [this] { timeEdited(m_to, m_toUs); });
}

EventFilter TimelineFilterBar::filter() const
{
    EventFilter f;
    f.text = m_text->text().trimmed();
    f.statusClasses = m_statusParsed.statusClasses;
    f.statusCodes = m_statusParsed.statusCodes;
    f.host = m_host;
    f.client = m_client;
    f.path = m_path;
    f.methods = m_methods;
    f.site = m_site->currentData().toString();
    if (const Id id = m_source->currentData().value<Id>())
        f.sources = {id};
    f.severities = uint16_t(m_severity->currentData().toInt());
    f.from = m_fromUs;
    f.to = m_toUs;
    return f;
}

void TimelineFilterBar::setChoices(const QStringList &sites, const std::vector<TimelineSource> &sources)
{
    const QVariant site = m_site->currentData();
    const QVariant source = m_source->currentData();
    while (m_site->count() > 1)
        m_site->removeItem(1);
    for (const QString &s : sites)
        m_site->addItem(s, s);
    reselect(m_site, site);
    while (m_source->count() > 1)
        m_source->removeItem(1);
    for (const TimelineSource &s : sources)
        m_source->addItem(s.name, s.id);
    reselect(m_source, source);
}

void TimelineFilterBar::setDisplayZone(const DisplayZone &zone)
{
    if (zone.id == m_zone.id)
        return;
    m_zone = zone;
    m_from->setPlaceholderText(tr("from (%1)").arg(zone.name()));
    m_to->setPlaceholderText(tr("to (%1)").arg(zone.name()));
    // The filter keeps its instants: shown again in the new zone.
    const QSignalBlocker a(m_from), b(m_to);
    if (m_fromUs)
        m_from->setText(m_zone.format(*m_fromUs));
    if (m_toUs)
        m_to->setText(m_zone.format(*m_toUs));
}

void TimelineFilterBar::setTimeRange(qint64 beginUs, qint64 endUs, const QString &site)
{
    m_fromUs = beginUs;
    m_toUs = endUs;
    m_from->setText(m_zone.format(beginUs));
    m_to->setText(m_zone.format(endUs));
    m_from->setStyleSheet({});
    m_to->setStyleSheet({});
    if (!site.isEmpty()) {
        if (m_site->findData(site) < 0)
            m_site->addItem(site, site); // a site the chart knows but this list did not (yet)
        reselect(m_site, site);
    }
    m_typing->stop();
    emitChanged();
}

void TimelineFilterBar::setSourceRange(Id source, qint64 beginUs, qint64 endUs)
{
    reselect(m_site, QString());
    reselect(m_source, source);
    setTimeRange(beginUs, endUs, QString());
}

void TimelineFilterBar::setExact(Exact column, const QString &value)
{
    (column == Exact::Host ? m_host : column == Exact::Client ? m_client : m_path) = value;
    updateExactButton();
    m_typing->stop();
    emitChanged();
}

void TimelineFilterBar::setFilter(const EventFilter &f)
{
    m_text->setText(f.text);
    m_statusParsed.statusClasses = f.statusClasses;
    m_statusParsed.statusCodes = f.statusCodes;
    {
        const QSignalBlocker block(m_status);
        EventFilter status;
        status.statusClasses = f.statusClasses;
        status.statusCodes = f.statusCodes;
        const QString text = filterExpression(status).mid(7); // after "status:"
        if (text.isEmpty())
            m_status->setCurrentIndex(0);
        else
            m_status->setEditText(text);
        m_status->setStyleSheet({});
    }
    reselect(m_source, QVariant());
    m_severity->setCurrentIndex(0);
    if (!f.site.isEmpty() && m_site->findData(f.site) < 0)
        m_site->addItem(f.site, f.site);
    reselect(m_site, f.site.isEmpty() ? QVariant() : QVariant(f.site));
    m_host = f.host;
    m_client = f.client;
    m_path = f.path;
    m_methods = f.methods;
    updateExactButton();
    m_fromUs = f.from;
    m_toUs = f.to;
    m_from->setText(f.from ? TimelineModel::formatTime(*f.from) : QString());
    m_to->setText(f.to ? TimelineModel::formatTime(*f.to) : QString());
    m_from->setStyleSheet({});
    m_to->setStyleSheet({});
    m_typing->stop();
    emitChanged();
}

void TimelineFilterBar::updateExactButton()
{
    QStringList parts;
    if (!m_host.isEmpty())
        parts.append(tr("host = %1").arg(m_host));
    if (!m_client.isEmpty())
        parts.append(tr("client = %1").arg(m_client));
    if (!m_path.isEmpty())
        parts.append(tr("path = %1").arg(m_path));
    if (m_methods) {
        EventFilter methods;
        methods.methods = m_methods;
        parts.append(filterExpression(methods));
    }
    m_exact->setText(parts.join(QStringLiteral(", ")) + QStringLiteral(" \u2715"));
    m_exact->setVisible(!parts.isEmpty());
}

void TimelineFilterBar::statusEdited()
{
    const QString text = m_status->currentText().trimmed();
    const int item = m_status->findText(text);
    const QString query = item >= 0 ? m_status->itemData(item).toString() : text;
    EventFilter parsed;
    const bool ok = parseStatusFilter(query, &parsed);
    m_status->setStyleSheet(ok ? QString() : QStringLiteral("QComboBox { background: #ffe0e0; }"));
    if (!ok)
        return; // keep the last good value until the text parses
    m_statusParsed.statusClasses = parsed.statusClasses;
    m_statusParsed.statusCodes = parsed.statusCodes;
    if (item >= 0) { // picked from the list: at once, as the other lists do
        m_typing->stop();
        emitChanged();
    } else {
        m_typing->start();
    }
}

void TimelineFilterBar::clear()
{
    m_text->clear();
    for (QComboBox *combo : {m_status, m_site, m_source, m_severity})
        combo->setCurrentIndex(0);
    m_statusParsed.statusClasses = 0;
    m_statusParsed.statusCodes.clear();
    m_host.clear();
    m_client.clear();
    m_path.clear();
    m_methods = 0;
    updateExactButton();
    m_from->clear();
    m_to->clear();
    m_fromUs.reset();
    m_toUs.reset();
    m_typing->stop();
    emitChanged();
}

void TimelineFilterBar::timeEdited(QLineEdit *edit, std::optional<qint64> &value)
{
    const QString text = edit->text().trimmed();
    const std::optional<qint64> parsed = text.isEmpty() ? std::nullopt : parseTime(text);
    const bool bad = !text.isEmpty() && !parsed;
    edit->setStyleSheet(bad ? QStringLiteral("QLineEdit { background: #ffe0e0; }") : QString());
    if (bad)
        return; // keep the last good value until the text parses
    value = parsed;
    m_typing->start();
}

QSize TimelineFilterBar::oneLineSize() const
{
    const QMargins m = layout()->contentsMargins();
    return m_row->oneLineSize().grownBy(m);
}

void TimelineFilterBar::emitChanged() { emit filterChanged(filter()); }

std::optional<qint64> TimelineFilterBar::parseTime(const QString &text) const
{
    return parseTimeInput(text, m_clockDay ? std::optional<ClockDay>(m_clockDay()) : std::nullopt);
}

} // namespace inquest
