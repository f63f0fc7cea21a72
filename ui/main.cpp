// The one executable: the workbench, or a headless command when the first argument names one.
#include "documentcontroller.h"
#include "mainwindow.h"

#include "charts/chartfigurerenderer.h"
#include "cli/cli.h"
#include "report/reporthooks.h"
#include "support/memorytuning.h"

#include <QApplication>
#include <QIcon>
#include <QTextStream>

#include <qcustomplot.h>

#include <cstdio>
#include <memory>

int main(int argc, char *argv[])
{
    inquest::tuneAllocatorForBulkWork();
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));

    if (inquest::cli::isCommand(args)) {
        // Commands that draw (reports and their figures) need fonts and the chart widget, never a
        // screen: they run on the offscreen platform.
        std::unique_ptr<QCoreApplication> app;
        if (inquest::cli::needsGui(args)) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            app = std::make_unique<QApplication>(argc, argv);
            inquest::setFigureRendererFactory([] { return std::make_unique<inquest::ChartFigureRenderer>(); });
        } else {
            app = std::make_unique<QCoreApplication>(argc, argv);
        }
        QCoreApplication::setOrganizationName(QStringLiteral("Inquest"));
        QCoreApplication::setApplicationName(QStringLiteral("Inquest"));
        QTextStream out(stdout);
        QTextStream err(stderr);
        const int status = inquest::cli::run(args, out, err);
        if (args.first() == u"--version")
            out << "QCustomPlot " << QCUSTOMPLOT_VERSION_STR << '\n';
        return status;
    }

    QApplication app(argc, argv);
    inquest::setFigureRendererFactory([] { return std::make_unique<inquest::ChartFigureRenderer>(); });
    QApplication::setOrganizationName(QStringLiteral("Inquest"));
    QApplication::setApplicationName(QStringLiteral("Inquest"));
    QApplication::setApplicationDisplayName(QStringLiteral("Inquest"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/inquest.svg")));
    // Lets Wayland and the task bar match windows to installer/io.inquest.Inquest.desktop.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.inquest.Inquest"));
    inquest::MainWindow window;
    window.show();
    if (!args.isEmpty() && !args.first().startsWith(u'-'))
        window.controller()->open(args.first());
    else
        window.controller()->offerOrphanRecovery();
    return app.exec();
}
