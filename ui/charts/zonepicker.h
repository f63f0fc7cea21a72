#pragma once

#include <QComboBox>

namespace inquest {

// The display-zone picker: UTC and the system's zone, then the zones of the case (its
// sources' declared zones and the zone it shows), then the common ones, then every IANA zone;
// the entry is editable, and typing filters the list (any part of the name, e.g. "york").
// Items carry the zone id ("UTC", "local" or an IANA id) as their data.
class ZonePicker : public QComboBox
{
    Q_OBJECT

public:
    explicit ZonePicker(QWidget *parent = nullptr);

    static QStringList commonZones();
    // Refills the list with these zones of the case first (unknown ids are left out).
    void setCaseZones(const QStringList &zones);
    QStringList caseZones() const { return m_caseZones; }
    // Selects `id`, the first entry that carries it.
    void showZone(const QByteArray &id);

private:
    void fill();

    QStringList m_caseZones;
};

} // namespace inquest
