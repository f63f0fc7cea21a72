#include "syslogsignaturedetector.h"

#include "model/sites.h"

#include <QSet>

namespace inquest {

namespace {

constexpr int64_t Minute = 60'000'000;

// The templates of one group of families that are new, bursting or above their usual rate, and
// when they came.
struct GroupActivity
{
    int lines = 0;
    int templates = 0;
    int64_t first = INT64_MAX;
    int64_t last = INT64_MIN;
    QSet<LogFamily> families;
    QSet<QString> hosts;
    QSet<HostRole> roles;
    QStringList examples;
    const TemplateActivity *earliest = nullptr; // cited as provenance
    bool any() const { return lines > 0; }

    void add(const TemplateActivity &a)
    {
        lines += a.windowCount;
        ++templates;
        if (a.first < first) {
            first = a.first;
            earliest = &a;
        }
        last = std::max(last, a.last);
        families.insert(*a.family);
        for (const QString &h : a.hosts)
            hosts.insert(h);
        roles.insert(a.role);
        if (examples.size() < 3)
            examples.append(a.example);
    }
};

QString duration(int64_t us)
{
    const int64_t s = (us < 0 ? -us : us) / 1'000'000;
    return s >= 60 ? QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60) : QStringLiteral("%1 s").arg(s);
}

QString sorted(const QSet<QString> &set)
{
    QStringList list = set.values();
    list.sort();
    return list.join(QStringLiteral(", "));
}

template <typename T, typename F> QString names(const QSet<T> &set, F name)
{
    QStringList list;
    for (const T &v : set)
        list.append(name(v));
    list.sort();
    return list.join(QStringLiteral(", "));
}

// Without an earlier stretch to compare with, a fault or change in the window may have been
// logged all along: what it says is weaker by one step (CC → C, II → I) and it makes no cause
// inconsistent (I → N), since a chronic line is as expected under every cause.
QMap<HypothesisKind, Rating> withoutBaseline(QMap<HypothesisKind, Rating> r)
{
    for (Rating &v : r) {
        if (v == Rating::CC)
            v = Rating::C;
        else if (v == Rating::II)
            v = Rating::I;
        else if (v == Rating::I)
            v = Rating::N;
    }
    return r;
}

// Where the system logs start: a baseline cannot reach before it.
int64_t systemLogStart(const CaseData &data)
{
    int64_t start = INT64_MAX;
    for (const Source &s : data.sources) {
        if (isSystemLog(s))
            for (int64_t t : s.table->time)
                start = std::min(start, t);
    }
    return start;
}

// Cites the system-log lines of [from, to) that a finding read: of the system-log sources, the
// one with the most lines there, its first and last such line.
void citeStretch(Evidence &e, const CaseData &data, int64_t from, int64_t to)
{
    int best = -1;
    std::size_t bestCount = 0, first = 0, last = 0;
    for (int si = 0; si < data.sources.size(); ++si) {
        const Source &s = data.sources[si];
        if (!isSystemLog(s) || s.sha256.isEmpty())
            continue;
        const EventTable &t = *s.table;
        std::size_t count = 0, f = 0, l = 0;
        for (std::size_t r = 0; r < t.size(); ++r) {
            if (t.time[r] < from || t.time[r] >= to)
                continue;
            if (!count++)
                f = r;
            l = r;
        }
        if (count > bestCount) {
            best = si;
            bestCount = count;
            first = f;
            last = l;
        }
    }
    e.provenance.timeBegin = from;
    e.provenance.timeEnd = to;
    e.provenance.metric = QStringLiteral("syslog");
    if (best < 0)
        return;
    const Source &s = data.sources[best];
    const EventTable &t = *s.table;
    e.provenance.sourceId = s.id;
    e.provenance.sourceSha256 = s.sha256;
    e.provenance.firstLine = t.line[first];
    e.provenance.lastLine = t.line[last];
    e.provenance.offsetBegin = qint64(t.offset[first]);
    e.provenance.offsetEnd =
        last + 1 < t.size() ? qint64(t.offset[last + 1]) : std::max(s.size, qint64(t.offset[last]) + 1);
}

} // namespace

QJsonObject SyslogSignatureDetector::parameters() const
{
    return {{QStringLiteral("lookbackMinutes"), params.lookbackMinutes},
            {QStringLiteral("baselineMinutes"), params.baselineMinutes},
            {QStringLiteral("leadMinutes"), params.leadMinutes},
            {QStringLiteral("persistMinutes"), params.persistMinutes},
            {QStringLiteral("minHostsCovering"), params.minHostsCovering}};
}

void SyslogSignatureDetector::run(AnalysisContext &context, DetectorOutput &out) const
{
    using K = HypothesisKind;
    using R = Rating;
    using G = LogFamilyGroup;
    const CaseData &data = context.data;
    const int64_t logStart = systemLogStart(data);
    if (logStart == INT64_MAX)
        return;
    for (const Incident &inc : context.incidents) {
        const int64_t onset = inc.errorsBegin();
        const int64_t windowBegin = onset - params.lookbackMinutes * Minute;
        int64_t baselineBegin = std::max(windowBegin - params.baselineMinutes * Minute, logStart);
        for (const Incident &other : context.incidents) {
            if (other.end <= windowBegin && other.end > baselineBegin)
                baselineBegin = other.end; // an earlier outage is no baseline
        }
        baselineBegin = std::min(baselineBegin, windowBegin);
        // A baseline shorter than the stretch it is to judge cannot tell a new line from one that
        // comes every half hour (a cron job, a configuration run): such a stretch is read as having
        // none, and says so.
        const int64_t shortBaseline = windowBegin - baselineBegin;
        if (shortBaseline < params.lookbackMinutes * Minute)
            baselineBegin = windowBegin;
        const TemplateComparison cmp = compareTemplates(data, baselineBegin, windowBegin, inc.end, m_families);
        bool collapse = false, surge = false, errors = false;
        for (const Incident::SiteWindow &w : inc.windows) {
            collapse |= w.drop;
            surge |= w.surge;
            errors |= w.errors;
        }

        // Groups of families that are new, bursting or above their usual rate in the stretch. Changes are split by
        // whether they began before the first errors (a cause can only come first) or after them (the response); the
        // other groups are read from their first line.
        std::map<std::pair<G, bool>, GroupActivity> groups;
        QStringList changed;
        for (const TemplateActivity &a : cmp.templates) {
            using C = TemplateActivity::Change;
            const bool rose = a.change == C::New || a.change == C::Burst;
            const bool listed = a.change == C::Unbaselined ? a.family.has_value() && a.windowCount > 0
                                                           : a.change != C::Steady && (rose || a.family);
            if (listed && changed.size() < 8) {
                const QString head = QStringLiteral("%1 on %2 host(s) (%3): %4 — %5 in the stretch")
                                         .arg(toString(a.change), QString::number(a.hosts.size()), toString(a.role),
                                              a.text.left(120), QString::number(a.windowCount));
                changed.append(
                    a.change == C::Unbaselined
                        ? head
                        : head + QStringLiteral(", %1 before (p = %2)").arg(a.baselineCount).arg(a.pValue, 0, 'g', 2));
            }
            if (!(rose || a.aboveUsual) || !a.family)
                continue;
            const G group = groupOf(*a.family);
            groups[{group, group != G::Change || a.first <= onset + params.leadMinutes * Minute}].add(a);
        }

        const auto cite = [&](Evidence &e, const GroupActivity &g) {
            const TemplateActivity &a = *g.earliest;
            const Source &src = data.sources[a.source];
            if (!src.sha256.isEmpty()) {
                e.provenance.sourceId = src.id;
                e.provenance.sourceSha256 = src.sha256;
                e.provenance.firstLine = a.firstLine;
                e.provenance.lastLine = a.lastLine;
                e.provenance.offsetBegin = a.firstOffset;
                e.provenance.offsetEnd = a.lastOffset;
            }
            e.provenance.timeBegin = g.first;
            e.provenance.timeEnd = std::max(g.last, g.first + 1'000'000);
            e.provenance.metric = QStringLiteral("syslog");
        };
        const QString baselineText =
            cmp.hasBaseline() ? QStringLiteral("compared with %1 before %2")
                                    .arg(duration(windowBegin - baselineBegin), formatUtc(windowBegin, false))
            : shortBaseline > 0
                ? QStringLiteral("with only %1 of system log before the stretch, too little to tell a new line "
                                 "from a usual one: seen, not known to be new")
                      .arg(duration(shortBaseline))
                : QStringLiteral("with no earlier system log to compare with (it starts at %1, inside the stretch), "
                                 "so a line may have been logged all along: seen, not known to be new")
                      .arg(formatUtc(logStart, false));

        bool faultNearOnset = false, routingBeforeOnset = false;
        for (const auto &[key, g] : groups) {
            const G group = key.first;
            const int64_t lead = g.first - onset;
            const bool before = lead <= params.leadMinutes * Minute;
            const bool persists = g.last >= onset - params.persistMinutes * Minute;
            faultNearOnset |= group == G::Hardware && before && persists;
            routingBeforeOnset |= group == G::Network && before;
            QMap<HypothesisKind, Rating> r;
            QString title = displayName(group);
            QString why;
            switch (group) {
            case G::Hardware:
                if (before && persists &&
                    (g.families != QSet<LogFamily>{LogFamily::LinkDown} ||
                     g.roles != QSet<HostRole>{HostRole::Router})) {
                    // A device fault new in this stretch, starting before the first errors and
                    // still active near them: expected when hardware failed (it is how hardware
                    // fails), a coincidence under any other cause (new fault templates are rare
                    // in a baseline), so I for change, attack, crowd and an upstream failure
                    // (which shows at the edge: see the router-only case below).
                    r = ratings({{K::Hardware, R::CC},
                                 {K::Change, R::I},
                                 {K::Ddos, R::I},
                                 {K::FlashCrowd, R::I},
                                 {K::Network, R::I}});
                    why = QStringLiteral("a device fault starting before the errors and active near them");
                } else if (before && persists) {
                    // Links lost only on routers: the edge's own hardware, or the upstream behind it.
                    r = ratings({{K::Hardware, R::C}, {K::Network, R::C}, {K::Change, R::I}});
                    why = QStringLiteral("links lost on routers only (own hardware, or the upstream behind them)");
                } else {
                    // Cleared long before the errors, or began after them (load can bring faults
                    // out): consistent with hardware, not its signature.
                    r = ratings({{K::Hardware, R::C}});
                    why = before ? QStringLiteral("a fault that had cleared before the errors")
                                 : QStringLiteral("faults that began after the errors");
                }
                break;
            case G::Network:
                // Sessions dropped and routes withdrawn before a collapse: how an upstream failure
                // shows; attacks and crowds add traffic rather than lose routes.
                r = before && collapse ? ratings({{K::Network, R::CC}, {K::Ddos, R::I}, {K::FlashCrowd, R::I}})
                    : before           ? ratings({{K::Network, R::C}, {K::FlashCrowd, R::I}})
                                       : ratings({{K::Network, R::C}});
                why = before ? QStringLiteral("routing or resolution failing before the errors")
                             : QStringLiteral("routing or resolution failing after the errors");
                break;
            case G::Attack:
                if (g.families.contains(LogFamily::SynFlood))
                    // Half-open connections and full tables follow floods of connections: likely
                    // under an attack, unlikely under a crowd of browsers, a fault or a route loss.
                    r = surge ? ratings(
                                    {{K::Ddos, R::CC}, {K::FlashCrowd, R::I}, {K::Hardware, R::I}, {K::Network, R::I}})
                              : ratings({{K::Ddos, R::C}, {K::Hardware, R::I}});
                else
                    // Rate limits also trip under a flash crowd: for an attack, not its signature.
                    r = ratings({{K::Ddos, R::C}, {K::Hardware, R::I}});
                why = surge ? QStringLiteral("defences tripping as requests surged")
                            : QStringLiteral("defences tripping without a request surge");
                break;
            case G::Change:
                if (before) {
                    // A change shortly before the first errors: the usual cause of errors that
                    // start at one moment on the changed service; before a collapse with few
                    // errors it is less telling.
                    r = errors ? ratings({{K::Change, R::CC}}) : ratings({{K::Change, R::C}});
                    title = QStringLiteral("Changes before the outage");
                    why = QStringLiteral("a change shortly before the errors began");
                } else {
                    // Mitigation, rollback, raised limits: what people do once errors show.
                    r = ratings({});
                    title = QStringLiteral("Changes during the outage (the response, not the cause)");
                    why = QStringLiteral("changes made after the errors began");
                }
                break;
            case G::Capacity:
                // Pools fill under any extra load; with a surge it points at more traffic, else at nothing.
                r = surge && g.families.contains(LogFamily::WorkerExhaustion)
                        ? ratings({{K::FlashCrowd, R::C}, {K::Ddos, R::C}})
                        : ratings({});
                why = QStringLiteral("capacity running out (a consequence under every cause)");
                break;
            }
            if (!cmp.hasBaseline())
                r = withoutBaseline(r);
            Evidence e =
                suggest(QStringLiteral("%1 in the system log (%2 line(s))").arg(title).arg(g.lines),
                        QStringLiteral("%1: %2 (%3) — %4 template(s) new, bursting or above their usual rate, %5 "
                                       "line(s) from %6 to %7 on %8 "
                                       "(roles: %9), the first %10 (errors from %11); %12. Examples: %13")
                            .arg(title, why, names(g.families, [](LogFamily f) { return displayName(f); }))
                            .arg(g.templates)
                            .arg(g.lines)
                            .arg(formatUtc(g.first), formatUtc(g.last, false), sorted(g.hosts),
                                 names(g.roles, [](HostRole h) { return toString(h); }),
                                 lead <= 0 ? QStringLiteral("%1 before the errors began").arg(duration(lead))
                                           : QStringLiteral("%1 after the errors began").arg(duration(lead)),
                                 formatUtc(onset, false), baselineText, g.examples.join(QStringLiteral(" | "))),
                        r);
            cite(e, g);
            out.evidence.append(e);
        }

        // What is not there: with hosts logging through the whole stretch, a hardware failure
        // that takes sites down is expected to leave device-fault lines before the errors, a bad
        // change a change line, an upstream failure behind a collapse session drops, withdrawn
        // routes or failing resolution; their absence is unlikely under that cause (I) and
        // expected under the others.
        if (cmp.hostsLoggingThrough >= params.minHostsCovering) {
            const auto absent = [&](bool present, K kind, const QString &what) {
                if (present)
                    return;
                Evidence e = suggest(QStringLiteral("No %1 logged before the outage").arg(what),
                                     QStringLiteral("%1 host(s) logged before and during the stretch from %2 to %3, "
                                                    "and none logged a %4 line above its usual rate active near the "
                                                    "errors' start at %5. If %6 were the cause, such lines would be "
                                                    "expected.")
                                         .arg(cmp.hostsLoggingThrough)
                                         .arg(formatUtc(windowBegin), formatUtc(inc.end, false), what,
                                              formatUtc(onset, false), displayName(kind).toLower()),
                                     ratings({{kind, R::I}}));
                citeStretch(e, data, windowBegin, onset + params.leadMinutes * Minute);
                out.evidence.append(e);
            };
            absent(faultNearOnset, K::Hardware, QStringLiteral("device fault"));
            absent(groups.count({G::Change, true}) > 0, K::Change, QStringLiteral("change"));
            // An upstream failure is the candidate for a collapse of requests; without one the
            // network hypothesis is not asked about here.
            if (collapse)
                absent(routingBeforeOnset, K::Network, QStringLiteral("routing or name-resolution failure"));
        }

        if (!changed.isEmpty()) {
            Evidence e =
                cmp.hasBaseline()
                    ? suggest(QStringLiteral("System-log templates that changed around the outage (%1 of %2)")
                                  .arg(changed.size())
                                  .arg(cmp.templatesCompared),
                              QStringLiteral("Template frequencies from %1 to %2, %3 (exact test of two Poisson "
                                             "rates, level %4 per template): %5")
                                  .arg(formatUtc(windowBegin), formatUtc(inc.end, false), baselineText)
                                  .arg(cmp.threshold, 0, 'g', 2)
                                  .arg(changed.join(QStringLiteral("; "))),
                              ratings({}))
                    : suggest(QStringLiteral("System-log templates with a known meaning around the outage (%1 of %2; "
                                             "no baseline)")
                                  .arg(changed.size())
                                  .arg(cmp.templatesCompared),
                              QStringLiteral("Templates from %1 to %2, %3: %4")
                                  .arg(formatUtc(windowBegin), formatUtc(inc.end, false), baselineText,
                                       changed.join(QStringLiteral("; "))),
                              ratings({}));
            citeStretch(e, data, windowBegin, inc.end);
            out.evidence.append(e);
        }
    }
}

} // namespace inquest
