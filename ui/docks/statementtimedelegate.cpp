#include "statementtimedelegate.h"

#include <QLabel>
#include <QLineEdit>
#include <QResizeEvent>

namespace inquest {

namespace {

// A line edit with the zone's name inside its right end, outside the text's margins.
class ZonedLineEdit : public QLineEdit
{
public:
    ZonedLineEdit(const QString &zone, QWidget *parent)
        : QLineEdit(parent)
        , m_zone(new QLabel(zone, this))
    {
        m_zone->setObjectName(QStringLiteral("statementTimeZone"));
        m_zone->setForegroundRole(QPalette::PlaceholderText);
        m_zone->setAttribute(Qt::WA_TransparentForMouseEvents);
        const int width = m_zone->sizeHint().width() + 6;
        m_zone->setFixedWidth(width);
        setTextMargins(0, 0, width, 0);
        setToolTip(tr("Typed in %1, the case's display zone. End with Z or an offset (+01:00) for another zone; "
                      "a clock time alone (22:45) keeps the date shown.")
                       .arg(zone));
    }

    int zoneWidth() const { return m_zone->width(); }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QLineEdit::resizeEvent(event);
        m_zone->setGeometry(width() - m_zone->width() - 2, 0, m_zone->width(), height());
    }

private:
    QLabel *m_zone;
};

} // namespace

StatementTimeDelegate::StatementTimeDelegate(std::function<QString()> zoneName, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_zoneName(std::move(zoneName))
{
}

QWidget *StatementTimeDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *editor = new ZonedLineEdit(m_zoneName(), parent);
    editor->setObjectName(QStringLiteral("statementTimeEdit"));
    editor->setFrame(false);
    return editor;
}

void StatementTimeDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                                 const QModelIndex &index) const
{
    QStyledItemDelegate::updateEditorGeometry(editor, option, index);
    // Wide enough for a period and the zone's name, even when the column is narrow.
    const auto *line = static_cast<const ZonedLineEdit *>(editor);
    const int needed = line->fontMetrics().horizontalAdvance(QStringLiteral("~2010-12-12 22:15:00\u201322:45:00 ")) +
                       line->zoneWidth();
    if (editor->width() < needed)
        editor->resize(needed, editor->height());
}

} // namespace inquest
