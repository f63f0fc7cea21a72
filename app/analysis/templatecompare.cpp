#include "templatecompare.h"

#include "model/sites.h"

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/poisson.hpp>

#include <QHash>
#include <QSet>

#include <cmath>
#include <unordered_map>

namespace inquest {

namespace {

// A program tag without its process id ("bgpd[733]" → "bgpd"): the pid is not part of what the
// message says, and it changes with every restart.
QString programOf(std::string_view tag)
{
    const std::size_t bracket = tag.find('[');
    return QString::fromUtf8(tag.substr(0, bracket == std::string_view::npos ? tag.size() : bracket));
}

struct Tally
{
    TemplateActivity activity;
    QSet<QString> hosts;
};

// Σ k ln(k / expected) over both stretches: the log-likelihood ratio of two Poisson rates
// against one shared rate.
double logLikelihoodRatio(int kw, int kb, double p)
{
    const double n = double(kw + kb);
    double llr = 0;
    if (kw > 0)
        llr += kw * std::log(kw / (n * p));
    if (kb > 0)
        llr += kb * std::log(kb / (n * (1 - p)));
    return llr;
}

// Row r's line with its variant's wildcards shown as "<*>": its program tag and constant words.
QString variantLine(const EventTable &t, std::size_t r)
{
    std::string text(t.strings.view(t.message[r]));
    text += ':';
    for (uint32_t token : t.texts.variants[t.texts.variantOf(r)].tokens) {
        text += ' ';
        text += token == MessageTemplates::Wildcard ? std::string_view("<*>") : t.strings.view(token);
    }
    return QString::fromStdString(text);
}

} // namespace

QString toString(TemplateActivity::Change change)
{
    static const char16_t *Names[] = {u"steady", u"new", u"burst", u"stopped", u"seen (no baseline)"};
    return QString::fromUtf16(Names[int(change)]);
}

TemplateComparison compareTemplates(const CaseData &data, int64_t baselineBegin, int64_t windowBegin, int64_t windowEnd,
                                    const LogFamilies &families, const TemplateCompareOptions &options)
{
    TemplateComparison out;
    out.baselineBegin = baselineBegin;
    out.baselineEnd = windowBegin;
    out.windowBegin = windowBegin;
    out.windowEnd = windowEnd;
    QHash<QString, int> index; // role + text → tallies
    std::vector<Tally> tallies;
    QSet<QString> hostsBefore, hostsDuring;
    for (int si = 0; si < data.sources.size(); ++si) {
        const Source &source = data.sources[si];
        if (!isSystemLog(source))
            continue;
        const EventTable &t = *source.table;
        const bool withText = !t.texts.empty();
        // Per variant (or tag): its family when its constant words decide it, else -2 when the
        // meaning rides on a wildcard ("changed state to <*>") and each line must be read.
        std::vector<int8_t> familyOfVariant(withText ? t.texts.variants.size() : 0, -3);
        std::vector<int8_t> familyOfTag(t.strings.size(), -3);
        QHash<QString, int8_t> familyOfLine; // for the lines of the variants read line by line
        // Per template (or tag), host role and family: the tally it counts into, found once.
        std::unordered_map<uint64_t, int> slot;
        std::vector<int8_t> roleOfHost(t.strings.size(), -1);
        for (std::size_t r = 0; r < t.size(); ++r) {
            const int64_t time = t.time[r];
            if (time < baselineBegin || time >= windowEnd)
                continue;
            const bool inWindow = time >= windowBegin;
            const uint32_t host = t.host[r];
            const QString hostName = QString::fromUtf8(t.strings.view(host));
            (inWindow ? hostsDuring : hostsBefore).insert(hostName);
            if (roleOfHost[host] < 0)
                roleOfHost[host] = int8_t(hostRole(hostName, programOf(t.strings.view(t.message[r]))));
            const bool hasText = withText && t.texts.hasText(r);
            int8_t &known = hasText ? familyOfVariant[t.texts.variantOf(r)] : familyOfTag[t.message[r]];
            if (known == -3) {
                const auto line = families.classify(t.messageLine(r));
                const auto constants = hasText ? families.classify(variantLine(t, r)) : line;
                known = line == constants ? int8_t(line ? int(*line) : -1) : int8_t(-2);
            }
            int8_t family = known;
            if (family == -2) {
                const QString text = t.messageLine(r);
                auto f = familyOfLine.constFind(text);
                if (f == familyOfLine.cend()) {
                    const auto c = families.classify(text);
                    f = familyOfLine.insert(text, int8_t(c ? int(*c) : -1));
                }
                family = *f;
            }
            const uint64_t key = uint64_t(hasText ? t.texts.variantOf(r) : t.message[r]) << 10 |
                                 uint64_t(hasText) << 9 | uint64_t(roleOfHost[host]) << 5 | uint64_t(family + 1);
            auto it = slot.find(key);
            if (it == slot.end()) {
                QString text = programOf(t.strings.view(t.message[r]));
                if (hasText)
                    text += QStringLiteral(": ") +
                            QString::fromStdString(t.texts.templateText(t.strings, t.texts.templateOf(r)));
                const QString indexKey = QStringLiteral("%1|%2|%3").arg(roleOfHost[host]).arg(family).arg(text);
                int at = index.value(indexKey, -1);
                if (at < 0) {
                    at = int(tallies.size());
                    index.insert(indexKey, at);
                    Tally tally;
                    tally.activity.text = text;
                    tally.activity.role = HostRole(roleOfHost[host]);
                    if (family >= 0)
                        tally.activity.family = LogFamily(family);
                    tallies.push_back(std::move(tally));
                }
                it = slot.emplace(key, at).first;
            }
            Tally &tally = tallies[std::size_t(it->second)];
            TemplateActivity &a = tally.activity;
            if (!inWindow) {
                ++a.baselineCount;
                if (a.example.isEmpty())
                    a.example = t.messageLine(r);
                continue;
            }
            ++a.windowCount;
            tally.hosts.insert(hostName);
            if (!a.first || time < a.first) {
                a.first = time;
                a.example = t.messageLine(r);
            }
            a.last = std::max(a.last, time);
            if (a.source < 0 || a.source == si) {
                if (a.source < 0) {
                    a.source = si;
                    a.firstLine = t.line[r];
                    a.firstOffset = qint64(t.offset[r]);
                }
                a.lastLine = t.line[r];
                a.lastOffset = r + 1 < t.size() ? qint64(t.offset[r + 1]) : source.size;
            }
        }
    }
    for (const QString &h : std::as_const(hostsDuring))
        out.hostsLoggingThrough += hostsBefore.contains(h);

    const double tw = double(windowEnd - windowBegin);
    const double tb = double(std::max<int64_t>(0, windowBegin - baselineBegin));
    const double p = tw / (tw + tb);
    out.templatesCompared = int(tallies.size());
    out.threshold = options.alpha / std::max(1, out.templatesCompared);
    for (Tally &tally : tallies) {
        TemplateActivity &a = tally.activity;
        a.hosts = tally.hosts.values();
        a.hosts.sort();
        const int n = a.windowCount + a.baselineCount;
        if (a.windowCount > 0) {
            const double lambda = tb > 0 ? (a.baselineCount + 0.5) * tw / tb : 0;
            a.aboveUsual = lambda <= 0 ||
                           (a.windowCount + 0.5 >= 2 * lambda &&
                            boost::math::cdf(boost::math::complement(boost::math::poisson_distribution<double>(lambda),
                                                                     a.windowCount - 1)) <= 0.5);
        }
        if (tb <= 0 || p >= 1) { // no baseline: nothing can be tested, nothing is known to be new
            a.change = TemplateActivity::Change::Unbaselined;
        } else {
            const boost::math::binomial_distribution<double> h0(n, p);
            const double rise =
                a.windowCount > 0 ? boost::math::cdf(boost::math::complement(h0, a.windowCount - 1)) : 1;
            const double fall = boost::math::cdf(h0, a.windowCount);
            a.logLikelihoodRatio = logLikelihoodRatio(a.windowCount, a.baselineCount, p);
            if (a.baselineCount == 0) {
                a.change = TemplateActivity::Change::New;
                a.pValue = rise;
            } else if (rise < out.threshold) {
                a.change = TemplateActivity::Change::Burst;
                a.pValue = rise;
            } else if (fall < out.threshold) {
                a.change = TemplateActivity::Change::Stopped;
                a.pValue = fall;
            } else {
                a.pValue = rise;
            }
        }
        out.templates.push_back(std::move(a));
    }
    return out;
}

} // namespace inquest
