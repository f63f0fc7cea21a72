#pragma once
// The access logs of an outage as an analyst gets them, written by a small traffic generator that
// knows nothing of the detectors: visitors at a steady rate with random gaps (~50 requests a
// minute, 19:00 to 23:00 UTC on 12 December 2010), and from 21:05 to 21:45 on the affected sites
// most requests fail with 503 or end with no response ("000", as load balancers log it). With the
// hand-written datacenter syslog (tests/data/outage) they make a folder to import with no options.

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QRandomGenerator>
#include <QString>

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

// www.shop.co.uk and www.shop.de affected, www.shop.com the control, and the datacenter syslog
// (its file time today's, so that its year must come from the other files). False when a file
// cannot be written.
struct OutageFolder
{
    Written uk, de, com;
};
inline bool writeOutageFolder(const QString &folder, OutageFolder *written = nullptr)
{
    if (!QDir().mkpath(folder))
        return false;
    OutageFolder w;
    w.uk = writeAccessLog(folder + QStringLiteral("/www.shop.co.uk-access.log"), true, 1);
    w.de = writeAccessLog(folder + QStringLiteral("/www.shop.de-access.log"), true, 2);
    w.com = writeAccessLog(folder + QStringLiteral("/www.shop.com-access.log"), false, 3);
    if (!QFile::copy(QStringLiteral(INQUEST_TEST_DATA "/outage/datacenter.syslog"),
                     folder + QStringLiteral("/datacenter.syslog")))
        return false;
    QFile syslog(folder + QStringLiteral("/datacenter.syslog"));
    if (!syslog.open(QIODevice::ReadWrite) ||
        !syslog.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime))
        return false;
    if (written)
        *written = w;
    return true;
}

} // namespace inquest::testing
