#pragma once

#include "newswords.h"

#include <QRegularExpression>
#include <QStringView>

// The scan for time expressions behind findTimes() (newstime.h): the expressions, and the search
// that tries the scanning one only where a match can begin.
namespace inquest::news::timescan {

// The one expression that finds time expressions (groups dur, rel, ct, dt), and the ones that
// parse the clock, date and weekday pieces of a match afterwards.
const QRegularExpression &scanner();
// scanner() made to match only at the offset given (same groups): the one the scan uses on text
// that allows it; taking group numbers from it spares compiling scanner() itself.
const QRegularExpression &anchoredScanner();
const QRegularExpression &clockPart();
const QRegularExpression &datePart();
const QRegularExpression &weekdayPart();

// Whether `t` has the ASCII `word` at i (without ASCII case when `caseless`).
inline bool startsWithAscii(QStringView t, qsizetype i, const char *word, bool caseless)
{
    for (qsizetype k = 0; word[k]; ++k, ++i) {
        if (i >= t.size())
            return false;
        const char16_t c = t[i].unicode();
        if (!(c == char16_t(word[k]) || (caseless && isAsciiLetter(c) && (c | 0x20) == char16_t(word[k]))))
            return false;
    }
    return true;
}

// Pre-checks: without them datePart(), weekdayPart() and clockPart() cannot match `s`.
bool mayHoldDate(QStringView s);
bool mayHoldWeekday(QStringView s);
bool mayHoldClock(QStringView s);

// The matches scanner().globalMatch(text) gives, in order, found by trying the expression only
// at the places a match can begin.
class ScannerMatches
{
public:
    explicit ScannerMatches(QStringView text);
    bool next(QRegularExpressionMatch *m);

private:
    // Possible starts of a match whose first anchor is at a, in descending order.
    int candidates(qsizetype a, qsizetype *out) const;

    QStringView m_text;
    qsizetype m_pos = 0;
    bool m_full = false;
    QRegularExpressionMatchIterator m_it;
};

} // namespace inquest::news::timescan
