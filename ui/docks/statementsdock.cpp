#include "statementsdock.h"

#include "articledetails.h"
#include "statementtimedelegate.h"

#include "models/displayzone.h"
#include "models/statementsmodel.h"

#include "model/casedocument.h"
#include "model/commands.h"
#include "news/newsedit.h"
#include "news/newsimportjob.h"
#include "news/newsmetadata.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMimeData>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTextEdit>
#include <QToolBar>
#include <QVBoxLayout>

namespace inquest {

StatementsDock::StatementsDock(CaseDocument *doc, QWidget *parent)
    : QDockWidget(tr("Statements"), parent)
    , m_doc(doc)
    , m_model(new StatementsModel(doc, this))
    , m_toolBar(new QToolBar)
    , m_view(new QTableView)
    , m_articles(new QComboBox)
    , m_articleInfo(new QLabel)
    , m_timeNote(new QLabel)
    , m_details(new ArticleDetails(doc))
    , m_article(new QTextEdit)
    , m_job(new news::NewsImportJob(this))
{
    setObjectName(QStringLiteral("statementsDock"));
    setAcceptDrops(true);

    m_view->setObjectName(QStringLiteral("statementsDockView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(StatementsModel::Speaker, 140);
    m_view->setColumnWidth(StatementsModel::Organisation, 190); // room for "(inferred)"
    m_view->setColumnWidth(StatementsModel::Time, 215);
    m_view->setItemDelegateForColumn(
        StatementsModel::Time,
        new StatementTimeDelegate([this] { return DisplayZone::of(m_doc->meta()).name(); }, m_view));
    m_view->setColumnWidth(StatementsModel::Stance, 190);
    m_view->setColumnWidth(StatementsModel::Grade, 50);

    // Article text is shown as plain text only: never as HTML from the article.
    m_article->setObjectName(QStringLiteral("statementsArticle"));
    m_article->setReadOnly(true);
    m_article->setAcceptRichText(false);
    m_article->setAcceptDrops(false);
    m_article->setLineWrapMode(QTextEdit::WidgetWidth);
    m_articles->setObjectName(QStringLiteral("statementsArticlePicker"));
    m_articleInfo->setWordWrap(true);
    m_articleInfo->setTextFormat(Qt::PlainText);

    auto add = [this](const QString &text, const QString &tip, auto slot) {
        QAction *a = m_toolBar->addAction(text, this, slot);
        a->setToolTip(tip);
        return a;
    };
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    add(tr("Import\u2026"), tr("Import articles (text, HTML, Markdown)"), &StatementsDock::importFromDialog);
    add(tr("Paste"), tr("Import the article on the clipboard"), &StatementsDock::pasteArticle);
    m_toolBar->addSeparator();
    add(tr("Add"), tr("Add a statement from the selected article text"), &StatementsDock::addStatement);
    add(tr("Split"), tr("Split the statement at the text cursor"), &StatementsDock::splitCurrent);
    add(tr("Merge"), tr("Merge the selected statements"), &StatementsDock::mergeSelected);
    add(tr("Delete"), tr("Delete the selected statements"), &StatementsDock::deleteSelected);
    m_toolBar->addSeparator();
    add(tr("Confirm stance"), tr("Accept the suggested stance"), &StatementsDock::confirmStance);
    add(tr("Reject stance"), tr("The statement says nothing about the hypotheses"), &StatementsDock::rejectStance);
    add(tr("Make evidence"), tr("Evidence resting on this statement"), [this] { makeEvidence(); });

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(4, 0, 0, 0);
    rightLayout->addWidget(m_articles);
    rightLayout->addWidget(m_details);
    rightLayout->addWidget(m_articleInfo);
    rightLayout->addWidget(m_article, 1);
    m_timeNote->setWordWrap(true);
    m_timeNote->setTextFormat(Qt::PlainText);
    m_timeNote->setObjectName(QStringLiteral("timeNote"));
    m_timeNote->hide();
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_view, 1);
    leftLayout->addWidget(m_timeNote);
    // The article's details scroll rather than hold the dock (and the window) tall.
    auto *rightScroll = new QScrollArea;
    rightScroll->setWidget(right);
    rightScroll->setWidgetResizable(true);
    rightScroll->setFrameShape(QFrame::NoFrame);
    auto *splitter = m_split = new QSplitter(Qt::Horizontal);
    splitter->addWidget(left);
    splitter->addWidget(rightScroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(splitter, 1);
    setWidget(content);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &StatementsDock::currentChanged);
    connect(m_articles, &QComboBox::activated, this,
            [this](int i) { showArticle(m_articles->itemData(i).value<Id>()); });
    connect(m_doc, &CaseDocument::changed, this, [this](const ChangeEvent &e) {
        if (e.entity == Entity::Case || (e.entity == Entity::Source && touchesArticles(e)))
            refreshArticles();
        if (e.entity == Entity::Statement || e.entity == Entity::Case)
            highlight();
    });
    connect(m_job, &news::NewsImportJob::finished, this, &StatementsDock::finishImport);
    connect(m_details, &ArticleDetails::statusMessage, this, &StatementsDock::statusMessage);
    refreshArticles();
}

StatementsDock::~StatementsDock() = default;

void StatementsDock::importFromDialog()
{
    const QStringList files =
        askFiles ? askFiles()
                 : QFileDialog::getOpenFileNames(this, tr("Import Articles"), QString(),
                                                 tr("Articles (*.txt *.text *.html *.htm *.xhtml *.md *.markdown);;"
                                                    "All files (*)"));
    if (!files.isEmpty())
        importFiles(files);
}

void StatementsDock::importFiles(const QStringList &paths) { m_job->importFiles(paths); }

void StatementsDock::importData(const QByteArray &data, const QString &name) { m_job->importData(data, name); }

void StatementsDock::pasteArticle()
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    if (!mime)
        return;
    if (mime->hasHtml())
        importData(mime->html().toUtf8(), QStringLiteral("clipboard.html"));
    else if (mime->hasText())
        importData(mime->text().toUtf8(), QStringLiteral("clipboard.txt"));
}

void StatementsDock::finishImport()
{
    QStringList errors;
    int count = 0;
    const Id last = m_job->applyTo(m_doc, &count, &errors);
    if (last)
        showArticle(last);
    emit statusMessage(errors.isEmpty() ? tr("Imported %n article(s)", nullptr, count)
                                        : tr("Imported %n article(s); ", nullptr, count) + errors.join(u"; "));
    emit importFinished(count, errors);
}

void StatementsDock::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasText())
        event->acceptProposedAction();
}

void StatementsDock::resizeEvent(QResizeEvent *event)
{
    QDockWidget::resizeEvent(event);
    // Below this the table's speaker, time and stance columns and the article's lines would
    // both be cut beside each other.
    const Qt::Orientation wanted = width() < 800 ? Qt::Vertical : Qt::Horizontal;
    if (m_split->orientation() != wanted)
        m_split->setOrientation(wanted);
    if (wanted == Qt::Vertical) {
        // Stacked, the statements keep a few rows and the time note its lines; the article
        // (which scrolls) gives way, down to its combo box.
        const int line = m_view->verticalHeader()->defaultSectionSize();
        const int top = m_view->horizontalHeader()->sizeHint().height() + 4 * line +
                        m_view->horizontalScrollBar()->sizeHint().height() + 4 * fontMetrics().lineSpacing();
        const QList<int> sizes = m_split->sizes();
        const int total = sizes.value(0) + sizes.value(1);
        const int least = std::min(top, total - 3 * line);
        if (total > 0 && sizes.value(0) < least)
            m_split->setSizes({least, total - least});
    }
}

void StatementsDock::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    QStringList files;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile()) // only files on this machine: nothing is ever fetched
            files.append(url.toLocalFile());
    }
    if (!files.isEmpty())
        importFiles(files);
    else if (mime->hasHtml())
        importData(mime->html().toUtf8(), QStringLiteral("dropped.html"));
    else if (mime->hasText())
        importData(mime->text().toUtf8(), QStringLiteral("dropped.txt"));
    event->acceptProposedAction();
}

QList<Id> StatementsDock::selectedIds() const
{
    QList<Id> ids;
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows())
        ids.append(m_model->idAt(row.row()));
    if (ids.isEmpty() && currentId())
        ids.append(currentId());
    return ids;
}

Id StatementsDock::currentId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->idAt(current.row()) : 0;
}

void StatementsDock::addStatement()
{
    const Source *article = m_doc->find<Source>(m_articleId);
    const QTextCursor cursor = m_article->textCursor();
    Statement s;
    if (article && cursor.hasSelection())
        s = news::statementFromSelection(*article, cursor.selectionStart(),
                                         cursor.selectionEnd() - cursor.selectionStart());
    const Id id = edit::addStatement(m_doc, s);
    m_view->setCurrentIndex(m_model->index(m_model->rowOf(id), StatementsModel::Speaker));
}

void StatementsDock::splitCurrent()
{
    const Statement *s = m_doc->find<Statement>(currentId());
    const Source *article = s ? m_doc->find<Source>(s->sourceId) : nullptr;
    if (!article)
        return;
    const auto parts = news::splitStatement(*s, *article, m_article->textCursor().position());
    if (!parts) {
        emit statusMessage(tr("Put the text cursor inside the statement's highlighted words to split it"));
        return;
    }
    edit::replaceStatements(m_doc, {s->id}, {parts->first, parts->second}, tr("Split statement"));
}

void StatementsDock::mergeSelected()
{
    QList<Statement> list;
    for (Id id : selectedIds()) {
        if (const Statement *s = m_doc->find<Statement>(id))
            list.append(*s);
    }
    const Source *article = list.isEmpty() ? nullptr : m_doc->find<Source>(list.first().sourceId);
    const auto merged = article ? news::mergeStatements(list, *article) : std::nullopt;
    if (!merged) {
        emit statusMessage(tr("Select two or more statements of the same article to merge them"));
        return;
    }
    QList<Id> ids;
    for (const Statement &s : list)
        ids.append(s.id);
    edit::replaceStatements(m_doc, ids, {*merged}, tr("Merge statements"));
}

void StatementsDock::deleteSelected()
{
    const QList<Id> ids = selectedIds();
    if (ids.isEmpty())
        return;
    edit::replaceStatements(m_doc, ids, {}, ids.size() == 1 ? tr("Delete statement") : tr("Delete statements"));
}

void StatementsDock::confirmStance()
{
    for (Id id : selectedIds()) {
        if (const Statement *s = m_doc->find<Statement>(id))
            edit::setStatementStance(m_doc, id, s->stance);
    }
}

void StatementsDock::rejectStance()
{
    for (Id id : selectedIds())
        edit::setStatementStance(m_doc, id, {});
}

Id StatementsDock::makeEvidence()
{
    const Statement *s = m_doc->find<Statement>(currentId());
    if (!s)
        return 0;
    const Id id = edit::addEvidence(m_doc, news::evidenceFromStatement(*s, m_doc->find<Source>(s->sourceId)));
    emit statusMessage(tr("Evidence added from the statement"));
    return id;
}

// Imports of logs (thousands at once from a folder) leave the article list as it is.
bool StatementsDock::touchesArticles(const ChangeEvent &e) const
{
    if (e.action == ChangeAction::Removed || e.action == ChangeAction::Reset)
        return m_articles->findData(QVariant::fromValue(e.id)) >= 0 || e.action == ChangeAction::Reset;
    const Source *s = m_doc->find<Source>(e.id);
    return !s || s->kind == SourceKind::Article;
}

void StatementsDock::refreshArticles()
{
    m_articles->clear();
    for (const Source &s : m_doc->sources()) {
        if (s.kind == SourceKind::Article)
            m_articles->addItem(s.title.isEmpty() ? s.path.section(u'/', -1) : s.title, QVariant::fromValue(s.id));
    }
    if (!m_doc->find<Source>(m_articleId))
        m_articleId = 0;
    if (!m_articleId && m_articles->count())
        showArticle(m_articles->itemData(0).value<Id>());
    else if (!m_articleId)
        showArticle(0);
    else
        showArticle(m_articleId); // its title, date or zone may have changed
}

void StatementsDock::showArticle(Id sourceId)
{
    const Source *s = m_doc->find<Source>(sourceId);
    if (!s || s->kind != SourceKind::Article) {
        m_articleId = 0;
        m_article->clear();
        m_details->setArticle(0);
        m_articleInfo->setText(tr("No article. Import one (text, HTML or Markdown) or drop it here."));
        return;
    }
    if (m_articleId != sourceId || m_article->toPlainText().size() != s->text.size()) {
        m_articleId = sourceId;
        m_article->setPlainText(s->text);
    }
    if (m_details->article() != sourceId)
        m_details->setArticle(sourceId);
    m_articles->setCurrentIndex(m_articles->findData(QVariant::fromValue(sourceId)));
    QStringList info{s->format};
    if (const auto published = news::publicationInstant(*s))
        info.append(tr("published %1").arg(DisplayZone::of(m_doc->meta()).formatShort(*published)));
    else if (!s->published.isValid())
        info.append(tr("no publication date: relative times are not resolved"));
    m_articleInfo->setText(info.join(QStringLiteral(" \u00B7 ")));
    highlight();
}

void StatementsDock::currentChanged()
{
    const Statement *s = m_doc->find<Statement>(currentId());
    m_timeNote->setVisible(s && !s->times.isEmpty());
    if (s)
        m_timeNote->setText(StatementsModel::describeTimes(*s, DisplayZone::of(m_doc->meta())));
    if (!s || s->offset < 0)
        return;
    if (s->sourceId != m_articleId)
        showArticle(s->sourceId);
    highlight();
    QTextCursor cursor(m_article->document());
    cursor.setPosition(int(s->offset));
    m_article->setTextCursor(cursor);
    m_article->ensureCursorVisible();
}

void StatementsDock::highlight()
{
    // Extra selections colour the spans without touching the document's text or format.
    QList<QTextEdit::ExtraSelection> selections;
    const qsizetype size = m_article->document()->characterCount();
    const Id current = currentId();
    for (const Statement &s : m_doc->statements()) {
        if (s.sourceId != m_articleId || s.offset < 0 || s.offset + s.length >= size)
            continue;
        QTextEdit::ExtraSelection sel;
        sel.cursor = QTextCursor(m_article->document());
        sel.cursor.setPosition(int(s.offset));
        sel.cursor.setPosition(int(s.offset + s.length), QTextCursor::KeepAnchor);
        const QColor base = s.direct ? QColor(255, 236, 153) : QColor(204, 229, 255);
        sel.format.setBackground(s.id == current ? QColor(255, 178, 102) : base);
        if (s.id == current)
            sel.format.setFontUnderline(true);
        selections.append(sel);
    }
    m_article->setExtraSelections(selections);
}

} // namespace inquest
