// The scenario generator: deterministic, its files are faithful Apache combined / RFC 3164
// lines that agree with the event tables built beside them, and its traffic looks real.
#include "scenario/scenariobuilder.h"
#include "scenario/scenariospec.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <set>

using namespace inquest;
using namespace inquest::scenario;

namespace {

constexpr qint64 Minute = 60'000'000;

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A short two-site scenario in a zone with an offset, for line-by-line checks.
ScenarioSpec smallSpec(uint64_t seed)
{
    ScenarioSpec s = randomScenario(IncidentKind::Hardware, seed);
    s.timeZone = QStringLiteral("America/New_York");
    // One shop logs Apache's %D (response time in µs) after the agent, the other does not.
    s.sites = {{QStringLiteral("shop.example.de"), 6, true, {}, true},
               {QStringLiteral("shop.example.com"), 4, false, {}}};
    s.end = s.incidentEnd + 10 * Minute;
    s.begin = s.incidentBegin - 20 * Minute;
    s.decoys.clear();
    return s;
}

qint64 parseAccessTime(const QString &stamp)
{
    // 12/Dec/2010:21:10:03 +0000
    const QDateTime local = QLocale::c().toDateTime(stamp.left(20), QStringLiteral("dd/MMM/yyyy:HH:mm:ss"));
    const int sign = stamp.at(21) == u'-' ? -1 : 1;
    const int offset = sign * (stamp.mid(22, 2).toInt() * 3600 + stamp.mid(24, 2).toInt() * 60);
    return (QDateTime(local.date(), local.time(), QTimeZone::utc()).toSecsSinceEpoch() - offset) * 1'000'000;
}

} // namespace

class TestScenarioGenerator : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedSameBytes()
    {
        QTemporaryDir a, b, c;
        QString error;
        const auto first = generateSources(smallSpec(7), a.path(), &error);
        const auto second = generateSources(smallSpec(7), b.path(), &error);
        const auto other = generateSources(smallSpec(8), c.path(), &error);
        QVERIFY2(first && second && other, qPrintable(error));
        QCOMPARE(first->size(), 3);
        for (int i = 0; i < first->size(); ++i) {
            const QString name = QFileInfo(first->at(i).path).fileName();
            QCOMPARE(readAll(a.filePath(name)), readAll(b.filePath(name)));
            QCOMPARE(first->at(i).sha256, second->at(i).sha256);
            QVERIFY(first->at(i).table->sameContent(*second->at(i).table));
        }
        QVERIFY(first->at(0).sha256 != other->at(0).sha256);
    }

    void accessLogMatchesTable()
    {
        QTemporaryDir dir;
        QString error;
        const auto sources = generateSources(smallSpec(3), dir.path(), &error);
        QVERIFY2(sources, qPrintable(error));
        const QRegularExpression combined(QStringLiteral(
            R"re(^(\S+) - - \[([^\]]+)\] "(\S+) (\S+) HTTP/1\.1" (\d{3}) (\d+|-) "([^"]*)" "([^"]*)"(?: (\d+))?$)re"));
        for (const Source &s : *sources) {
            if (s.format != u"combined")
                continue;
            const QByteArray bytes = readAll(s.path);
            QCOMPARE(s.size, bytes.size());
            QCOMPARE(s.sha256,
                     QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
            QVERIFY(bytes.endsWith('\n'));
            const QList<QByteArray> lines = bytes.chopped(1).split('\n');
            const EventTable &t = *s.table;
            QCOMPARE(qsizetype(t.size()), lines.size());
            QCOMPARE(s.lines, lines.size());
            qint64 offset = 0;
            for (qsizetype i = 0; i < lines.size(); ++i) {
                const auto m = combined.match(QString::fromUtf8(lines[i]));
                QVERIFY2(m.hasMatch(), lines[i].constData());
                QCOMPARE(qint64(t.offset[size_t(i)]), offset);
                QCOMPARE(qint64(t.line[size_t(i)]), i + 1);
                QCOMPARE(t.time[size_t(i)], parseAccessTime(m.captured(2)));
                QCOMPARE(QString::fromUtf8(t.strings.bytes(t.client[size_t(i)])), m.captured(1));
                QCOMPARE(QString::fromLatin1(toString(t.method[size_t(i)])), m.captured(3));
                QCOMPARE(QString::fromUtf8(t.strings.bytes(t.path[size_t(i)])), m.captured(4));
                QCOMPARE(int(t.status[size_t(i)]), m.captured(5).toInt());
                QCOMPARE(qint64(t.bytes[size_t(i)]), m.captured(6) == u"-" ? 0 : m.captured(6).toLongLong());
                QCOMPARE(m.captured(7) == u"-" ? QString() : m.captured(7),
                         QString::fromUtf8(t.strings.bytes(t.referer[size_t(i)])));
                QCOMPARE(QString::fromUtf8(t.strings.bytes(t.agent[size_t(i)])), m.captured(8));
                QCOMPARE(m.hasCaptured(9), s.site == u"shop.example.de");
                QCOMPARE(t.responseUs[size_t(i)], m.hasCaptured(9) ? m.captured(9).toUInt() : NoResponseTime);
                offset += lines[i].size() + 1;
            }
            QCOMPARE(s.firstTime, t.time.front());
            QCOMPARE(s.lastTime, t.time.back());
            // The servers' clock is New York's: the offset is in every line.
            QVERIFY(lines.first().contains(" -0500]") || lines.first().contains(" -0400]"));
        }
    }

    void syslogMatchesTable()
    {
        QTemporaryDir dir;
        QString error;
        const ScenarioSpec spec = smallSpec(5);
        const auto sources = generateSources(spec, dir.path(), &error);
        QVERIFY2(sources, qPrintable(error));
        const Source &s = sources->last();
        QCOMPARE(s.format, QStringLiteral("syslog-rfc3164"));
        QCOMPARE(s.timeZone, spec.timeZone);
        const QByteArray bytes = readAll(s.path);
        const QList<QByteArray> lines = bytes.chopped(1).split('\n');
        const EventTable &t = *s.table;
        QCOMPARE(qsizetype(t.size()), lines.size());
        const QRegularExpression rfc3164(
            QStringLiteral(R"(^<(\d{1,3})>([A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d) (\S+) (.+)$)"));
        const QTimeZone zone(spec.timeZone.toLatin1());
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const auto m = rfc3164.match(QString::fromUtf8(lines[i]));
            QVERIFY2(m.hasMatch(), lines[i].constData());
            QCOMPARE(int(t.severity[size_t(i)]), m.captured(1).toInt() % 8);
            QCOMPARE(QString::fromUtf8(t.strings.bytes(t.host[size_t(i)])), m.captured(3));
            QCOMPARE(QString::fromUtf8(t.strings.bytes(t.message[size_t(i)])), m.captured(4));
            const QDateTime local =
                QLocale::c().toDateTime(QStringLiteral("%1 %2").arg(s.year).arg(m.captured(2).simplified()),
                                        QStringLiteral("yyyy MMM d HH:mm:ss"));
            QCOMPARE(QDateTime(local.date(), local.time(), zone).toMSecsSinceEpoch() * 1000, t.time[size_t(i)]);
        }
        // The hardware failure shows in the system log.
        QVERIFY(bytes.contains("changed state to down") || bytes.contains("NIC Link is Down") ||
                bytes.contains("EDAC") || bytes.contains("PSFAIL"));
    }

    void trafficLooksReal()
    {
        ScenarioSpec spec = randomScenario(IncidentKind::None, 11);
        spec.sites = {{QStringLiteral("shop.example.co.uk"), 8, false, {}}};
        spec.timeZone = QStringLiteral("UTC");
        spec.begin = QDateTime(QDate(2012, 3, 6), QTime(6, 0), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;
        spec.end = spec.begin + 16 * 60 * Minute;
        spec.decoys.clear();
        QString error;
        const auto sources = generateSources(spec, {}, &error);
        QVERIFY(sources);
        const EventTable &t = *sources->first().table;
        qint64 s3 = 0, s4 = 0, s5 = 0;
        std::set<uint32_t> agents, clients;
        std::vector<qint64> perHour(16, 0);
        for (size_t i = 0; i < t.size(); ++i) {
            s3 += t.status[i] / 100 == 3;
            s4 += t.status[i] / 100 == 4;
            s5 += t.status[i] / 100 == 5;
            agents.insert(t.agent[i]);
            clients.insert(t.client[i]);
            ++perHour[size_t((t.time[i] - spec.begin) / (60 * Minute))];
        }
        const double n = double(t.size());
        QVERIFY2((s3 + s4) / n >= 0.02 && (s3 + s4) / n <= 0.06, qPrintable(QString::number((s3 + s4) / n)));
        QVERIFY(s5 > 0 && s5 / n < 0.002);
        QVERIFY(agents.size() >= 10);
        QVERIFY(clients.size() < t.size() / 2); // clients come back
        // Diurnal: the evening (20:00) is busier than the early morning (06:00) and midday.
        QVERIFY(perHour[14] > 1.8 * perHour[0]);
        QVERIFY(perHour[14] > perHour[6]);
        // Poisson-like arrivals: per-second counts over a steady hour have variance ≈ mean.
        std::vector<int> perSecond(3600, 0);
        const qint64 h0 = spec.begin + 14 * 60 * Minute;
        for (size_t i = 0; i < t.size(); ++i) {
            if (t.time[i] >= h0 && t.time[i] < h0 + 60 * Minute)
                ++perSecond[size_t((t.time[i] - h0) / 1'000'000)];
        }
        double mean = 0, var = 0;
        for (int c : perSecond)
            mean += c;
        mean /= 3600;
        for (int c : perSecond)
            var += (c - mean) * (c - mean);
        var /= 3600;
        QVERIFY2(var / mean > 0.8 && var / mean < 1.6, qPrintable(QStringLiteral("%1 / %2").arg(var).arg(mean)));
    }

    void responseTimesSlowDuringTheIncident()
    {
        const ScenarioSpec spec = smallSpec(5);
        QString error;
        const auto sources = generateSources(spec, {}, &error);
        QVERIFY2(sources, qPrintable(error));
        const EventTable &t = *sources->at(0).table; // shop.example.de: affected, logs %D
        std::vector<uint32_t> before, during;
        for (size_t i = 0; i < t.size(); ++i) {
            if (t.status[i] != 200)
                continue;
            if (t.time[i] < spec.incidentBegin)
                before.push_back(t.responseUs[i]);
            else if (t.time[i] >= spec.incidentBegin + Minute && t.time[i] < spec.incidentEnd)
                during.push_back(t.responseUs[i]);
        }
        QVERIFY(before.size() > 100 && during.size() > 20);
        auto median = [](std::vector<uint32_t> v) {
            std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
            return v[v.size() / 2];
        };
        QVERIFY2(median(during) > 3 * median(before),
                 qPrintable(QStringLiteral("%1 vs %2").arg(median(during)).arg(median(before))));
        QVERIFY(std::all_of(sources->at(1).table->responseUs.begin(), sources->at(1).table->responseUs.end(),
                            [](uint32_t us) { return us == NoResponseTime; }));
    }

    void referenceIncidentShape()
    {
        const ScenarioSpec spec = referenceIncident();
        QString error;
        const auto sources = generateSources(spec, {}, &error);
        QVERIFY(sources);
        const qint64 b = QDateTime(QDate(2010, 12, 12), QTime(21, 12), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;
        const qint64 e = QDateTime(QDate(2010, 12, 12), QTime(21, 43), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;
        for (const Source &s : *sources) {
            if (s.format != u"combined")
                continue;
            const EventTable &t = *s.table;
            qint64 in = 0, errors = 0, before = 0;
            for (size_t i = 0; i < t.size(); ++i) {
                if (t.time[i] >= b && t.time[i] < e) {
                    ++in;
                    errors += t.status[i] >= 500;
                } else if (t.time[i] >= b - 31 * Minute && t.time[i] < b - Minute) {
                    ++before;
                }
            }
            const double share = double(errors) / double(in);
            if (s.site == u"amazon.com")
                QVERIFY2(share < 0.01, qPrintable(s.site));
            else
                QVERIFY2(share > 0.6 && in > 0.8 * before && in < 1.3 * before, qPrintable(s.site));
        }
    }
};

QTEST_GUILESS_MAIN(TestScenarioGenerator)
#include "tst_scenariogenerator.moc"
