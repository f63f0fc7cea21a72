#include "syslogsignaturedetector.h"

#include <QSet>

#include <array>

namespace inquest {

namespace {

constexpr int64_t Minute = 60'000'000;

struct Hits
{
    int count = 0;
    int64_t first = INT64_MAX;
    int64_t last = INT64_MIN;
    QSet<QString> hosts;
    QStringList examples;
    bool strongAttack = false;
    // Provenance: the source of the first hit and its line/offset range.
    int source = -1;
    qint64 firstLine = 0, lastLine = 0, firstOffset = -1, lastOffset = -1;
};

QString duration(int64_t us)
{
    const int64_t s = (us < 0 ? -us : us) / 1'000'000;
    return s >= 60 ? QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60) : QStringLiteral("%1 s").arg(s);
}

} // namespace

SyslogSignatureDetector::SyslogSignatureDetector()
{
    const auto ci = QRegularExpression::CaseInsensitiveOption;
    m_patterns = {
        {Category::Hardware,
         QRegularExpression(
             QStringLiteral(
                 R"(%LINK-\d-UPDOWN.*\bdown\b|LINEPROTO-\d-UPDOWN.*\bdown\b|link is down|link[ _]down|link flap|)"
                 R"(Tx Unit Hang|\bNIC\b.*(error|fail|reset)|\bEDAC\b|machine check|hardware error|\bECC\b|)"
                 R"(PSFAIL|power supply.*(fail|lost)|\bPSU\b.*fail|fabric.*(error|fail)|\bRAID\b.*(degraded|fail)|)"
                 R"(md/raid.*(degraded|fail)|I/O error|unreadable.*sectors|uncorrectable|SMART.*fail|fan.*fail|)"
                 R"(over.?temperature)"),
             ci)},
        {Category::Network,
         QRegularExpression(
             QStringLiteral(R"(BGP-\d-ADJCHANGE.*\bDown\b|%BGP-\d-NOTIFICATION|hold time expired|)"
                            R"(withdraw(ing|n)? route|route withdrawn|resolving '.*': |SERVFAIL|)"
                            R"(name resolution fail|DNS.*(timeout|fail)|network unreachable|OSPF.*(DOWN|down))"),
             ci)},
        {Category::Change,
         QRegularExpression(QStringLiteral(R"(deploy(ing|ed)? (release|build|version)|release \S+ activated|)"
                                           R"(roll(ing)? back|rollback|graceful restart|SIGUSR1|SIGHUP|)"
                                           R"(configured from|CONFIG_I|config(uration)? (re)?load|reloading|)"
                                           R"(restart(ing|ed)? (the )?(service|daemon|server))"),
                            ci)},
        {Category::Attack,
         QRegularExpression(QStringLiteral(R"(SYN flood|conntrack.*table full|table full, dropping packet|)"
                                           R"(limiting requests|rate.?limit|blacklisting address|possible DoS|DDoS)"),
                            ci)},
    };
    m_rateLimit = QRegularExpression(QStringLiteral(R"(limiting requests|rate.?limit)"), ci);
}

QJsonObject SyslogSignatureDetector::parameters() const
{
    return {{QStringLiteral("lookbackMinutes"), params.lookbackMinutes},
            {QStringLiteral("leadMinutes"), params.leadMinutes}};
}

std::optional<SyslogSignatureDetector::Category> SyslogSignatureDetector::classify(const QString &message) const
{
    for (const auto &[category, pattern] : m_patterns) {
        if (pattern.match(message).hasMatch())
            return category;
    }
    return std::nullopt;
}

bool SyslogSignatureDetector::isRateLimitOnly(const QString &message) const
{
    return m_rateLimit.match(message).hasMatch();
}

void SyslogSignatureDetector::run(AnalysisContext &context, DetectorOutput &out) const
{
    using K = HypothesisKind;
    using R = Rating;
    const CaseData &data = context.data;
    for (const Incident &inc : context.incidents) {
        const int64_t from = inc.begin - params.lookbackMinutes * Minute;
        std::array<Hits, 4> hits;
        for (int si = 0; si < data.sources.size(); ++si) {
            const Source &source = data.sources[si];
            if (!isSystemLog(source))
                continue;
            const EventTable &t = *source.table;
            // What a line says: its program tag and message text (EventTable::texts, rebuilt from
            // its template), else the tag alone for tables without text. Classified once per
            // template variant (its constant words carry the meaning; variables are numbers and
            // addresses), else once per tag.
            const bool withText = !t.texts.empty();
            const auto textOf = [&](std::size_t r) {
                return withText && t.texts.hasText(r) ? t.messageLine(r)
                                                      : QString::fromUtf8(t.strings.bytes(t.message[r]));
            };
            std::vector<int8_t> byTag(t.strings.size(), -2); // -2 unknown, -1 none, else category (+4: strong attack)
            std::vector<int8_t> byVariant(withText ? t.texts.variants.size() : 0, -2);
            for (std::size_t r = 0; r < t.size(); ++r) {
                if (t.time[r] < from || t.time[r] >= inc.end)
                    continue;
                const bool variant = withText && t.texts.hasText(r);
                int8_t &c = variant ? byVariant[t.texts.variantOf(r)] : byTag[t.message[r]];
                if (c == -2) {
                    const QString text = textOf(r);
                    const auto category = classify(text);
                    c = category
                            ? int8_t(int(*category) + (*category == Category::Attack && !isRateLimitOnly(text) ? 4 : 0))
                            : -1;
                }
                if (c < 0)
                    continue;
                Hits &h = hits[std::size_t(c % 4)];
                h.strongAttack |= c >= 4;
                ++h.count;
                if (t.time[r] < h.first) {
                    h.first = t.time[r];
                }
                h.last = std::max(h.last, t.time[r]);
                h.hosts.insert(QString::fromUtf8(t.strings.bytes(t.host[r])));
                const QString text = textOf(r);
                if (h.examples.size() < 3 && !h.examples.contains(text))
                    h.examples.append(text);
                if (h.source < 0 || h.source == si) {
                    if (h.source < 0) {
                        h.source = si;
                        h.firstLine = t.line[r];
                        h.firstOffset = qint64(t.offset[r]);
                    }
                    h.lastLine = t.line[r];
                    h.lastOffset = r + 1 < t.size() ? qint64(t.offset[r + 1]) : source.size;
                }
            }
        }

        static const char16_t *Names[] = {u"Hardware faults", u"Network faults", u"Changes", u"Attack signs"};
        for (int c = 0; c < 4; ++c) {
            const Hits &h = hits[std::size_t(c)];
            if (!h.count)
                continue;
            const int64_t lead = h.first - inc.begin;
            const bool first = lead <= params.leadMinutes * Minute;
            const QString order = lead <= 0 ? QStringLiteral("%1 before the errors began").arg(duration(lead))
                                            : QStringLiteral("%1 after the errors began").arg(duration(lead));
            QStringList hosts = h.hosts.values();
            hosts.sort();
            QMap<HypothesisKind, Rating> r;
            switch (Category(c)) {
            case Category::Hardware:
                r = first ? ratings({{K::Hardware, R::CC}, {K::Ddos, R::I}, {K::FlashCrowd, R::I}})
                          : ratings({{K::Hardware, R::C}});
                break;
            case Category::Network:
                r = first ? ratings({{K::Network, R::CC}, {K::FlashCrowd, R::I}}) : ratings({{K::Network, R::C}});
                break;
            case Category::Change:
                // A change during the outage is more often the response than the cause.
                r = lead <= 2 * Minute ? ratings({{K::Change, R::CC}}) : ratings({});
                break;
            case Category::Attack:
                r = h.strongAttack ? ratings({{K::Ddos, R::CC}, {K::FlashCrowd, R::I}, {K::Hardware, R::I}})
                                   : ratings({{K::Ddos, R::C}, {K::Hardware, R::I}});
                break;
            }
            Evidence e = suggest(
                QStringLiteral("%1 in the system log (%2 message(s))").arg(QString::fromUtf16(Names[c])).arg(h.count),
                QStringLiteral("%1 message(s) from %2 to %3 on %4, the first %5 (outage from %6). Examples: %7")
                    .arg(h.count)
                    .arg(formatUtc(h.first), formatUtc(h.last, false), hosts.join(QStringLiteral(", ")), order,
                         formatUtc(inc.begin, false), h.examples.join(QStringLiteral(" | "))),
                r);
            const Source &src = data.sources[h.source];
            if (!src.sha256.isEmpty()) {
                e.provenance.sourceId = src.id;
                e.provenance.sourceSha256 = src.sha256;
                e.provenance.firstLine = h.firstLine;
                e.provenance.lastLine = h.lastLine;
                e.provenance.offsetBegin = h.firstOffset;
                e.provenance.offsetEnd = h.lastOffset;
            }
            e.provenance.timeBegin = h.first;
            e.provenance.timeEnd = std::max(h.last, h.first + 1'000'000);
            e.provenance.metric = QStringLiteral("syslog");
            out.evidence.append(e);
        }
    }
}

} // namespace inquest
