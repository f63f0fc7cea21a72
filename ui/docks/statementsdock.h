#pragma once

#include "model/changeevent.h"
#include "model/kinds.h"
#include "news/newsimport.h"

#include <QDockWidget>

#include <functional>

class QComboBox;
class QLabel;
class QSplitter;
class QTableView;
class QTextEdit;
class QToolBar;

namespace inquest {

namespace news {
class NewsImportJob;
}

class ArticleDetails;
class CaseDocument;
class StatementsModel;

// Statements beside the article they come from: a table (speaker, organisation, time, stance,
// grade, words) and the article's plain text with every statement span highlighted. The analyst
// imports articles (file, drop, paste), corrects their details (title, outlet, URL, date), edits, splits, merges,
// deletes and adds statements, confirms or rejects stances and turns statements into evidence; every change is
// undoable.
class StatementsDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit StatementsDock(CaseDocument *doc, QWidget *parent = nullptr);
    ~StatementsDock() override;

    QTableView *view() const { return m_view; }
    QTextEdit *articleView() const { return m_article; }
    QLabel *timeNote() const { return m_timeNote; }
    ArticleDetails *articleDetails() const { return m_details; }
    StatementsModel *model() const { return m_model; }
    QToolBar *toolBar() const { return m_toolBar; }
    Id currentArticle() const { return m_articleId; }

    // Reads and extracts off the GUI thread, then adds each article as one undo step.
    void importFiles(const QStringList &paths);
    void importData(const QByteArray &data, const QString &name);
    void pasteArticle();
    void addStatement(); // from the selected article text, or an empty one to fill in
    void splitCurrent(); // at the text cursor in the article
    void mergeSelected();
    void deleteSelected();
    void confirmStance();
    void rejectStance();
    Id makeEvidence();
    void showArticle(Id sourceId);

    // Test hook: the files to import instead of a file dialog.
    std::function<QStringList()> askFiles;

signals:
    void importFinished(int articles, const QStringList &errors);
    void statusMessage(const QString &message);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    // Narrow (a tab beside the scores), the article goes under the statements, not beside them.
    void resizeEvent(QResizeEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void importFromDialog();
    void finishImport();
    QList<Id> selectedIds() const;
    Id currentId() const;
    void currentChanged();
    void refreshArticles();
    bool touchesArticles(const ChangeEvent &e) const;
    void highlight();

    CaseDocument *m_doc;
    StatementsModel *m_model;
    QToolBar *m_toolBar;
    QTableView *m_view;
    QComboBox *m_articles;
    QLabel *m_articleInfo;
    QLabel *m_timeNote; // how the current statement's times were read
    ArticleDetails *m_details;
    QTextEdit *m_article;
    Id m_articleId = 0;
    news::NewsImportJob *m_job;
    QSplitter *m_split;
};

} // namespace inquest
