#pragma once

#include <QDialog>

class QListWidget;
class QTextBrowser;

namespace inquest {

struct ScoringSettings;

// Help ▸ Inquest Help: a list of topics and the page of the one chosen.
class HelpDialog : public QDialog
{
    Q_OBJECT
public:
    HelpDialog(const QWidget *window, const ScoringSettings &settings, QWidget *parent = nullptr);
    // Shows the page with this id ("first-case", "ratings", "scores", "grades", "shortcuts").
    void showPage(const QString &id);
    QString currentHtml() const;

private:
    QListWidget *m_topics;
    QTextBrowser *m_page;
    QStringList m_ids;
    QStringList m_html;
};

} // namespace inquest
