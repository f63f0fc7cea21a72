#pragma once

#include <QObject>
#include <QStringList>

namespace inquest {

// The most recently opened or saved case files, kept in QSettings.
class RecentFiles : public QObject
{
    Q_OBJECT
public:
    explicit RecentFiles(QObject *parent = nullptr);
    QStringList files() const; // existing files only, newest first
    void add(const QString &path);
    void clear();
    static constexpr int MaxFiles = 10;

signals:
    void changed();
};

} // namespace inquest
