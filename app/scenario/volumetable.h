#pragma once

#include "model/eventtable.h"

#include <cstdint>
#include <memory>

namespace inquest::scenario {

// A table of an exact size for tests and benchmarks of the timeline, its index and the chart:
// web access events (client, path, agent, status, method, bytes, response time) or system-log
// events (severity and message), at a mean rate, optionally out of time order like a merged
// export. Unlike generateSources it models no traffic and no incident: it gives volume and
// column variety with a known row count.
struct VolumeSpec
{
    std::size_t rows = 1000;
    int64_t startUs = 1292190300'000'000; // 2010-12-12 21:45:00Z
    int64_t meanGapUs = 1000;             // mean time between events
    bool syslog = false;                  // severity + message instead of HTTP columns
    bool shuffled = false;                // times not in file order (like a merged export)
    int clients = 5000;
    int paths = 2000;
    int hosts = 1; // distinct values of the host column
    uint32_t seed = 1;
};

std::shared_ptr<EventTable> volumeTable(const VolumeSpec &spec);

} // namespace inquest::scenario
