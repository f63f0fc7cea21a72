#include "zonepicker.h"

#include <QCompleter>
#include <QLineEdit>
#include <QTimeZone>

namespace inquest {

ZonePicker::ZonePicker(QWidget *parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("zoneCombo"));
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    fill();
    completer()->setFilterMode(Qt::MatchContains);
    completer()->setCaseSensitivity(Qt::CaseInsensitive);
    completer()->setCompletionMode(QCompleter::PopupCompletion);
    lineEdit()->setPlaceholderText(tr("type to search zones"));
}

QStringList ZonePicker::commonZones()
{
    return {
        QStringLiteral("Europe/London"),       QStringLiteral("Europe/Berlin"),     QStringLiteral("Europe/Paris"),
        QStringLiteral("America/New_York"),    QStringLiteral("America/Chicago"),   QStringLiteral("America/Denver"),
        QStringLiteral("America/Los_Angeles"), QStringLiteral("America/Sao_Paulo"), QStringLiteral("Asia/Kolkata"),
        QStringLiteral("Asia/Shanghai"),       QStringLiteral("Asia/Tokyo"),        QStringLiteral("Australia/Sydney")};
}

void ZonePicker::setCaseZones(const QStringList &zones)
{
    QStringList known;
    for (const QString &z : zones) {
        if (!known.contains(z) && z != u"UTC" && QTimeZone(z.toUtf8()).isValid())
            known.append(z);
    }
    if (known == m_caseZones)
        return;
    const QByteArray current = currentData().toByteArray();
    m_caseZones = known;
    fill();
    showZone(current);
}

void ZonePicker::showZone(const QByteArray &id)
{
    const int i = findData(id);
    if (i >= 0 && i != currentIndex()) {
        const QSignalBlocker block(this);
        setCurrentIndex(i);
    }
}

void ZonePicker::fill()
{
    const QSignalBlocker block(this);
    clear();
    addItem(tr("UTC"), QByteArray("UTC"));
    addItem(tr("Local (%1)").arg(QString::fromUtf8(QTimeZone::systemTimeZoneId())), QByteArray("local"));
    insertSeparator(count());
    for (const QString &z : std::as_const(m_caseZones))
        addItem(tr("%1 (in this case)").arg(z), z.toUtf8());
    if (!m_caseZones.isEmpty())
        insertSeparator(count());
    for (const QString &z : commonZones())
        addItem(z, z.toUtf8());
    insertSeparator(count());
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        addItem(QString::fromUtf8(id), id);
}

} // namespace inquest
