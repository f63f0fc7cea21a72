#pragma once

#include "model/eventtable.h"

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace inquest {

// Mines message templates online and stores each message in EventTable::texts as a variant id
// plus the tokens that fill its wildcards (model/messagetemplates.h).
//
// Method: Drain (He, Zhu, Zheng, Lyu, "Drain: An Online Log Parsing Approach with Fixed Depth
// Tree", ICWS 2017). A message is split at single spaces (so the text rebuilds exactly); tokens
// that look like values (numbers, IP addresses, hex, times: digits with hex letters and
// separators only) are masked. A fixed-depth tree keyed by the token count and then the first
// PrefixTokens tokens (a masked token, or one past MaxChildren siblings, goes under "<*>") leads
// to a short list of templates; the most similar one (share of positions that agree, masked
// tokens agreeing with a wildcard) is taken if the share reaches the threshold, and the
// positions that differ become wildcards; otherwise the message starts a new template. Why
// Drain: one pass, no training, a bounded amount of work per line (a few hash lookups and one
// comparison per candidate), and it is deterministic for a given line order, which the import
// keeps.
class LogTemplateMiner
{
public:
    static constexpr double Similarity = 0.5;
    static constexpr int PrefixTokens = 2;
    static constexpr std::size_t MaxChildren = 100;

    LogTemplateMiner();
    ~LogTemplateMiner();
    LogTemplateMiner(const LogTemplateMiner &) = delete;
    LogTemplateMiner &operator=(const LogTemplateMiner &) = delete;

    // Gives `row` of `table` the message `text` (rows in increasing order). An empty text
    // leaves the row without text. Handed another table (the next chunk of a file), the miner
    // keeps what it learnt and writes each template into that table when first used there.
    void add(EventTable &table, std::size_t row, std::string_view text);

    // Whether a token is masked as a value (exposed for tests).
    static bool looksVariable(std::string_view token);

private:
    struct Cluster
    {
        std::vector<std::string> tokens; // "" with wild[i] set for a wildcard
        std::vector<uint8_t> wild;
        uint64_t generation = 0;    // the table it was last written to (m_generation)
        uint32_t localTemplate = 0; // its template id in that table
        uint32_t variant = 0;       // its current variant there
    };
    struct Node;

    std::vector<uint32_t> &leafFor(std::size_t count);
    uint32_t newCluster();
    void publish(EventTable &table, uint32_t cluster);

    EventTable *m_table = nullptr;
    uint64_t m_generation = 0;
    std::size_t m_templatesInTable = 0; // what the table held after the miner last wrote to it
    std::unique_ptr<Node> m_root;
    std::vector<Cluster> m_clusters;
    // Per line, reused: its tokens and which of them are masked.
    std::vector<std::string_view> m_tokens;
    std::vector<uint8_t> m_masked;
    std::vector<uint32_t> m_args;
};

} // namespace inquest
