#include "sourcesettingsdialog.h"

#include "ingest/formatregistry.h"
#include "ingest/reread.h"
#include "ingest/timeconv.h"
#include "model/sites.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace inquest {

SourceSettingsEditor::SourceSettingsEditor(QWidget *parent)
    : QWidget(parent)
    , m_format(new QComboBox(this))
    , m_zone(new QLineEdit(this))
    , m_year(new QSpinBox(this))
    , m_site(new QLineEdit(this))
{
    m_format->setObjectName(QStringLiteral("format"));
    m_zone->setObjectName(QStringLiteral("zone"));
    m_year->setObjectName(QStringLiteral("year"));
    m_site->setObjectName(QStringLiteral("site"));
    m_format->addItem(tr("auto (sniff)"), QStringLiteral("auto"));
    for (const auto &r : FormatRegistry::instance().readers())
        m_format->addItem(r->name(), r->name());
    m_zone->setPlaceholderText(tr("UTC, Europe/Berlin or +01:00 \u2014 for times without an offset"));
    m_year->setRange(0, 9999);
    m_year->setSpecialValueText(tr("from the other files, the case, else file time"));
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Time zone:"), m_zone);
    form->addRow(tr("Year (syslog):"), m_year);
    form->addRow(tr("Site:"), m_site);
    connect(m_format, &QComboBox::currentIndexChanged, this, &SourceSettingsEditor::edited);
    connect(m_zone, &QLineEdit::editingFinished, this, &SourceSettingsEditor::edited);
    connect(m_year, &QSpinBox::editingFinished, this, &SourceSettingsEditor::edited);
    connect(m_site, &QLineEdit::editingFinished, this, &SourceSettingsEditor::edited);
}

void SourceSettingsEditor::setOptions(const ImportOptions &options, const QString &defaultSite)
{
    const QSignalBlocker a(m_format), b(m_zone), c(m_year), d(m_site);
    const int format = m_format->findData(options.format);
    m_format->setCurrentIndex(format < 0 ? 0 : format);
    m_zone->setText(options.timeZone);
    m_year->setValue(options.year);
    m_site->setText(options.site);
    m_site->setPlaceholderText(defaultSite.isEmpty() ? tr("the host in the file name, else the file name")
                                                     : tr("%1 (from the file name)").arg(defaultSite));
}

ImportOptions SourceSettingsEditor::options(ImportOptions base) const
{
    base.format = m_format->currentData().toString();
    base.timeZone = m_zone->text().trimmed();
    base.year = m_year->value();
    base.site = m_site->text().trimmed();
    return base;
}

QString SourceSettingsEditor::zoneError() const
{
    QString error;
    return ZoneConverter::fromSpec(m_zone->text().trimmed(), &error) ? QString() : error;
}

SourceSettingsDialog::SourceSettingsDialog(const Source &source, QWidget *parent)
    : QDialog(parent)
    , m_base(optionsOf(source))
    , m_editor(new SourceSettingsEditor(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Source Settings \u2014 %1").arg(QFileInfo(source.path).fileName()));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("The file is read again with these settings (one undo step)."), this));
    layout->addWidget(m_editor);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Re-read"));
    m_editor->setOptions(m_base, siteFromFileName(source.path));
    connect(m_editor, &SourceSettingsEditor::edited, this, [this] {
        m_problem->setText(m_editor->zoneError());
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem->text().isEmpty());
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

ImportOptions SourceSettingsDialog::options() const { return m_editor->options(m_base); }

} // namespace inquest
