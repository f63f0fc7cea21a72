#pragma once

#include "stringpool.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace inquest {

// The message text of log events (the part after a syslog program tag) kept as data at low cost:
// each event stores the id of a message *variant* and the tokens that fill the variant's
// wildcards (ids in the table's StringPool). A message is split at single spaces, so joining the
// tokens with single spaces gives back the exact text (runs of spaces become empty tokens).
//
// A variant is a snapshot of a template: the template miner (ingest/logtemplates) widens a
// template as it sees more lines (a constant token turns into a wildcard); events encoded before
// that keep the variant they were encoded with, so every event rebuilds exactly. Each variant
// belongs to one *template* (a Drain cluster), the unit a frequency analysis counts.
class MessageTemplates
{
public:
    static constexpr uint32_t Wildcard = UINT32_MAX; // a token position filled by an argument
    static constexpr uint32_t NoText = 0;            // variant id of a row without text

    struct Variant
    {
        uint32_t templateId = 0;
        uint32_t wildcards = 0;
        std::vector<uint32_t> tokens; // pool ids, or Wildcard
        bool operator==(const Variant &) const = default;
    };

    // Per event row (may be shorter than the table: rows past the end have no text).
    std::vector<uint32_t> rowVariant;
    std::vector<uint32_t> rowArgsBegin; // index of the row's first argument in `args`
    // Pool ids, or InlineNumber | n for a token that is the plain decimal n (no sign, no leading
    // zero, below 2^31): pids, ports and counters would otherwise fill the pool with strings
    // that never repeat.
    std::vector<uint32_t> args;
    static constexpr uint32_t InlineNumber = 0x80000000u;
    // The argument for a token: inline when the token is such a number, else interned.
    static uint32_t argumentFor(std::string_view token, StringPool &pool);
    // Appends the argument's text.
    static void appendArgument(const StringPool &pool, uint32_t arg, std::string &out);
    // Variant 0 is the empty "no text" variant.
    std::vector<Variant> variants{Variant{}};
    // Per template: its current form, pool ids or Wildcard.
    std::vector<std::vector<uint32_t>> templates;

    bool empty() const { return rowVariant.empty(); }
    uint32_t variantOf(std::size_t row) const { return row < rowVariant.size() ? rowVariant[row] : NoText; }
    bool hasText(std::size_t row) const { return variantOf(row) != NoText; }
    // The template (cluster) id of the row's message, or UINT32_MAX for none.
    uint32_t templateOf(std::size_t row) const;
    // Sets the text of `row` (rows must be set in increasing order): `variant` and its arguments.
    void setRow(std::size_t row, uint32_t variant, const uint32_t *argIds, std::size_t count);
    // Pads the row columns to `rows` (rows without text), as a table's other columns are.
    void padTo(std::size_t rows);

    // The exact message text of `row` ("" when it has none).
    std::string text(const StringPool &pool, std::size_t row) const;
    void appendText(const StringPool &pool, std::size_t row, std::string &out) const;
    // A template as a person reads it: constants and "<*>".
    std::string templateText(const StringPool &pool, uint32_t templateId) const;

    // Appends other's rows (already `rowsBefore` rows in this table) with its pool ids mapped
    // through `remap`. Templates with the same tokens become one; variants likewise.
    void append(const MessageTemplates &other, const std::vector<uint32_t> &remap, std::size_t rowsBefore,
                std::size_t otherRows);
    // Merges each template into the most general other template of the same length that
    // covers it (every constant of that one is the same token here), so that one event type split
    // across import chunks, mined before and after its template widened, counts as one. Variants,
    // and so every row's exact text, stay as they are; template ids are renumbered.
    void mergeGeneralized();
    // Whether all ids are in range and the arguments fit the variants (for case files).
    bool consistent(std::size_t rows, uint32_t poolSize) const;
    // Recomputes rowArgsBegin from the variants (it is not stored).
    bool rebuildArgIndex();
    std::size_t memoryUsage() const;
    bool operator==(const MessageTemplates &) const = default;
};

} // namespace inquest
