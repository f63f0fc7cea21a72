#pragma once

#include "remoteeventstore.h"

#include "analysis/metric.h"
#include "analysis/timebins.h"
#include "model/casedata.h"

#include <memory>
#include <optional>

namespace inquest::remote {

// How to reach a case's remote source: its URL and user, the password from the environment
// variable it names (never from the case).
ServerAccess accessFor(const RemoteSource &source, QString *error);
// The source's store, opened (sites and spans asked); null with `error` naming the source.
// Sites are the case's names (`rule`: renames and merges), in answers and in --site alike.
std::unique_ptr<RemoteEventStore> openStore(const RemoteSource &source, QString *error, const SiteRule &rule = {});
// A query's provenance for the case.
RemoteResult provenance(const RemoteSource &source, const QueryRun &run, const QString &serverVersion,
                        bool approximate = false);

// One metric binned at `widthUs` on the epoch grid (BinnedSeries like the local binSeries):
// bins firstIndex … firstIndex + count - 1. nullopt (with `error`) when the metric cannot be
// asked of a remote source or the server failed.
std::optional<BinnedSeries> remoteSeries(const RemoteEventStore &store, const QString &site, const MetricKey &metric,
                                         int64_t widthUs, int64_t firstIndex, int64_t count, QString *error);

// Count series of several sources added up bin by bin over bins firstIndex … + count - 1.
BinnedSeries sumSeries(const std::vector<BinnedSeries> &parts, int64_t firstIndex, int64_t count);

} // namespace inquest::remote
