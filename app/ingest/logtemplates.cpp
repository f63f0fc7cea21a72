#include "logtemplates.h"

#include <array>
#include <cstring>

namespace inquest {

namespace {
struct TokenHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
constexpr std::string_view WildKey = "<*>";
} // namespace

struct LogTemplateMiner::Node
{
    std::unordered_map<std::size_t, std::unique_ptr<Node>> byLength; // the root only
    std::unordered_map<std::string, std::unique_ptr<Node>, TokenHash, std::equal_to<>> children;
    std::vector<uint32_t> clusters; // leaves only
};

LogTemplateMiner::LogTemplateMiner()
    : m_root(std::make_unique<Node>())
{
}
LogTemplateMiner::~LogTemplateMiner() = default;

namespace {
// Per byte: 2 for a digit, 1 for what else a value may hold (hex letters, separators), 0 else.
constexpr std::array<uint8_t, 256> ValueBytes = [] {
    std::array<uint8_t, 256> t{};
    for (char c = '0'; c <= '9'; ++c)
        t[uint8_t(c)] = 2;
    for (char c : std::string_view("abcdefABCDEF.:-/_x,#[]()=+"))
        t[uint8_t(c)] = 1;
    return t;
}();
} // namespace

bool LogTemplateMiner::looksVariable(std::string_view token)
{
    uint8_t seen = 0;
    for (char c : token) {
        const uint8_t kind = ValueBytes[uint8_t(c)];
        if (!kind)
            return false;
        seen |= kind;
    }
    return seen & 2;
}

std::vector<uint32_t> &LogTemplateMiner::leafFor(std::size_t count)
{
    std::unique_ptr<Node> &byCount = m_root->byLength[count];
    if (!byCount)
        byCount = std::make_unique<Node>();
    Node *node = byCount.get();
    const std::size_t depth = std::min<std::size_t>(count, PrefixTokens);
    for (std::size_t i = 0; i < depth; ++i) {
        std::string_view key = m_masked[i] ? WildKey : m_tokens[i];
        auto it = node->children.find(key);
        if (it == node->children.end()) {
            if (node->children.size() >= MaxChildren)
                key = WildKey;
            it = node->children.find(key);
            if (it == node->children.end())
                it = node->children.emplace(std::string(key), std::make_unique<Node>()).first;
        }
        node = it->second.get();
    }
    return node->clusters;
}

// Writes the cluster's current form to the table as its template and a new variant.
void LogTemplateMiner::publish(EventTable &table, uint32_t cluster)
{
    Cluster &c = m_clusters[cluster];
    if (c.generation != m_generation) {
        c.generation = m_generation;
        c.localTemplate = uint32_t(table.texts.templates.size());
        table.texts.templates.emplace_back();
    }
    MessageTemplates::Variant v;
    v.templateId = c.localTemplate;
    v.tokens.reserve(c.tokens.size());
    for (std::size_t i = 0; i < c.tokens.size(); ++i) {
        v.tokens.push_back(c.wild[i] ? MessageTemplates::Wildcard : table.strings.intern(c.tokens[i]));
        v.wildcards += c.wild[i];
    }
    table.texts.templates[c.localTemplate] = v.tokens;
    c.variant = uint32_t(table.texts.variants.size());
    table.texts.variants.push_back(std::move(v));
    m_templatesInTable = table.texts.templates.size();
}

uint32_t LogTemplateMiner::newCluster()
{
    const auto id = uint32_t(m_clusters.size());
    Cluster c;
    c.tokens.reserve(m_tokens.size());
    for (std::size_t i = 0; i < m_tokens.size(); ++i)
        c.tokens.emplace_back(m_masked[i] ? std::string_view() : m_tokens[i]);
    c.wild = m_masked;
    m_clusters.push_back(std::move(c));
    return id;
}

void LogTemplateMiner::add(EventTable &table, std::size_t row, std::string_view text)
{
    if (text.empty())
        return;
    if (&table != m_table || table.texts.templates.size() != m_templatesInTable) {
        m_table = &table; // another table: templates are written to it afresh when used
        ++m_generation;
        m_templatesInTable = table.texts.templates.size();
    }
    m_tokens.clear();
    m_masked.clear();
    for (std::size_t pos = 0;;) {
        const void *space = std::memchr(text.data() + pos, ' ', text.size() - pos);
        const std::size_t end = space ? std::size_t(static_cast<const char *>(space) - text.data()) : text.size();
        const std::string_view token = text.substr(pos, end - pos);
        m_tokens.push_back(token);
        m_masked.push_back(looksVariable(token));
        if (!space)
            break;
        pos = end + 1;
    }
    const std::size_t n = m_tokens.size();
    std::vector<uint32_t> &leaf = leafFor(n);

    // The most similar template of the leaf; on a tie the one with fewer wildcards, then the older.
    uint32_t best = UINT32_MAX;
    std::size_t bestSame = 0, bestWild = 0;
    for (uint32_t id : leaf) {
        const Cluster &c = m_clusters[id];
        std::size_t same = 0, wild = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (c.wild[i]) {
                ++wild;
                same += m_masked[i];
            } else {
                same += c.tokens[i] == m_tokens[i];
            }
        }
        if (best == UINT32_MAX || same > bestSame || (same == bestSame && wild < bestWild)) {
            best = id;
            bestSame = same;
            bestWild = wild;
        }
    }
    bool changed = false;
    if (best == UINT32_MAX || double(bestSame) < Similarity * double(n)) {
        best = newCluster();
        leaf.push_back(best);
        changed = true;
    } else {
        Cluster &c = m_clusters[best];
        for (std::size_t i = 0; i < n; ++i) {
            if (!c.wild[i] && (m_masked[i] || c.tokens[i] != m_tokens[i])) {
                c.wild[i] = 1;
                c.tokens[i].clear();
                changed = true;
            }
        }
    }
    if (changed || m_clusters[best].generation != m_generation)
        publish(table, best);
    const Cluster &c = m_clusters[best];
    m_args.clear();
    for (std::size_t i = 0; i < n; ++i) {
        if (c.wild[i])
            m_args.push_back(MessageTemplates::argumentFor(m_tokens[i], table.strings));
    }
    table.texts.setRow(row, c.variant, m_args.data(), m_args.size());
}

} // namespace inquest
