#include "newsaccuracy.h"
#include "newsimport.h"

#include "model/isotime.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace inquest::news {

void PatternScore::add(const PatternScore &o)
{
    expected += o.expected;
    found += o.found;
    partyRight += o.partyRight;
    timesExpected += o.timesExpected;
    timesRight += o.timesRight;
    timesWrong += o.timesWrong;
    notesExpected += o.notesExpected;
    notesRight += o.notesRight;
    stanceExpected += o.stanceExpected;
    stanceRight += o.stanceRight;
    stanceWrong += o.stanceWrong;
}

namespace {

// Quote marks and apostrophes as plain ASCII, spaces simplified: the sidecars are typed by hand.
QString normalised(QString s)
{
    for (QChar &c : s) {
        if (c == u'\u201C' || c == u'\u201D')
            c = u'"';
        else if (c == u'\u2018' || c == u'\u2019')
            c = u'\'';
    }
    return s.simplified();
}

bool oneOf(const QString &alternatives, const QString &value)
{
    const QStringList list = alternatives.split(u'|');
    return std::any_of(list.begin(), list.end(),
                       [&](const QString &a) { return a.compare(value, Qt::CaseInsensitive) == 0; });
}

QString isoOf(const TimeRef &t) { return t.isPeriod() ? isoUtc(t.begin) + u'/' + isoUtc(t.end) : isoUtc(t.begin); }

// +1 for, -1 against, 0 no claim.
int polarity(Rating r)
{
    if (r == Rating::C || r == Rating::CC)
        return 1;
    if (r == Rating::I || r == Rating::II)
        return -1;
    return 0;
}

QString articleBeside(const QFileInfo &sidecar)
{
    for (const char *suffix : {"txt", "html", "htm", "md"}) {
        const QString path = sidecar.path() + u'/' + sidecar.completeBaseName() + u'.' + QLatin1String(suffix);
        if (QFileInfo::exists(path))
            return path;
    }
    return {};
}

void scoreArticle(const QString &name, const QByteArray &raw, const QJsonObject &answer, AccuracyReport &report)
{
    const NewsImport import = importNewsData(raw, name, {});
    const QList<Statement> &rows = import.statements;
    ++report.articles;
    report.rows += int(rows.size());
    auto miss = [&](const QString &what) { report.misses.append(name + QStringLiteral(": ") + what); };

    auto checkMeta = [&](const char *key, const QString &actual) {
        const QString want = answer.value(QLatin1String(key)).toString();
        if (want.isEmpty())
            return;
        ++report.metadataChecks;
        if (want == actual)
            ++report.metadataRight;
        else
            miss(QStringLiteral("%1 is \"%2\", not \"%3\"").arg(QLatin1String(key), actual, want));
    };
    checkMeta("title", import.source.title);
    checkMeta("url", import.source.url);
    checkMeta("published", import.source.published.toString(Qt::ISODate));

    QList<bool> real(rows.size(), false);
    const QJsonArray expected = answer.value(QStringLiteral("statements")).toArray();
    for (const QJsonValue &v : expected) {
        const QJsonObject e = v.toObject();
        PatternScore score;
        score.expected = 1;
        const QString words = normalised(e.value(QStringLiteral("quote")).toString());
        qsizetype at = -1;
        for (qsizetype i = 0; i < rows.size() && at < 0; ++i) {
            if (normalised(rows[i].quote).contains(words, Qt::CaseInsensitive))
                at = i;
        }
        const QString pattern = e.value(QStringLiteral("pattern")).toString();
        if (at < 0) {
            miss(QStringLiteral("[%1] not found: \"%2\"").arg(pattern, words));
            report.patterns[pattern].add(score);
            continue;
        }
        const Statement &s = rows[at];
        score.found = 1;
        const bool party = oneOf(e.value(QStringLiteral("speaker")).toString(), s.speaker) &&
                           oneOf(e.value(QStringLiteral("organisation")).toString(), s.organisation);
        score.partyRight = party ? 1 : 0;
        if (!party)
            miss(
                QStringLiteral("[%1] party \"%2\" / \"%3\" for \"%4\"").arg(pattern, s.speaker, s.organisation, words));
        // Every row holding the words is that statement (a quote split in two, a repeat).
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (party && normalised(rows[i].quote).contains(words, Qt::CaseInsensitive) &&
                rows[i].speaker == s.speaker && rows[i].organisation == s.organisation)
                real[i] = true;
        }
        if (e.contains(QStringLiteral("times"))) {
            QStringList want;
            for (const QJsonValue &t : e.value(QStringLiteral("times")).toArray())
                want.append(t.toString());
            QStringList got;
            for (const TimeRef &t : s.times)
                got.append(isoOf(t));
            score.timesExpected = int(want.size());
            for (const QString &w : std::as_const(want))
                score.timesRight += got.contains(w) ? 1 : 0;
            for (const QString &g : std::as_const(got))
                score.timesWrong += want.contains(g) ? 0 : 1;
            if (score.timesRight < score.timesExpected || score.timesWrong > 0)
                miss(QStringLiteral("[%1] times %2, not %3 for \"%4\"")
                         .arg(pattern, got.join(u' '), want.join(u' '), words));
        }
        if (const QString note = e.value(QStringLiteral("note")).toString(); !note.isEmpty()) {
            score.notesExpected = 1;
            QStringList notes;
            for (const TimeRef &t : s.times)
                notes.append(t.note);
            score.notesRight = notes.join(u' ').contains(note, Qt::CaseInsensitive) ? 1 : 0;
            if (!score.notesRight)
                miss(QStringLiteral("[%1] no note with \"%2\" (notes: %3)").arg(pattern, note, notes.join(u"; ")));
        }
        const QJsonObject stance = e.value(QStringLiteral("stance")).toObject();
        for (auto it = stance.begin(); it != stance.end(); ++it) {
            const auto kind = hypothesisKindFromString(it.key());
            if (!kind)
                continue;
            ++score.stanceExpected;
            const int want = it.value().toString() == u"for" ? 1 : -1;
            const int got = polarity(s.stance.value(*kind, Rating::Unrated));
            score.stanceRight += got == want ? 1 : 0;
            score.stanceWrong += got == -want ? 1 : 0;
            if (got != want)
                miss(QStringLiteral("[%1] stance %2 is %3, not %4 for \"%5\"")
                         .arg(pattern, it.key(), toString(s.stance.value(*kind, Rating::Unrated)),
                              it.value().toString(), words));
        }
        report.patterns[pattern].add(score);
    }
    const QJsonArray noise = answer.value(QStringLiteral("noise")).toArray();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        report.realRows += real[i] ? 1 : 0;
        for (const QJsonValue &n : noise) {
            if (rows[i].quote.contains(n.toString(), Qt::CaseInsensitive)) {
                ++report.noiseRows;
                miss(QStringLiteral("noise row: \"%1\"").arg(rows[i].quote.left(80)));
                break;
            }
        }
        if (!real[i])
            miss(QStringLiteral("row not listed: [%1 / %2] \"%3\"")
                     .arg(rows[i].speaker, rows[i].organisation, rows[i].quote.left(80)));
    }
}

QString percent(int part, int whole)
{
    return whole == 0 ? QStringLiteral("   -") : QStringLiteral("%1%").arg(100.0 * part / whole, 3, 'f', 0);
}

} // namespace

AccuracyReport scoreArticleFolder(const QString &dir, QString *error)
{
    AccuracyReport report;
    const QFileInfoList sidecars = QDir(dir).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (sidecars.isEmpty() && error)
        *error = QStringLiteral("%1: no answer sidecars (*.json)").arg(dir);
    for (const QFileInfo &sidecar : sidecars) {
        QFile file(sidecar.filePath());
        QJsonParseError parseError{};
        const QJsonDocument doc =
            file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll(), &parseError) : QJsonDocument();
        const QString article = articleBeside(sidecar);
        QFile articleFile(article);
        if (!doc.isObject() || article.isEmpty() || !articleFile.open(QIODevice::ReadOnly)) {
            report.misses.append(sidecar.fileName() + QStringLiteral(": unreadable sidecar or no article beside it ") +
                                 parseError.errorString());
            continue;
        }
        scoreArticle(QFileInfo(article).fileName(), articleFile.readAll(), doc.object(), report);
    }
    for (const PatternScore &p : std::as_const(report.patterns))
        report.total.add(p);
    return report;
}

QString formatAccuracy(const AccuracyReport &r, bool listMisses)
{
    QString out;
    out += QStringLiteral("%1  %2 %3 %4 %5 %6 %7 %8\n")
               .arg(QStringLiteral("pattern"), -20)
               .arg(QStringLiteral("quotes"), 7)
               .arg(QStringLiteral("recall"), 6)
               .arg(QStringLiteral("party"), 6)
               .arg(QStringLiteral("times"), 9)
               .arg(QStringLiteral("wrong"), 5)
               .arg(QStringLiteral("stance"), 9)
               .arg(QStringLiteral("opposite"), 8);
    auto line = [&](const QString &name, const PatternScore &p) {
        out += QStringLiteral("%1  %2 %3 %4 %5 %6 %7 %8\n")
                   .arg(name, -20)
                   .arg(p.expected, 7)
                   .arg(percent(p.found, p.expected), 6)
                   .arg(percent(p.partyRight, p.found), 6)
                   .arg(QStringLiteral("%1/%2").arg(p.timesRight).arg(p.timesExpected), 9)
                   .arg(p.timesWrong, 5)
                   .arg(QStringLiteral("%1/%2").arg(p.stanceRight).arg(p.stanceExpected), 9)
                   .arg(p.stanceWrong, 8);
    };
    for (auto it = r.patterns.begin(); it != r.patterns.end(); ++it)
        line(it.key(), it.value());
    line(QStringLiteral("ALL"), r.total);
    const PatternScore &t = r.total;
    out += QStringLiteral("\n%1 articles, %2 rows: %3 real with the right party (%4), %5 boilerplate\n")
               .arg(r.articles)
               .arg(r.rows)
               .arg(r.realRows)
               .arg(percent(r.realRows, r.rows))
               .arg(r.noiseRows);
    out += QStringLiteral("metadata (title, url, date) %1/%2; zone and date notes %3/%4\n")
               .arg(r.metadataRight)
               .arg(r.metadataChecks)
               .arg(t.notesRight)
               .arg(t.notesExpected);
    out +=
        QStringLiteral("targets: recall %1 (>= 90%), party %2 (>= 90%), times %3 (>= 90%, %4 wrong, want 0), "
                       "stance %5 (>= 85%, %6 opposite, want 0), real rows %7 (>= 85%)\n")
            .arg(percent(t.found, t.expected), percent(t.partyRight, t.found), percent(t.timesRight, t.timesExpected))
            .arg(t.timesWrong)
            .arg(percent(t.stanceRight, t.stanceExpected))
            .arg(t.stanceWrong)
            .arg(percent(r.realRows, r.rows));
    if (listMisses) {
        for (const QString &m : r.misses)
            out += QStringLiteral("  miss  ") + m + u'\n';
    }
    return out;
}

} // namespace inquest::news
