#include "importbatch.h"

#include "batchzone.h"
#include "formatregistry.h"

#include <algorithm>
#include <numeric>

namespace inquest {

namespace {

bool yearLess(const ImportRequest &request)
{
    if (request.options.year > 0)
        return false;
    QString format = request.options.format;
    if (format.isEmpty() || format == QStringLiteral("auto")) {
        // The dialog's and the sniffer's answer for the first lines; a file that cannot be read
        // here fails later with its own message.
        const ImportResult preview = previewLogFile(request.path, request.options, 20);
        if (!preview.ok())
            return false;
        format = preview.source->format;
    }
    const LogReader *reader = FormatRegistry::instance().find(format);
    return reader && (reader->capabilities() & CapNeedsYear);
}

} // namespace

QList<int> batchOrder(const QList<ImportRequest> &requests)
{
    QList<int> order(requests.size());
    std::iota(order.begin(), order.end(), 0);
    if (requests.size() < 2)
        return order;
    std::vector<bool> late(std::size_t(requests.size()));
    for (int i = 0; i < requests.size(); ++i)
        late[std::size_t(i)] = yearLess(requests[i]);
    std::stable_partition(order.begin(), order.end(), [&](int i) { return !late[std::size_t(i)]; });
    return order;
}

ImportOptions batchOptions(const ImportRequest &request, const QList<Source> &readBefore)
{
    ImportOptions options = request.options;
    if (options.timeZone.isEmpty() && yearLess(request)) {
        options.timeZone = batchUtcOffset(readBefore);
        options.zoneFromBatch = !options.timeZone.isEmpty();
    }
    if (options.year > 0)
        return options;
    if (const qint64 end = caseYearAnchor(readBefore)) {
        options.caseTime = end;
        options.anchorFromBatch = true;
    }
    return options;
}

const Source *sourceWithSha256(const QList<Source> &sources, const QString &sha256)
{
    if (sha256.isEmpty())
        return nullptr;
    const auto it = std::find_if(sources.begin(), sources.end(),
                                 [&](const Source &s) { return s.kind == SourceKind::Log && s.sha256 == sha256; });
    return it == sources.end() ? nullptr : &*it;
}

QString duplicateMessage(const QString &path, const Source &earlier)
{
    return QStringLiteral("%1: the same file (SHA-256 %2) is already source #%3 (%4); not imported again")
        .arg(path, earlier.sha256.left(12))
        .arg(earlier.id)
        .arg(earlier.path);
}

} // namespace inquest
