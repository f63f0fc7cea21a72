#include "newsmetadata.h"
#include "ingest/timeconv.h"
#include "newstime.h"

#include "model/casedocument.h"
#include "model/commands.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace inquest::news {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("inquest::news", text); }

// The sentences the extractor takes a statement's times from: those of a direct quote's marks,
// or the reported sentence itself.
Span timeWindow(const Statement &s, const QList<Span> &sentences)
{
    auto sentenceAt = [&](qsizetype pos) {
        auto it = std::upper_bound(sentences.begin(), sentences.end(), pos,
                                   [](qsizetype p, const Span &sp) { return p < sp.begin; });
        return it == sentences.begin() ? qsizetype(0) : qsizetype(it - sentences.begin() - 1);
    };
    if (sentences.isEmpty())
        return {s.offset, s.offset + s.length};
    const qsizetype first = sentenceAt(s.direct ? s.offset - 1 : s.offset);
    const qsizetype last = sentenceAt(s.direct ? s.offset + s.length : s.offset + s.length - 1);
    return {qMin(s.offset, sentences[first].begin), qMax(s.offset + s.length, sentences[last].end)};
}

template <typename T>
void changeIfDifferent(CaseDocument *doc, Id id, T Source::*member, const T &value, QUndoCommand *parent)
{
    if (doc->find<Source>(id)->*member != value)
        new ChangeValueCommand<Source, T>(doc, id, member, value, parent->text(), parent);
}

} // namespace

ArticleMetadata ArticleMetadata::of(const Source &a)
{
    return {a.title, a.outlet, a.url, a.published, a.publishedTime, a.timeZone};
}

std::optional<qint64> publicationInstant(const Source &article)
{
    if (!article.published.isValid() || !article.publishedTime.isValid())
        return std::nullopt;
    auto zone = ZoneConverter::fromSpec(article.timeZone, nullptr);
    if (!zone)
        return std::nullopt;
    const qint64 civil = QDateTime(article.published, article.publishedTime, QTimeZone::utc()).toSecsSinceEpoch();
    return zone->toUtc(civil) * MicrosPerSecond;
}

QList<TimeRef> reresolveTimes(const Statement &s, const QList<TimeRef> &textTimes, const QList<Span> &sentences,
                              bool addUnresolved)
{
    auto at = [&](qint64 offset) -> const TimeRef * {
        auto it = std::lower_bound(textTimes.begin(), textTimes.end(), offset,
                                   [](const TimeRef &t, qint64 o) { return t.offset < o; });
        return it != textTimes.end() && it->offset == offset ? &*it : nullptr;
    };
    QList<TimeRef> out;
    for (const TimeRef &t : s.times) {
        if (t.manual || t.offset < 0) {
            out.append(t);
        } else if (const TimeRef *now = at(t.offset)) {
            out.append(*now);
        }
    }
    if (addUnresolved && s.offset >= 0) {
        const Span window = timeWindow(s, sentences);
        for (const TimeRef &t : textTimes) {
            const bool present =
                std::any_of(out.cbegin(), out.cend(), [&](const TimeRef &o) { return o.offset == t.offset; });
            if (t.offset >= window.begin && t.offset < window.end && !present)
                out.append(t);
        }
        // Text order, as the extractor gives them; hand-set times without an offset stay first.
        std::stable_sort(out.begin(), out.end(),
                         [](const TimeRef &a, const TimeRef &b) { return a.offset < b.offset; });
    }
    return out;
}

bool setArticleMetadata(CaseDocument *doc, Id sourceId, const ArticleMetadata &meta, QString *error)
{
    const Source *article = doc->find<Source>(sourceId);
    if (!article || article->kind != SourceKind::Article) {
        *error = tr("no such article");
        return false;
    }
    if (!ZoneConverter::fromSpec(meta.timeZone, error))
        return false;
    auto *step = new QUndoCommand(tr("Edit article details"));
    changeIfDifferent(doc, sourceId, &Source::title, meta.title, step);
    changeIfDifferent(doc, sourceId, &Source::outlet, meta.outlet, step);
    changeIfDifferent(doc, sourceId, &Source::url, meta.url, step);
    const QString zone = meta.timeZone.trimmed();
    const bool zoneChanged = article->timeZone != zone;
    changeIfDifferent(doc, sourceId, &Source::timeZone, zone, step);
    changeIfDifferent(doc, sourceId, &Source::publishedTime, meta.publishedTime, step);
    if (article->published != meta.published || zoneChanged) {
        // Both are what the article's times are read against: the date for relative and
        // year-less phrases, the zone for clock times that state none.
        if (article->published != meta.published)
            step->setText(tr("Change article date"));
        const QList<TimeRef> textTimes = findTimes(article->text, meta.published, zone);
        const QList<Span> sentences = splitSentences(article->text);
        const bool addUnresolved = !article->published.isValid();
        for (const Statement &s : doc->statements()) {
            if (s.sourceId != sourceId)
                continue;
            QList<TimeRef> times = reresolveTimes(s, textTimes, sentences, addUnresolved);
            if (times != s.times)
                new ChangeValueCommand<Statement, QList<TimeRef>>(doc, s.id, &Statement::times, std::move(times),
                                                                  step->text(), step);
        }
        changeIfDifferent(doc, sourceId, &Source::published, meta.published, step);
    }
    if (step->childCount() == 0) {
        delete step;
        return true;
    }
    doc->undoStack()->push(step);
    return true;
}

std::optional<TimeRef> parseTimeInput(QStringView input, const QByteArray &zone, std::optional<qint64> dayOf)
{
    QString text = input.trimmed().toString();
    TimeRef t;
    t.manual = true;
    if (text.startsWith(u'~')) {
        t.approximate = true;
        text.remove(0, 1);
    }
    if (text.endsWith(u'\u2026')) // the table's "more times" mark
        text.chop(1);
    text = text.trimmed();
    static const QRegularExpression periodSep(QStringLiteral("\\s*(?:\u2013|\u2014|/|\\s-\\s|\\s+to\\s+)\\s*"));
    const QStringList parts = text.split(periodSep);
    if (parts.isEmpty() || parts.size() > 2 || parts.first().isEmpty())
        return std::nullopt;
    // The zone of a time that states none (the display zone).
    const QTimeZone displayZone = zone == "UTC" ? QTimeZone::utc() : QTimeZone(zone);
    if (!displayZone.isValid())
        return std::nullopt;

    // One end: "yyyy-MM-dd", with "[ T]HH:mm[:ss]" and an offset, "Z" or "UTC". A period's zone
    // written once at its end ("21:15–21:45Z") is the zone of both ends.
    static const QRegularExpression end(
        QStringLiteral("^(?:(?<date>\\d{4}-\\d{2}-\\d{2})(?:[ "
                       "T]|$))?(?<time>\\d{1,2}:\\d{2}(?::\\d{2})?)?\\s*(?<zone>Z|UTC|GMT|[+-]\\d{2}:?\\d{2})?$"),
        QRegularExpression::CaseInsensitiveOption);
    auto zoneOf = [&displayZone](const QString &stated) -> std::optional<QTimeZone> {
        if (stated.isEmpty())
            return displayZone;
        if (stated == u"Z" || stated == u"UTC" || stated == u"GMT")
            return QTimeZone::utc();
        const QByteArray z = stated.toLatin1();
        const auto offset = parseUtcOffset(std::string_view(z.constData(), std::size_t(z.size())));
        return offset ? std::optional<QTimeZone>(QTimeZone(*offset)) : std::nullopt;
    };
    QString periodZone;
    if (parts.size() == 2)
        periodZone = end.match(parts.last()).captured(u"zone").toUpper();
    // `reference` (µs UTC) gives the date of a part that states none, as that date is in the
    // part's zone.
    auto read = [&](const QString &part, std::optional<qint64> reference, bool *dateOnly) -> std::optional<qint64> {
        const auto m = end.match(part);
        if (!m.hasMatch() || (!m.hasCaptured(u"date") && !m.hasCaptured(u"time")))
            return std::nullopt;
        const auto partZone = zoneOf(m.hasCaptured(u"zone") ? m.captured(u"zone").toUpper() : periodZone);
        if (!partZone)
            return std::nullopt;
        QDate date;
        if (m.hasCaptured(u"date"))
            date = QDate::fromString(m.captured(u"date"), Qt::ISODate);
        else if (reference)
            date = QDateTime::fromMSecsSinceEpoch(*reference / 1000, *partZone).date();
        if (!date.isValid())
            return std::nullopt;
        *dateOnly = !m.hasCaptured(u"time");
        QTime time(0, 0);
        if (m.hasCaptured(u"time")) {
            time =
                QTime::fromString(m.captured(u"time"), m.captured(u"time").count(u':') == 2 ? QStringLiteral("H:mm:ss")
                                                                                            : QStringLiteral("H:mm"));
            if (!time.isValid())
                return std::nullopt;
        }
        return QDateTime(date, time, *partZone).toMSecsSinceEpoch() * 1000;
    };
    bool dateOnly = false;
    const auto begin = read(parts.first(), dayOf, &dateOnly);
    if (!begin)
        return std::nullopt;
    t.begin = t.end = *begin;
    if (dateOnly)
        t.end = *begin + 86400 * MicrosPerSecond;
    if (parts.size() == 2) {
        // "2010-12-12 21:15–21:45Z": an end without a date is on the begin's day.
        bool endDateOnly = false;
        const auto e = read(parts.last(), *begin, &endDateOnly);
        if (!e)
            return std::nullopt;
        t.end = endDateOnly ? *e + 86400 * MicrosPerSecond : *e;
    }
    if (t.end < t.begin)
        return std::nullopt;
    return t;
}

bool setStatementTime(CaseDocument *doc, Id statementId, const QString &text, const QByteArray &zone)
{
    const Statement *s = doc->find<Statement>(statementId);
    if (!s)
        return false;
    QList<TimeRef> times;
    if (!text.trimmed().isEmpty()) {
        std::optional<qint64> dayOf;
        if (!s->times.isEmpty())
            dayOf = s->times.first().begin;
        else if (const Source *article = doc->find<Source>(s->sourceId); article && article->published.isValid())
            dayOf = QDateTime(article->published, QTime(12, 0), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;
        const auto typed = parseTimeInput(text, zone, dayOf);
        if (!typed)
            return false;
        times = s->times;
        if (times.isEmpty()) {
            times.append(*typed);
            times.first().phrase = text.trimmed();
        } else {
            TimeRef &first = times.first(); // corrects the phrase it was resolved from
            if (first.begin == typed->begin && first.end == typed->end && first.approximate == typed->approximate)
                return true; // typed back as it was: still the reading of the text, with its notes
            first.begin = typed->begin;
            first.end = typed->end;
            first.approximate = typed->approximate;
            first.manual = true;
            first.assumedZone.clear(); // the analyst's time is in the zone typed, or the display zone
        }
    }
    edit::setValue(doc, statementId, &Statement::times, times, tr("Edit statement time"));
    return true;
}

} // namespace inquest::news
