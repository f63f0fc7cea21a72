#pragma once
// Access logs as a shop's web server writes them after an outage, from a small traffic generator
// that knows nothing of the detectors or the chart: visitors at a steady rate (~50 requests a
// minute) with random gaps from 19:00 to 23:00 UTC on 2010-12-12, and on an affected site from
// 21:05 to 21:45 most requests fail with 503 or end with no response ("000", as load balancers
// log it). Combined log format; what tests import through the importer.

#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QRandomGenerator>

#include <cmath>

namespace inquest::testing {

constexpr qint64 Start = 1292180400;                               // 2010-12-12T19:00:00Z
constexpr qint64 OutageBegin = 1292187900, OutageEnd = 1292190300; // 21:05 .. 21:45

struct Written
{
    int failed503 = 0;
    int noResponse = 0;
};

inline Written writeAccessLog(const QString &path, bool affected, quint32 seed)
{
    QRandomGenerator rng(seed);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    Written w;
    const char *paths[] = {"/", "/gp/cart/view.html", "/search?q=lego", "/dp/B0041", "/static/site.css"};
    double t = double(Start);
    while (t < double(Start + 4 * 3600)) {
        t += -std::log(1.0 - rng.generateDouble()) * 1.2; // ~50 requests a minute
        const qint64 s = qint64(t);
        const QDateTime when = QDateTime::fromSecsSinceEpoch(s, Qt::UTC);
        int status = 200;
        if (affected && s >= OutageBegin && s < OutageEnd) {
            const double u = rng.generateDouble();
            status = u < 0.45 ? 503 : u < 0.85 ? 0 : 200;
        }
        const QString code = status == 0 ? QStringLiteral("000") : QString::number(status);
        w.failed503 += status == 503;
        w.noResponse += status == 0;
        const QString line =
            QStringLiteral("10.%1.%2.%3 - - [%4 +0000] \"GET %5 HTTP/1.1\" %6 %7 \"-\" \"Mozilla/5.0 (X11; Linux)\"\n")
                .arg(rng.bounded(200))
                .arg(rng.bounded(250))
                .arg(rng.bounded(250))
                .arg(QLocale::c().toString(when, QStringLiteral("dd/MMM/yyyy:HH:mm:ss")))
                .arg(QString::fromLatin1(paths[rng.bounded(5)]), code)
                .arg(status == 0 ? 0 : 512 + rng.bounded(20000));
        f.write(line.toUtf8());
    }
    return w;
}

} // namespace inquest::testing
