#include "timelinefindbar.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QToolButton>

namespace inquest {

TimelineFindBar::TimelineFindBar(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit)
    , m_count(new QLabel)
    , m_typing(new QTimer(this))
{
    setObjectName(QStringLiteral("timelineFindBar"));
    m_edit->setObjectName(QStringLiteral("timelineFind"));
    m_edit->setPlaceholderText(tr("Find in raw lines (regular expression; (?i) ignores case)"));
    m_edit->setClearButtonEnabled(true);
    m_edit->installEventFilter(this);
    m_count->setObjectName(QStringLiteral("timelineFindCount"));

    auto button = [this](const QString &text, const QString &tip) {
        auto *b = new QToolButton;
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        return b;
    };
    QToolButton *previous = button(tr("\u25b2"), tr("Previous hit (Shift+F3, Shift+Enter)"));
    QToolButton *next = button(tr("\u25bc"), tr("Next hit (F3, Enter)"));
    QToolButton *close = button(tr("\u2715"), tr("Close (Escape)"));
    connect(previous, &QToolButton::clicked, this, &TimelineFindBar::previous);
    connect(next, &QToolButton::clicked, this, &TimelineFindBar::next);
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        emit closed();
    });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 2);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_count);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(close);

    // Typing on supersedes (and cancels) the search of the previous text.
    m_typing->setSingleShot(true);
    m_typing->setInterval(250);
    connect(m_edit, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_typing, &QTimer::timeout, this, [this] { emit patternChanged(pattern()); });
}

QString TimelineFindBar::pattern() const { return m_edit->text(); }

void TimelineFindBar::activate()
{
    show();
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void TimelineFindBar::showCount(std::size_t current, std::size_t total, bool busy)
{
    m_edit->setStyleSheet({});
    QString text;
    if (busy)
        text = tr("searching\u2026");
    else if (pattern().isEmpty())
        text.clear();
    else if (total == 0)
        text = tr("no match");
    else if (current == 0)
        text = total == 1 ? tr("1 match") : tr("%L1 matches").arg(total);
    else
        text = tr("%L1 of %L2").arg(current).arg(total);
    m_count->setText(text);
    m_count->setToolTip({});
    m_edit->setToolTip({});
}

void TimelineFindBar::showError(const QString &error)
{
    m_edit->setStyleSheet(QStringLiteral("QLineEdit { background: #ffe0e0; }"));
    m_count->setText(tr("invalid regular expression"));
    m_count->setToolTip(error);
    m_edit->setToolTip(error);
}

QString TimelineFindBar::countText() const { return m_count->text(); }

bool TimelineFindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (m_typing->isActive()) { // Enter right after typing: search now, then step
                m_typing->stop();
                emit patternChanged(pattern());
            }
            emit(key->modifiers() & Qt::ShiftModifier ? previous() : next());
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            hide();
            emit closed();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace inquest
