#pragma once

#include "model/kinds.h"

#include <QDateTimeEdit>
#include <QWidget>

class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace inquest {

class CaseDocument;

// The imported article's title, outlet, URL and publication date, time and zone, editable.
// Apply (or Enter in a field) changes them as one undo step; a new date re-resolves the times
// of the article's statements in that same step (news::setArticleMetadata). The fields follow
// the document, so undo shows the old values.
class ArticleDetails : public QWidget
{
    Q_OBJECT
public:
    explicit ArticleDetails(CaseDocument *doc, QWidget *parent = nullptr);

    void setArticle(Id sourceId);
    Id article() const { return m_articleId; }
    // Applies the fields; false (with the reason shown and emitted) for a time or zone that
    // cannot be read.
    bool apply();

    QLineEdit *titleEdit() const { return m_title; }
    QLineEdit *outletEdit() const { return m_outlet; }
    QLineEdit *urlEdit() const { return m_url; }
    QDateEdit *dateEdit() const { return m_date; }
    QLineEdit *timeEdit() const { return m_time; }
    QLineEdit *zoneEdit() const { return m_zone; }
    QPushButton *applyButton() const { return m_apply; }

signals:
    void statusMessage(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void load();

    CaseDocument *m_doc;
    Id m_articleId = 0;
    QLineEdit *m_title;
    QLineEdit *m_outlet;
    QLineEdit *m_url;
    QDateEdit *m_date;
    QLineEdit *m_time;
    QLineEdit *m_zone;
    QPushButton *m_apply;
    QLabel *m_problem;
    QDateTimeEdit::Section m_typedIn = QDateTimeEdit::NoSection; // the section the last digit went to
};

} // namespace inquest
