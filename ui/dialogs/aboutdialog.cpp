#include "aboutdialog.h"

#include "version.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QSysInfo>
#include <QVBoxLayout>

#include <boost/version.hpp>
#include <qcustomplot.h>

namespace inquest {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Inquest"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/inquest.svg")).pixmap(96, 96));
    icon->setAlignment(Qt::AlignTop);

    auto *title = new QLabel(QStringLiteral("<h2>Inquest %1</h2>").arg(QStringLiteral(INQUEST_VERSION)), this);
    auto *blurb = new QLabel(tr("A workbench for outage forensics: server logs and press statements on one "
                                "timeline, weighed against competing hypotheses."),
                             this);
    blurb->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    for (const auto &[component, version] : versions()) {
        auto *value = new QLabel(version, this);
        // Selectable so a user can paste one line into a bug report.
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(tr("%1:").arg(component), value);
    }

    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(blurb);
    text->addSpacing(8);
    text->addLayout(form);
    text->addStretch();

    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addSpacing(12);
    top->addLayout(text, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy Version Info"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyVersions"));
    connect(copy, &QPushButton::clicked, this, [] { QGuiApplication::clipboard()->setText(versionReport()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

QList<std::pair<QString, QString>> AboutDialog::versions()
{
    const QString boost =
        QStringLiteral("%1.%2.%3").arg(BOOST_VERSION / 100000).arg(BOOST_VERSION / 100 % 1000).arg(BOOST_VERSION % 100);
    return {
        {tr("Inquest"), QStringLiteral(INQUEST_VERSION)},
        {tr("Commit"), QStringLiteral(INQUEST_GIT_COMMIT)},
        {tr("Qt (run time)"), QString::fromLatin1(qVersion())},
        {tr("Qt (compiled)"), QStringLiteral(QT_VERSION_STR)},
        {tr("QCustomPlot"), QStringLiteral(QCUSTOMPLOT_VERSION_STR)},
        {tr("Boost"), boost},
        {tr("Build type"), QStringLiteral(INQUEST_BUILD_TYPE)},
        {tr("Compiler"), QStringLiteral(INQUEST_COMPILER)},
        {tr("System"),
         QStringLiteral("%1 (%2)").arg(QSysInfo::prettyProductName(), QSysInfo::currentCpuArchitecture())},
    };
}

QString AboutDialog::versionReport()
{
    QString text;
    for (const auto &[component, version] : versions())
        text += QStringLiteral("%1: %2\n").arg(component, version);
    return text;
}

} // namespace inquest
