#include "articledetails.h"

#include "model/casedocument.h"
#include "news/newsmetadata.h"

#include <QCalendarWidget>
#include <QCompleter>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimeZone>

namespace inquest {

namespace {
// The date edit's minimum stands for "no date known" (shown as its special value text).
const QDate NoDate(1900, 1, 1);
} // namespace

ArticleDetails::ArticleDetails(CaseDocument *doc, QWidget *parent)
    : QWidget(parent)
    , m_doc(doc)
    , m_title(new QLineEdit)
    , m_outlet(new QLineEdit)
    , m_url(new QLineEdit)
    , m_date(new QDateEdit)
    , m_time(new QLineEdit)
    , m_zone(new QLineEdit)
    , m_apply(new QPushButton(tr("Apply")))
    , m_problem(new QLabel)
{
    setObjectName(QStringLiteral("articleDetails"));
    m_title->setObjectName(QStringLiteral("articleTitle"));
    m_outlet->setObjectName(QStringLiteral("articleOutlet"));
    m_url->setObjectName(QStringLiteral("articleUrl"));
    m_date->setObjectName(QStringLiteral("articleDate"));
    m_time->setObjectName(QStringLiteral("articleTime"));
    m_zone->setObjectName(QStringLiteral("articleZone"));
    m_apply->setObjectName(QStringLiteral("articleApply"));
    m_outlet->setPlaceholderText(tr("outlet"));
    m_url->setPlaceholderText(tr("https://\u2026 (recorded, never opened)"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_date->setMinimumDate(NoDate);
    m_date->setSpecialValueText(tr("no date"));
    m_date->calendarWidget()->installEventFilter(this);
    m_date->installEventFilter(this);
    m_date->setToolTip(tr("Publication date: relative times (\u201Con Sunday\u201D, \u201Cyesterday\u201D) and dates "
                          "without a year are resolved against it"));
    m_time->setPlaceholderText(tr("hh:mm"));
    m_time->setMaximumWidth(m_time->fontMetrics().horizontalAdvance(QStringLiteral("00:00:00")) + 16);
    m_time->setToolTip(tr("Publication time, empty when not known"));
    m_zone->setPlaceholderText(tr("UTC"));
    m_zone->setMaximumWidth(m_zone->fontMetrics().horizontalAdvance(QStringLiteral("America/Argentina/Buenos_Aires")));
    m_zone->setToolTip(tr("Zone of the publication time: UTC, an offset (+01:00) or a name (Europe/London)"));
    QStringList zones;
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        zones.append(QString::fromLatin1(id));
    auto *completer = new QCompleter(zones, m_zone);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_zone->setCompleter(completer);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->hide();

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 2, 0, 2);
    grid->setHorizontalSpacing(4);
    grid->setVerticalSpacing(2);
    grid->addWidget(new QLabel(tr("Title")), 0, 0);
    grid->addWidget(m_title, 0, 1, 1, 5);
    grid->addWidget(new QLabel(tr("Outlet")), 1, 0);
    grid->addWidget(m_outlet, 1, 1);
    grid->addWidget(new QLabel(tr("URL")), 1, 2);
    grid->addWidget(m_url, 1, 3, 1, 3);
    grid->addWidget(new QLabel(tr("Published")), 2, 0);
    auto *when = new QHBoxLayout;
    when->setSpacing(4);
    when->addWidget(m_date);
    when->addWidget(m_time);
    when->addWidget(m_zone, 1);
    when->addStretch(0);
    grid->addLayout(when, 2, 1, 1, 4);
    grid->addWidget(m_apply, 2, 5);
    grid->addWidget(m_problem, 3, 0, 1, 6);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(3, 3);

    connect(m_apply, &QPushButton::clicked, this, &ArticleDetails::apply);
    for (QLineEdit *edit : {m_title, m_outlet, m_url, m_time, m_zone})
        connect(edit, &QLineEdit::returnPressed, this, &ArticleDetails::apply);
    connect(m_doc, &CaseDocument::changed, this, [this](const ChangeEvent &e) {
        if ((e.entity == Entity::Source && e.id == m_articleId) || e.entity == Entity::Case)
            load();
    });
    setArticle(0);
}

void ArticleDetails::setArticle(Id sourceId)
{
    m_articleId = sourceId;
    load();
}

bool ArticleDetails::eventFilter(QObject *watched, QEvent *event)
{
    const QDate today = QDate::currentDate();
    // Without a date the calendar would open on the placeholder's January 1900: open it on today.
    if (watched == m_date->calendarWidget() && event->type() == QEvent::Show && m_date->date() == NoDate)
        m_date->calendarWidget()->setCurrentPage(today.year(), today.month());
    if (watched != m_date || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    // Typing "2010-12-13" must give that date. Qt's date edit moves to the next section by itself
    // once a section is full and then takes the typed "-" as a second move; and it does not let
    // typing replace its "no date" text. A digit typed over the whole field (or "no date") starts
    // in the year section, and a separator right after such a move is swallowed.
    const QString text = static_cast<QKeyEvent *>(event)->text();
    if (text.size() == 1 && text.front().isDigit()) {
        const QLineEdit *line = m_date->findChild<QLineEdit *>();
        const bool wholeField =
            m_date->date() == NoDate || (line && line->hasSelectedText() && line->selectedText() == line->text());
        if (m_date->date() == NoDate)
            m_date->setDate(today);
        if (wholeField) // a whole date typed over the field starts with its year
            m_date->setSelectedSection(QDateTimeEdit::YearSection);
        m_typedIn = m_date->currentSection();
        return false;
    }
    const bool separator = text == u"-" || text == u"/" || text == u".";
    const bool movedItself = m_typedIn != QDateTimeEdit::NoSection && m_date->currentSection() != m_typedIn;
    m_typedIn = QDateTimeEdit::NoSection;
    return separator && movedItself;
}

void ArticleDetails::load()
{
    const Source *s = m_doc->find<Source>(m_articleId);
    const bool has = s && s->kind == SourceKind::Article;
    setEnabled(has);
    m_problem->hide();
    const news::ArticleMetadata meta = has ? news::ArticleMetadata::of(*s) : news::ArticleMetadata{};
    m_title->setText(meta.title);
    m_outlet->setText(meta.outlet);
    m_url->setText(meta.url);
    m_date->setDate(meta.published.isValid() ? meta.published : NoDate);
    m_time->setText(meta.publishedTime.isValid() ? meta.publishedTime.toString(QStringLiteral("HH:mm")) : QString());
    m_zone->setText(meta.timeZone);
}

bool ArticleDetails::apply()
{
    const Source *s = m_doc->find<Source>(m_articleId);
    if (!s)
        return false;
    news::ArticleMetadata meta = news::ArticleMetadata::of(*s);
    meta.title = m_title->text().trimmed();
    meta.outlet = m_outlet->text().trimmed();
    meta.url = m_url->text().trimmed();
    meta.published = m_date->date() == NoDate ? QDate() : m_date->date();
    QString error;
    const QString time = m_time->text().trimmed();
    meta.publishedTime = time.isEmpty() ? QTime() : QTime::fromString(time, QStringLiteral("H:mm"));
    if (!time.isEmpty() && !meta.publishedTime.isValid())
        meta.publishedTime = QTime::fromString(time, QStringLiteral("H:mm:ss"));
    if (!time.isEmpty() && !meta.publishedTime.isValid())
        error = tr("cannot read the time \u201C%1\u201D (use hh:mm)").arg(time);
    meta.timeZone = m_zone->text().trimmed();
    if (error.isEmpty() && !news::setArticleMetadata(m_doc, m_articleId, meta, &error))
        error = error.isEmpty() ? tr("the article details could not be changed") : error;
    if (!error.isEmpty()) {
        m_problem->setText(error);
        m_problem->show();
        emit statusMessage(error);
        return false;
    }
    m_problem->hide();
    return true;
}

} // namespace inquest
