// Statement extraction throughput on a 1 MB article, against a bare sentence split of the same
// text (QString::split on ". ") in the same process. Target: <= 100 ms per MB.
#include "news/newsextractor.h"
#include "news/newsimport.h"
#include "news/newsstance.h"
#include "news/newstime.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>

using namespace inquest;

namespace {

// Varied paragraphs: direct and reported speech, negations, times, plain narration.
QString buildArticle(qsizetype bytes)
{
    const QStringList paragraphs = {
        QStringLiteral("Shoppers in %1 could not reach the online store for more than %2 minutes until about 21%3 GMT "
                       "on Sunday 12 December, while the main site stayed up."),
        QStringLiteral("\u201CThe outage was caused by a hardware failure in our %1 data centre, and it was not the "
                       "result of a DDoS attempt,\u201D a spokeswoman for Amazon told Reuters on Monday."),
        QStringLiteral("Activists calling themselves Anonymous announced that they would attack Amazon this weekend, "
                       "but later said they chose not to attack after %2 members objected."),
        QStringLiteral("\u201CWe saw a surge in traffic from shoppers in %1,\u201D said Maria Keller, a director at "
                       "Nordgrid Services. \u201CIt was not an attack.\u201D"),
        QStringLiteral("Security researchers said the volunteers may not have been able to take the site down, and "
                       "that a routing problem was not involved on 12/12/2010 at 21:%3 UTC."),
        QStringLiteral("WikiLeaks has said it neither condemns nor applauds the protests in %1, which ran from 20:00 "
                       "GMT until 21%3 GMT on Saturday."),
        QStringLiteral("The company, which sells books, music and electronics in %1, has around %2 000 employees and "
                       "reported record sales in the quarter before the holidays."),
    };
    const QStringList places = {QStringLiteral("Britain"), QStringLiteral("Germany"), QStringLiteral("France"),
                                QStringLiteral("Spain")};
    QString text;
    text.reserve(bytes + 1000);
    for (int i = 0; text.size() < bytes; ++i) {
        QString paragraph = paragraphs[i % paragraphs.size()];
        paragraph.replace(QStringLiteral("%1"), places[i % places.size()])
            .replace(QStringLiteral("%2"), QString::number(10 + i % 50))
            .replace(QStringLiteral("%3"), QString::number(10 + i % 49));
        text += paragraph;
        text += QStringLiteral("\n\n");
    }
    return text;
}

// Everything the extraction decides, one line per statement and per time: diffing two dumps
// shows whether a change altered any output.
void dump(QTextStream &out, const QList<Statement> &statements)
{
    for (const Statement &s : statements) {
        QStringList stance;
        for (auto it = s.stance.begin(); it != s.stance.end(); ++it)
            stance.append(toString(it.key()) + u':' + toString(it.value()));
        out << s.offset << ' ' << s.length << (s.direct ? " direct" : " reported") << " [" << s.speaker << "|" << s.role
            << "|" << s.organisation << "] {" << stance.join(u' ') << "} (" << s.stanceTriggers.join(u',') << ") "
            << s.quote << '\n';
        for (const TimeRef &t : s.times)
            out << "    " << t.offset << ' ' << t.begin << ' ' << t.end << (t.approximate ? " ~ " : "   ") << t.phrase
                << (t.assumedZone.isEmpty() ? QString() : QStringLiteral(" @") + t.assumedZone) << '\n';
    }
}

template <typename F> double bestOf(int runs, F &&f)
{
    double best = 1e18;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        best = std::min(best, t.nsecsElapsed() / 1e6);
    }
    return best;
}

} // namespace

int main(int argc, char **argv)
{
    QTextStream out(stdout);
    const QString text = buildArticle(1 << 20);
    const news::ExtractOptions options{QDate(2010, 12, 13), QStringLiteral("The Harbour Gazette")};
    if (argc > 1 && qstrcmp(argv[1], "--dump") == 0) {
        // bench_news --dump [--published=YYYY-MM-DD] [--zone=ZONE] [FILE…]: the extraction of each article
        // file as imported, or of the benchmark article without files.
        if (argc == 2)
            dump(out, news::extractStatements(text, options));
        news::NewsImportOptions importOptions;
        for (int i = 2; i < argc; ++i) {
            const QString arg = QString::fromLocal8Bit(argv[i]);
            if (arg.startsWith(u"--published=")) {
                importOptions.published = QDate::fromString(arg.mid(12), Qt::ISODate);
                continue;
            }
            if (arg.startsWith(u"--zone=")) {
                importOptions.timeZone = arg.mid(7);
                continue;
            }
            QFile file(arg);
            if (!file.open(QIODevice::ReadOnly))
                return 1;
            out << "== " << arg << '\n';
            dump(out, news::importNewsData(file.readAll(), file.fileName(), importOptions).statements);
        }
        return 0;
    }
    if (argc > 2 && qstrcmp(argv[1], "--runs") == 0) {
        // Extractions only, for instruction counts: the first run also compiles the expressions
        // (PCRE JIT) and builds the static tables, so count the last one alone with
        // valgrind --tool=callgrind --zero-before='inquest::news::extractStatements*' bench_news --runs 2
        qsizetype count = 0;
        for (int i = QByteArray(argv[2]).toInt(); i > 0; --i)
            count = news::extractStatements(text, options).size();
        out << count << " statements\n";
        return 0;
    }
    qsizetype statements = 0, sentences = 0, times = 0;
    const double reference = bestOf(5, [&] { sentences = text.split(QStringLiteral(". ")).size(); });
    const double extraction = bestOf(5, [&] {
        const QList<Statement> list = news::extractStatements(text, options);
        statements = list.size();
        times = 0;
        for (const Statement &s : list)
            times += s.times.size();
    });
    // Where the time goes, stage by stage.
    const double split = bestOf(3, [&] { news::splitSentences(text); });
    const double quotes = bestOf(3, [&] { news::findQuotes(text); });
    const double timeScan = bestOf(3, [&] { news::findTimes(text, options.published); });
    const double stance = bestOf(3, [&] {
        for (const news::Span &s : news::splitSentences(text))
            news::suggestStance(QStringView(text).mid(s.begin, s.size()));
    });
    const double mb = text.size() / double(1 << 20);
    out << "article: " << text.size() << " characters (" << Qt::fixed << qSetRealNumberPrecision(2) << mb
        << " M chars), " << sentences << " split pieces\n";
    out << "reference QString::split(\". \"): " << reference << " ms\n";
    out << "extractStatements:               " << extraction << " ms (" << statements << " statements, " << times
        << " times)\n";
    out << "  stages: sentences " << split << " ms, quotes " << quotes << " ms, times " << timeScan
        << " ms, stance on every sentence " << stance << " ms\n";
    out << "ratio extraction / reference:     " << extraction / reference << "x\n";
    out << "per MB: " << extraction / mb << " ms (target <= 100 ms): " << (extraction / mb <= 100 ? "OK" : "SLOW")
        << '\n';
    return 0;
}
