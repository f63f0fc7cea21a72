#include "remoterowspanel.h"

#include "models/remoterowsmodel.h"

#include "model/casedocument.h"
#include "remote/remotepasswords.h"
#include "remote/remoterowsquery.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace inquest {

RemoteRowsPanel::RemoteRowsPanel(CaseDocument *doc, QWidget *parent)
    : QWidget(parent)
    , m_doc(doc)
    , m_model(new RemoteRowsModel(this))
    , m_query(new remote::RemoteRowsQuery(this))
    , m_view(new QTableView)
    , m_status(new QLabel)
    , m_previous(new QPushButton(tr("\u25C0 Previous")))
    , m_next(new QPushButton(tr("Next \u25B6")))
    , m_keep(new QPushButton(tr("Keep queries")))
    , m_pause(new QTimer(this))
{
    setObjectName(QStringLiteral("remoteRowsPanel"));
    m_view->setObjectName(QStringLiteral("remoteRowsView"));
    m_status->setObjectName(QStringLiteral("remoteRowsStatus"));
    m_previous->setObjectName(QStringLiteral("remoteRowsPrevious"));
    m_next->setObjectName(QStringLiteral("remoteRowsNext"));
    m_keep->setObjectName(QStringLiteral("remoteRowsKeep"));
    m_keep->setToolTip(tr("Keep the queries that gave this page in the case, as provenance (server, SQL, query id, "
                          "times, rows read, SHA-256 of the answer)"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(RemoteRowsModel::Time,
                           m_view->fontMetrics().horizontalAdvance(u"0000-00-00 00:00:00.000"_qs) + 16);
    m_view->setColumnWidth(RemoteRowsModel::Path, 220);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Shown later than the timeline's splitter is laid out: without a floor it would get two rows.
    m_view->setMinimumHeight(m_view->verticalHeader()->defaultSectionSize() * 7 +
                             m_view->horizontalHeader()->sizeHint().height());

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_previous);
    bar->addWidget(m_next);
    bar->addWidget(m_keep);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    m_pause->setSingleShot(true);
    m_pause->setInterval(250);
    connect(m_pause, &QTimer::timeout, this, &RemoteRowsPanel::ask);
    connect(m_query, &remote::RemoteRowsQuery::answered, this, &RemoteRowsPanel::answered);
    connect(m_previous, &QPushButton::clicked, this, &RemoteRowsPanel::previousPage);
    connect(m_next, &QPushButton::clicked, this, &RemoteRowsPanel::nextPage);
    connect(m_keep, &QPushButton::clicked, this, &RemoteRowsPanel::keepQueries);
    connect(doc, &CaseDocument::changed, this, &RemoteRowsPanel::documentChanged);
    m_model->setDisplayZone(DisplayZone::of(doc->meta()));
    setVisible(!doc->remoteSources().isEmpty());
    updateButtons();
}

RemoteRowsPanel::~RemoteRowsPanel() = default;

void RemoteRowsPanel::documentChanged(const ChangeEvent &event)
{
    m_model->setDisplayZone(DisplayZone::of(m_doc->meta()));
    const bool reset = event.entity == Entity::Case && event.action == ChangeAction::Reset;
    if (reset || (event.entity == Entity::RemoteSource && event.action != ChangeAction::Modified)) {
        m_query->setSources({});
        m_sourcesKnown = false;
        m_model->clear();
        m_status->clear();
        setVisible(!m_doc->remoteSources().isEmpty());
        if (!reset && isVisible())
            m_pause->start();
        updateButtons();
    }
}

void RemoteRowsPanel::setFilter(const EventFilter &filter)
{
    m_filter = filter;
    m_offset = 0;
    if (!m_doc->remoteSources().isEmpty())
        m_pause->start();
}

void RemoteRowsPanel::nextPage()
{
    m_offset += m_pageSize;
    ask();
}

void RemoteRowsPanel::previousPage()
{
    m_offset = std::max<qint64>(0, m_offset - m_pageSize);
    ask();
}

void RemoteRowsPanel::ask()
{
    if (m_doc->remoteSources().isEmpty())
        return;
    if (!m_sourcesKnown) {
        // Asked here, on a person's action, so that a password prompt follows something they did.
        QStringList unreachable;
        m_query->setSources(remote::reachableSources(m_doc, &unreachable));
        m_sourcesKnown = true;
        if (!m_query->hasSources()) {
            m_status->setText(tr("Remote rows: no remote source can be reached (%1)").arg(unreachable.join(u"; ")));
            return;
        }
    }
    m_status->setText(tr("Remote rows: asking\u2026"));
    m_query->ask(m_filter, m_offset, m_pageSize);
    updateButtons();
}

void RemoteRowsPanel::answered()
{
    const auto &page = m_query->latest();
    if (!page)
        return;
    m_model->setPage(*page);
    m_kept = false;
    const QLocale locale;
    QString text = page->rows.empty() ? tr("Remote rows: none of %1 pass the filter").arg(locale.toString(page->total))
                                      : tr("Remote rows %1\u2013%2 of %3")
                                            .arg(locale.toString(page->offset + 1),
                                                 locale.toString(page->offset + qint64(page->rows.size())),
                                                 locale.toString(page->total));
    if (page->rows.empty() && page->total > 0)
        text = tr("Remote rows: %1 pass the filter; this page is past them").arg(locale.toString(page->total));
    if (!page->errors.isEmpty())
        text += u" \u2014 "_qs + page->errors.join(u"; ");
    m_status->setText(text);
    m_status->setToolTip(page->errors.join(u'\n'));
    updateButtons();
}

void RemoteRowsPanel::keepQueries()
{
    const auto &page = m_query->latest();
    if (!page || m_kept)
        return;
    remote::keepEventQueries(*m_doc, page->results());
    m_kept = true;
    updateButtons();
}

void RemoteRowsPanel::updateButtons()
{
    const auto &page = m_query->latest();
    const bool idle = !m_query->isBusy();
    m_previous->setEnabled(idle && page && m_offset > 0);
    m_next->setEnabled(idle && page && page->offset + qint64(page->rows.size()) < page->total);
    m_keep->setEnabled(idle && page && !m_kept && !page->results().isEmpty());
    m_keep->setText(m_kept ? tr("Queries kept") : tr("Keep queries"));
}

bool RemoteRowsPanel::askPending() const { return m_pause->isActive(); }

QString RemoteRowsPanel::statusText() const { return m_status->text(); }

} // namespace inquest
