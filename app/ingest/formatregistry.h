#pragma once

#include "logreader.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace inquest {

// Every log format Inquest reads, in one place: `inquest formats`, the Import dialog's format
// box and sniffing all go through it.
class FormatRegistry
{
public:
    struct Guess
    {
        const LogReader *reader = nullptr;
        double confidence = 0.0;
    };

    static const FormatRegistry &instance();

    const std::vector<std::unique_ptr<LogReader>> &readers() const { return m_readers; }
    const LogReader *find(const QString &name) const;
    QStringList names() const;
    // Every reader's confidence for the sample, best first (ties keep registry order).
    std::vector<Guess> sniff(const std::vector<std::string_view> &lines) const;

    // A guess is trusted from this confidence on.
    static constexpr double MinConfidence = 0.3;

private:
    FormatRegistry();
    std::vector<std::unique_ptr<LogReader>> m_readers;
};

// Splits the start of a file into at most maxLines lines (without CR/LF), for sniffing.
std::vector<std::string_view> firstLines(std::string_view data, std::size_t maxLines);

// Lines to sniff a format from: up to maxLines lines of at most maxLineBytes each from the first
// maxScanBytes of data. Longer lines are skipped (counted in *skipped), so a megabyte-long first
// line does not hide the format of the lines after it.
std::vector<std::string_view> sampleLines(std::string_view data, std::size_t maxLines, std::size_t maxLineBytes,
                                          std::size_t maxScanBytes, std::size_t *skipped);

} // namespace inquest
