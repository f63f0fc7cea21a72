#pragma once

#include <QDialog>
#include <QList>
#include <QString>

#include <utility>

namespace inquest {

// Help → About Inquest: what this build is made of, so a bug report can name it exactly.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // (component, version) rows as shown: Inquest, commit, Qt (compiled and run time),
    // QCustomPlot, Boost, build type, compiler, system.
    static QList<std::pair<QString, QString>> versions();
    // The same rows as plain text, one "component: version" a line (what Copy puts on the clipboard).
    static QString versionReport();
};

} // namespace inquest
