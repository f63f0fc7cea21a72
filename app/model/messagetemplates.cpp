#include "messagetemplates.h"

#include <algorithm>
#include <charconv>
#include <map>

namespace inquest {

namespace {
template <typename T> std::size_t bytesOf(const std::vector<T> &v) { return v.capacity() * sizeof(T); }
} // namespace

uint32_t MessageTemplates::argumentFor(std::string_view token, StringPool &pool)
{
    if (!token.empty() && token.size() <= 9 && (token[0] != '0' || token.size() == 1)) {
        uint32_t value = 0;
        bool digits = true;
        for (char c : token) {
            digits = digits && c >= '0' && c <= '9';
            value = value * 10 + uint32_t(c - '0');
        }
        if (digits)
            return InlineNumber | value;
    }
    return pool.intern(token);
}

void MessageTemplates::appendArgument(const StringPool &pool, uint32_t arg, std::string &out)
{
    if (arg & InlineNumber) {
        char digits[12];
        const auto end = std::to_chars(digits, digits + sizeof digits, arg & ~InlineNumber).ptr;
        out.append(digits, std::size_t(end - digits));
    } else {
        out += pool.view(arg);
    }
}

uint32_t MessageTemplates::templateOf(std::size_t row) const
{
    const uint32_t v = variantOf(row);
    return v == NoText ? UINT32_MAX : variants[v].templateId;
}

void MessageTemplates::padTo(std::size_t rows)
{
    if (rowVariant.size() < rows) {
        rowVariant.resize(rows, NoText);
        rowArgsBegin.resize(rows, uint32_t(args.size()));
    }
}

void MessageTemplates::setRow(std::size_t row, uint32_t variant, const uint32_t *argIds, std::size_t count)
{
    padTo(row);
    rowVariant.push_back(variant);
    rowArgsBegin.push_back(uint32_t(args.size()));
    args.insert(args.end(), argIds, argIds + count);
}

void MessageTemplates::appendText(const StringPool &pool, std::size_t row, std::string &out) const
{
    const uint32_t v = variantOf(row);
    if (v == NoText)
        return;
    const uint32_t *arg = args.data() + rowArgsBegin[row];
    bool first = true;
    for (uint32_t token : variants[v].tokens) {
        if (!first)
            out += ' ';
        first = false;
        if (token == Wildcard)
            appendArgument(pool, *arg++, out);
        else
            out += pool.view(token);
    }
}

std::string MessageTemplates::text(const StringPool &pool, std::size_t row) const
{
    std::string out;
    appendText(pool, row, out);
    return out;
}

std::string MessageTemplates::templateText(const StringPool &pool, uint32_t templateId) const
{
    std::string out;
    if (templateId >= templates.size())
        return out;
    for (std::size_t i = 0; i < templates[templateId].size(); ++i) {
        if (i)
            out += ' ';
        const uint32_t token = templates[templateId][i];
        out += token == Wildcard ? std::string_view("<*>") : pool.view(token);
    }
    return out;
}

void MessageTemplates::append(const MessageTemplates &other, const std::vector<uint32_t> &remap, std::size_t rowsBefore,
                              std::size_t otherRows)
{
    if (other.empty()) {
        if (!empty())
            padTo(rowsBefore + otherRows);
        return;
    }
    const auto mapTokens = [&remap](std::vector<uint32_t> tokens) {
        for (uint32_t &t : tokens)
            t = t == Wildcard ? Wildcard : remap[t];
        return tokens;
    };
    // Templates and variants are few next to events: a sorted index per merge is cheap.
    std::map<std::vector<uint32_t>, uint32_t> templateIndex;
    for (uint32_t i = 0; i < templates.size(); ++i)
        templateIndex.emplace(templates[i], i);
    std::vector<uint32_t> templateMap(other.templates.size());
    for (std::size_t i = 0; i < other.templates.size(); ++i) {
        auto tokens = mapTokens(other.templates[i]);
        const auto [it, added] = templateIndex.emplace(tokens, uint32_t(templates.size()));
        if (added)
            templates.push_back(std::move(tokens));
        templateMap[i] = it->second;
    }
    std::map<std::pair<uint32_t, std::vector<uint32_t>>, uint32_t> variantIndex;
    for (uint32_t i = 1; i < variants.size(); ++i)
        variantIndex.emplace(std::pair(variants[i].templateId, variants[i].tokens), i);
    std::vector<uint32_t> variantMap(other.variants.size(), NoText);
    for (std::size_t i = 1; i < other.variants.size(); ++i) {
        const Variant &v = other.variants[i];
        auto key = std::pair(templateMap[v.templateId], mapTokens(v.tokens));
        const auto [it, added] = variantIndex.emplace(key, uint32_t(variants.size()));
        if (added)
            variants.push_back({key.first, v.wildcards, std::move(key.second)});
        variantMap[i] = it->second;
    }
    padTo(rowsBefore);
    const uint32_t argBase = uint32_t(args.size());
    for (std::size_t r = 0; r < otherRows; ++r) {
        rowVariant.push_back(variantMap[other.variantOf(r)]);
        rowArgsBegin.push_back(argBase +
                               (r < other.rowArgsBegin.size() ? other.rowArgsBegin[r] : uint32_t(other.args.size())));
    }
    args.reserve(args.size() + other.args.size());
    for (uint32_t id : other.args)
        args.push_back(id & InlineNumber ? id : remap[id]);
}

namespace {
// Whether `general` covers `specific`: same length, and each constant of `general` is there too.
bool covers(const std::vector<uint32_t> &general, const std::vector<uint32_t> &specific)
{
    if (general.size() != specific.size() || general == specific)
        return false;
    for (std::size_t i = 0; i < general.size(); ++i) {
        if (general[i] != MessageTemplates::Wildcard && general[i] != specific[i])
            return false;
    }
    return true;
}
std::size_t wildcardsOf(const std::vector<uint32_t> &tokens)
{
    return std::size_t(std::count(tokens.begin(), tokens.end(), MessageTemplates::Wildcard));
}
// Templates compared pairwise per length; a length with more than this is left as it is.
constexpr std::size_t MaxGroup = 4096;
} // namespace

void MessageTemplates::mergeGeneralized()
{
    std::map<std::size_t, std::vector<uint32_t>> byLength;
    for (uint32_t i = 0; i < templates.size(); ++i)
        byLength[templates[i].size()].push_back(i);
    std::vector<uint32_t> into(templates.size());
    for (uint32_t i = 0; i < into.size(); ++i)
        into[i] = i;
    bool merged = false;
    for (const auto &[length, group] : byLength) {
        if (group.size() < 2 || group.size() > MaxGroup)
            continue;
        for (uint32_t a : group) {
            // The most general cover, the older on a tie: deterministic, and a fixed point.
            uint32_t best = a;
            for (uint32_t b : group) {
                if (covers(templates[b], templates[a]) &&
                    (best == a || wildcardsOf(templates[b]) > wildcardsOf(templates[best])))
                    best = b;
            }
            into[a] = best;
            merged = merged || best != a;
        }
    }
    if (!merged)
        return;
    // Follow chains (a → b → c) to their end, then renumber the templates that remain.
    for (uint32_t &target : into) {
        while (into[target] != target)
            target = into[target];
    }
    std::vector<uint32_t> renumber(templates.size(), UINT32_MAX);
    std::vector<std::vector<uint32_t>> kept;
    for (uint32_t i = 0; i < templates.size(); ++i) {
        if (into[i] == i) {
            renumber[i] = uint32_t(kept.size());
            kept.push_back(std::move(templates[i]));
        }
    }
    templates = std::move(kept);
    for (std::size_t v = 1; v < variants.size(); ++v)
        variants[v].templateId = renumber[into[variants[v].templateId]];
}

bool MessageTemplates::rebuildArgIndex()
{
    rowArgsBegin.resize(rowVariant.size());
    std::size_t next = 0;
    for (std::size_t r = 0; r < rowVariant.size(); ++r) {
        if (rowVariant[r] >= variants.size() || next > UINT32_MAX)
            return false;
        rowArgsBegin[r] = uint32_t(next);
        next += variants[rowVariant[r]].wildcards;
    }
    return next == args.size();
}

bool MessageTemplates::consistent(std::size_t rows, uint32_t poolSize) const
{
    if (rowVariant.size() > rows || rowArgsBegin.size() != rowVariant.size())
        return false;
    const auto tokensOk = [poolSize](const std::vector<uint32_t> &tokens) {
        for (uint32_t t : tokens) {
            if (t != Wildcard && t >= poolSize)
                return false;
        }
        return true;
    };
    for (const auto &t : templates) {
        if (!tokensOk(t))
            return false;
    }
    for (std::size_t i = 1; i < variants.size(); ++i) {
        const Variant &v = variants[i];
        uint32_t wild = 0;
        for (uint32_t t : v.tokens)
            wild += t == Wildcard;
        if (v.templateId >= templates.size() || wild != v.wildcards || !tokensOk(v.tokens))
            return false;
    }
    for (uint32_t id : args) {
        if (!(id & InlineNumber) && id >= poolSize)
            return false;
    }
    std::size_t next = 0;
    for (std::size_t r = 0; r < rowVariant.size(); ++r) {
        if (rowVariant[r] >= variants.size() || rowArgsBegin[r] != next)
            return false;
        next += variants[rowVariant[r]].wildcards;
    }
    return next == args.size();
}

std::size_t MessageTemplates::memoryUsage() const
{
    std::size_t total = bytesOf(rowVariant) + bytesOf(rowArgsBegin) + bytesOf(args) + bytesOf(variants);
    for (const Variant &v : variants)
        total += bytesOf(v.tokens);
    for (const auto &t : templates)
        total += bytesOf(t);
    return total;
}

} // namespace inquest
