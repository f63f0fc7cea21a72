#include "rawlinepanel.h"

#include "models/timelinemodel.h"

#include "support/parallel.h"

#include <QDir>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTimer>
#include <QVBoxLayout>

namespace inquest {

RawLinePanel::RawLinePanel(QWidget *parent)
    : QWidget(parent)
    , m_info(new QLabel)
    , m_text(new QPlainTextEdit)
    , m_delay(new QTimer(this))
{
    m_info->setObjectName(QStringLiteral("rawLineInfo"));
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_info->setWordWrap(true);
    m_info->setTextFormat(Qt::RichText); // the warning about a missing file is coloured
    m_text->setObjectName(QStringLiteral("rawLineText"));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    const int frame = 2 * m_text->frameWidth() + int(2 * m_text->document()->documentMargin());
    m_text->setMinimumHeight(m_text->fontMetrics().lineSpacing() + frame); // a line, at least
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->setSpacing(2);
    layout->addWidget(m_info);
    layout->addWidget(m_text, 1);
    m_delay->setSingleShot(true);
    m_delay->setInterval(60);
    connect(m_delay, &QTimer::timeout, this, &RawLinePanel::load);
    clear();
}

QSize RawLinePanel::sizeHint() const
{
    const QMargins m = layout()->contentsMargins();
    const int frame = 2 * m_text->frameWidth() + int(2 * m_text->document()->documentMargin());
    const int text = 2 * m_text->fontMetrics().lineSpacing() + frame;
    return {QWidget::sizeHint().width(),
            m.top() + m_info->fontMetrics().height() + layout()->spacing() + text + m.bottom()};
}

RawLinePanel::~RawLinePanel()
{
    parallel::wait(m_reading); // the worker only holds copies, but finish before the watcher goes
}

void RawLinePanel::showLine(const TimelineSource &source, std::size_t row)
{
    m_source = source;
    m_row = row;
    ++m_request;
    m_delay->start();
}

void RawLinePanel::clear()
{
    ++m_request;
    m_delay->stop();
    m_source = {};
    m_info->setText(tr("Select an event to see its original line."));
    m_text->clear();
}

QString RawLinePanel::infoText() const { return m_info->text(); }

QString RawLinePanel::lineText() const { return m_text->toPlainText(); }

void RawLinePanel::load()
{
    if (!m_source.table || m_row >= m_source.table->size())
        return;
    const quint64 request = m_request;
    m_info->setText(
        tr("Reading line %L1 of %2\u2026").arg(m_source.table->line[m_row]).arg(m_source.name.toHtmlEscaped()));
    m_reading = parallel::run(readRawLine, m_source.path, m_source.size, quint64(m_source.table->offset[m_row]),
                              qsizetype(64 * 1024));
    auto *watcher = new QFutureWatcher<RawLine>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, request] {
        watcher->deleteLater();
        if (request == m_request && watcher->future().resultCount() > 0)
            present(watcher->future().result());
    });
    watcher->setFuture(m_reading);
}

void RawLinePanel::present(const RawLine &line)
{
    const EventTable &t = *m_source.table;
    const QString where = tr("%1 \u2014 line %L2, byte offset %L3")
                              .arg(QDir::toNativeSeparators(m_source.path))
                              .arg(t.line[m_row])
                              .arg(t.offset[m_row]);
    if (line.status == RawLine::Status::Ok) {
        m_info->setText(where.toHtmlEscaped());
        QString text = displayRawBytes(line.bytes);
        if (line.truncated)
            text += tr(" [\u2026 cut at %L1 bytes]").arg(line.bytes.size());
        m_text->setPlainText(text);
    } else {
        m_info->setText(
            where.toHtmlEscaped() +
            QStringLiteral("<br><span style=\"color:#9a5b00\">%1</span>").arg(line.message.toHtmlEscaped()));
        // The parsed fields are what is left; show them the way the table does.
        TimelineModel names;
        names.setDisplayZone(m_zone);
        QString text;
        for (int c = 0; c < TimelineModel::ColumnCount; ++c) {
            const QString value = TimelineModel::display(c, m_source, m_row, m_zone).toString();
            if (!value.isEmpty())
                text += names.headerData(c, Qt::Horizontal).toString() + QStringLiteral(": ") + value + u'\n';
        }
        m_text->setPlainText(text);
    }
    emit lineShown();
}

} // namespace inquest
