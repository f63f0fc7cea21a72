#pragma once

#include "ingest/importer.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace inquest {

// The settings a log source is read with — format, zone, year, site — for one file: per file
// in the Import dialog, and after import from the Sources dock (the source is then read again).
class SourceSettingsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit SourceSettingsEditor(QWidget *parent = nullptr);

    // Shows `options`; `defaultSite` is what an empty site means for this file.
    void setOptions(const ImportOptions &options, const QString &defaultSite = {});
    // The options shown, on top of `base` (which keeps what is not edited here).
    ImportOptions options(ImportOptions base = {}) const;
    // Empty when the zone is valid, else why not.
    QString zoneError() const;

    QComboBox *formatBox() const { return m_format; }
    QLineEdit *zoneEdit() const { return m_zone; }
    QSpinBox *yearBox() const { return m_year; }
    QLineEdit *siteEdit() const { return m_site; }

signals:
    void edited();

private:
    QComboBox *m_format;
    QLineEdit *m_zone;
    QSpinBox *m_year;
    QLineEdit *m_site;
};

// "Source settings" from the Sources dock: the editor above for one source, OK to re-read it.
class SourceSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SourceSettingsDialog(const Source &source, QWidget *parent = nullptr);
    ImportOptions options() const;
    SourceSettingsEditor *editor() const { return m_editor; }

private:
    ImportOptions m_base;
    SourceSettingsEditor *m_editor;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace inquest
