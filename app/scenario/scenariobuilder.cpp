#include "scenariobuilder.h"

#include "accessloggenerator.h"
#include "sysloggenerator.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSaveFile>
#include <QTimeZone>

namespace inquest::scenario {

namespace {

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

Source describe(std::shared_ptr<EventTable> table, const QString &format, const QString &site, const QString &zone,
                const QDateTime &generatedAt)
{
    Source s;
    s.kind = SourceKind::Log;
    s.format = format;
    s.site = site;
    s.timeZone = zone;
    s.importedAt = generatedAt;
    s.lines = qint64(table->size());
    s.events = qint64(table->size());
    if (!table->empty()) {
        s.firstTime = table->minTime();
        s.lastTime = table->maxTime();
    }
    s.table = std::move(table);
    return s;
}

} // namespace

std::optional<QList<Source>> generateSources(const ScenarioSpec &spec, const QString &directory, QString *error)
{
    QList<Source> sources;
    const bool write = !directory.isEmpty();
    if (write && !QDir().mkpath(directory)) {
        *error = QStringLiteral("%1: cannot create the folder").arg(directory);
        return std::nullopt;
    }
    // The "import" time of generated logs is the end of the scenario: keeps the case reproducible.
    const QDateTime generatedAt = QDateTime::fromMSecsSinceEpoch(spec.end / 1000, QTimeZone::utc());
    auto finish = [&](Source s, const QString &fileName, const QByteArray &bytes) -> bool {
        if (write) {
            const QString path = QDir(directory).absoluteFilePath(fileName);
            if (!writeFile(path, bytes, error))
                return false;
            s.path = path;
            s.size = bytes.size();
            s.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        }
        sources.append(std::move(s));
        return true;
    };

    for (int i = 0; i < spec.sites.size(); ++i) {
        const SiteSpec &site = spec.sites[i];
        QByteArray bytes;
        auto table = generateAccessLog(spec, i, write ? &bytes : nullptr);
        Source s = describe(std::move(table), QStringLiteral("combined"), site.name,
                            site.timeZone.isEmpty() ? spec.timeZone : site.timeZone, generatedAt);
        if (!finish(std::move(s), site.name + QStringLiteral("-access.log"), bytes))
            return std::nullopt;
    }
    if (spec.syslog) {
        QByteArray bytes;
        auto table = generateSyslog(spec, write ? &bytes : nullptr);
        Source s = describe(std::move(table), QStringLiteral("syslog-rfc3164"), {}, spec.timeZone, generatedAt);
        s.year = QDateTime::fromMSecsSinceEpoch(spec.begin / 1000, QTimeZone(spec.timeZone.toLatin1())).date().year();
        if (!finish(std::move(s), spec.datacenter + QStringLiteral("-syslog.log"), bytes))
            return std::nullopt;
    }
    return sources;
}

} // namespace inquest::scenario
