#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace inquest {

// The bar Ctrl+F opens under the timeline's filters: a regular expression over the raw lines
// of the shown events, the hit count, previous/next. Typing is debounced; Enter and Shift+Enter
// step through the hits, Escape closes the bar.
class TimelineFindBar : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineFindBar(QWidget *parent = nullptr);

    QString pattern() const;
    // Shows and focuses the pattern, selected so that typing replaces it.
    void activate();
    // "n of m" (n = 0: no hit selected), or the reason the search failed.
    void showCount(std::size_t current, std::size_t total, bool busy);
    void showError(const QString &error);
    QLineEdit *edit() const { return m_edit; }
    QString countText() const;

signals:
    void patternChanged(const QString &pattern);
    void next();
    void previous();
    void closed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLineEdit *m_edit;
    QLabel *m_count;
    QTimer *m_typing;
};

} // namespace inquest
