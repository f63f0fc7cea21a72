// `inquest demo` and `inquest analyze` as a user runs them: the demo writes its logs beside the
// case, deterministically; analyze suggests, replaces, accepts, saves with custody; after
// accepting, the hardware hypothesis leads; bad input gives the documented exit codes.
#include "casefile/casefile.h"
#include "testlib/clirunner.h"
#include "testlib/testprinters.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace inquest;

namespace {

using Run = inquest::testing::CliRun;

Run inquestRun(const QStringList &args) { return inquest::testing::runInquest(args, {.timeoutMs = 300000}); }

QByteArray hashOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                       : QByteArray();
}

} // namespace

class TestAnalyzeCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_case;

private slots:
    void initTestCase()
    {
        m_case = m_dir.filePath(QStringLiteral("demo.inquest"));
        const Run r = inquestRun({QStringLiteral("demo"), m_case});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("suggested evidence")));
    }

    void demoWritesLogsBesideTheCase()
    {
        const QDir logs(m_dir.filePath(QStringLiteral("demo.logs")));
        for (const char *name : {"amazon.co.uk-access.log", "amazon.de-access.log", "amazon.fr-access.log",
                                 "amazon.es-access.log", "amazon.com-access.log", "dub-syslog.log"})
            QVERIFY2(logs.exists(QString::fromLatin1(name)), name);
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("demo.news/article.txt"))));
        QString error;
        const auto data = casefile::read(m_case, &error);
        QVERIFY2(data, qPrintable(error));
        QCOMPARE(data->statements.size(), 4);
        QStringList organisations;
        for (const Statement &s : data->statements)
            organisations.append(s.organisation);
        // Read by the news extractor from the article, not written by hand.
        QVERIFY(organisations.contains(QStringLiteral("Amazon")) &&
                organisations.contains(QStringLiteral("WikiLeaks")));
        for (const Statement &s : data->statements) {
            const Source *article = nullptr;
            for (const Source &src : data->sources)
                article = src.id == s.sourceId ? &src : article;
            QVERIFY(article);
            QCOMPARE(article->text.mid(s.offset, s.length), s.quote);
        }
        bool outage = false;
        for (const Marker &m : data->markers)
            outage |= m.kind == MarkerKind::Outage && m.label.contains(QStringLiteral("amazon.de")) &&
                      !m.label.contains(QStringLiteral("amazon.com"));
        QVERIFY(outage);
        // The sources' hashes match the files: verify re-hashes them.
        const Run v = inquestRun({QStringLiteral("verify"), m_case});
        QVERIFY2(v.status == 0, qPrintable(v.err + v.out));
    }

    void demoIsDeterministic()
    {
        QTemporaryDir other;
        const QString second = other.filePath(QStringLiteral("again.inquest"));
        QCOMPARE(inquestRun({QStringLiteral("demo"), second}).status, 0);
        for (const QString &name : QDir(m_dir.filePath(QStringLiteral("demo.logs"))).entryList(QDir::Files))
            QCOMPARE(hashOf(other.filePath(QStringLiteral("again.logs/") + name)),
                     hashOf(m_dir.filePath(QStringLiteral("demo.logs/") + name)));
        QCOMPARE(hashOf(other.filePath(QStringLiteral("again.news/article.txt"))),
                 hashOf(m_dir.filePath(QStringLiteral("demo.news/article.txt"))));
    }

    // What the demo shows is what a user gets from its files: a new case, the log folder and
    // the article imported with no options, then analyze.
    void aUserImportingTheFilesGetsTheDemo()
    {
        const QString user = m_dir.filePath(QStringLiteral("user.inquest"));
        QCOMPARE(inquestRun({QStringLiteral("new"), user, QStringLiteral("--hypotheses"),
                             QStringLiteral("hardware,ddos,flash-crowd,network,change")})
                     .status,
                 0);
        Run r = inquestRun({QStringLiteral("import"), user, m_dir.filePath(QStringLiteral("demo.logs"))});
        QVERIFY2(r.status == 0, qPrintable(r.err + r.out));
        r = inquestRun({QStringLiteral("import-news"), user, m_dir.filePath(QStringLiteral("demo.news/article.txt"))});
        QVERIFY2(r.status == 0, qPrintable(r.err + r.out));
        r = inquestRun({QStringLiteral("analyze"), user});
        QVERIFY2(r.status == 0, qPrintable(r.err));

        QString error;
        const auto demo = casefile::read(m_case, &error);
        const auto mine = casefile::read(user, &error);
        QVERIFY2(demo && mine, qPrintable(error));
        auto statements = [](const CaseData &d) {
            QStringList list;
            for (const Statement &s : d.statements)
                list.append(QStringLiteral("%1 | %2 | %3 | %4%5")
                                .arg(s.speaker, s.organisation, s.quote)
                                .arg(s.reliability)
                                .arg(s.credibility));
            return list;
        };
        QCOMPARE(statements(*mine), statements(*demo));
        auto findings = [](const CaseData &d) {
            QStringList list;
            for (const Evidence &e : d.evidence) {
                QStringList r;
                for (auto it = e.kindRatings.cbegin(); it != e.kindRatings.cend(); ++it)
                    r.append(toString(it.key()) + u'=' + toString(it.value()));
                list.append(e.title + QStringLiteral(" | ") + e.reason + QStringLiteral(" | ") + r.join(u' ') +
                            QStringLiteral(" | ") + toString(e.state));
            }
            return list;
        };
        QVERIFY(!findings(*demo).isEmpty());
        QCOMPARE(findings(*mine), findings(*demo));
        QCOMPARE(mine->markers.size(), demo->markers.size());
        qint64 demoEvents = 0, myEvents = 0;
        for (const Source &s : demo->sources)
            demoEvents += s.events;
        for (const Source &s : mine->sources)
            myEvents += s.events;
        QCOMPARE(myEvents, demoEvents);
    }

    void analyzeSuggestsThenAccepts()
    {
        Run r = inquestRun({QStringLiteral("analyze"), m_case, QStringLiteral("--json")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QJsonDocument json = QJsonDocument::fromJson(r.out.toUtf8());
        QVERIFY(json.isObject());
        const QJsonArray suggestions = json[QStringLiteral("suggestions")].toArray();
        QVERIFY(suggestions.size() >= 5);
        QCOMPARE(json[QStringLiteral("replaced")].toInt(),
                 suggestions.size() + 1); // the demo's run, and its marker
        for (const auto &v : suggestions) {
            const QJsonObject s = v.toObject();
            QCOMPARE(s[QStringLiteral("state")].toString(), QStringLiteral("suggested"));
            QVERIFY(s[QStringLiteral("origin")].toString().startsWith(QStringLiteral("detector:")));
            QVERIFY(!s[QStringLiteral("reason")].toString().isEmpty());
            QVERIFY(s[QStringLiteral("ratings")].toObject().contains(QStringLiteral("hardware")));
            const QJsonObject p = s[QStringLiteral("provenance")].toObject();
            QVERIFY(p.contains(QStringLiteral("time_begin")) || p.contains(QStringLiteral("statement")));
            if (p.contains(QStringLiteral("time_begin")))
                QVERIFY(p[QStringLiteral("time_begin")].toString().endsWith(u'Z'));
            // Findings read from access logs and system logs cite the lines they rest on; claim
            // and stated-cause checks rest on a statement.
            if (!p.contains(QStringLiteral("statement"))) {
                QVERIFY2(p[QStringLiteral("first_line")].toInteger() > 0,
                         qPrintable(s[QStringLiteral("title")].toString()));
                QVERIFY(p[QStringLiteral("last_line")].toInteger() >= p[QStringLiteral("first_line")].toInteger());
                QVERIFY(p[QStringLiteral("offset_end")].toInteger() > p[QStringLiteral("offset_begin")].toInteger());
                QCOMPARE(p[QStringLiteral("source_sha256")].toString().size(), 64);
            }
        }

        // The incidents: one, its edges in ISO UTC, the four European stores affected and
        // amazon.com the control, each site named as the case names it.
        const QJsonArray incidents = json[QStringLiteral("incidents")].toArray();
        QCOMPARE(incidents.size(), 1);
        const QJsonObject inc = incidents.first().toObject();
        QCOMPARE(QStringList(inc.keys()), (QStringList{QStringLiteral("affected_sites"), QStringLiteral("begin"),
                                                       QStringLiteral("end"), QStringLiteral("unaffected_sites")}));
        const QDateTime begin = QDateTime::fromString(inc[QStringLiteral("begin")].toString(), Qt::ISODate);
        const QDateTime end = QDateTime::fromString(inc[QStringLiteral("end")].toString(), Qt::ISODate);
        QVERIFY(inc[QStringLiteral("begin")].toString().endsWith(u'Z'));
        const QDateTime truthBegin(QDate(2010, 12, 12), QTime(21, 10), QTimeZone::utc());
        const QDateTime truthEnd(QDate(2010, 12, 12), QTime(21, 45), QTimeZone::utc());
        QVERIFY2(std::abs(begin.secsTo(truthBegin)) <= 180, qPrintable(begin.toString(Qt::ISODate)));
        QVERIFY2(std::abs(end.secsTo(truthEnd)) <= 180, qPrintable(end.toString(Qt::ISODate)));
        QStringList affected;
        for (const auto &v : inc[QStringLiteral("affected_sites")].toArray())
            affected.append(v.toString());
        affected.sort();
        QCOMPARE(affected, (QStringList{QStringLiteral("amazon.co.uk"), QStringLiteral("amazon.de"),
                                        QStringLiteral("amazon.es"), QStringLiteral("amazon.fr")}));
        QCOMPARE(inc[QStringLiteral("unaffected_sites")].toArray(), (QJsonArray{QStringLiteral("amazon.com")}));

        r = inquestRun({QStringLiteral("analyze"), m_case, QStringLiteral("--accept")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("accepted")));
        QString error;
        const auto data = casefile::read(m_case, &error);
        QVERIFY(data);
        int accepted = 0;
        QMap<Id, int> inconsistency;
        for (const Evidence &e : data->evidence) {
            QCOMPARE_ENUM(e.state, EvidenceState::Accepted);
            ++accepted;
            for (auto it = e.ratings.cbegin(); it != e.ratings.cend(); ++it)
                inconsistency[it.key()] += it.value() == Rating::II ? -2 : it.value() == Rating::I ? -1 : 0;
        }
        QCOMPARE(accepted, suggestions.size());
        // Hardware leads (least inconsistent) once the suggestions are accepted.
        Id hardware = 0;
        for (const Hypothesis &h : data->hypotheses)
            hardware = h.kind == HypothesisKind::Hardware ? h.id : hardware;
        for (const Hypothesis &h : data->hypotheses) {
            if (h.id != hardware)
                QVERIFY(inconsistency.value(h.id) < inconsistency.value(hardware));
        }
        QCOMPARE(data->custody.last().action, QStringLiteral("save"));
        bool logged = false;
        for (const CustodyEntry &c : data->custody)
            logged |= c.action == u"analyze" && c.detail.contains(QStringLiteral("accepted"));
        QVERIFY(logged);
        QCOMPARE(inquestRun({QStringLiteral("verify"), m_case}).status, 0);

        // Running again adds nothing the analyst already decided.
        r = inquestRun({QStringLiteral("analyze"), m_case, QStringLiteral("--json")});
        json = QJsonDocument::fromJson(r.out.toUtf8());
        QCOMPARE(json[QStringLiteral("added")].toInt(), 0);
        QCOMPARE(json[QStringLiteral("kept")].toInt(), accepted);
    }

    // The reference incident's findings report, as the analyst gets it after accepting: the
    // charts are vector drawings (no image in the PDF; axis text is searchable).
    void reportOfTheAcceptedDemo()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdfimages")).isEmpty())
            QSKIP("poppler-utils are not installed (installer/install-deps.sh installs them)");
        const QString pdf = m_dir.filePath(QStringLiteral("demo.pdf"));
        const Run r = inquestRun({QStringLiteral("report"), m_case, QStringLiteral("--pdf"), pdf,
                                  QStringLiteral("--zone"), QStringLiteral("UTC")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QProcess images;
        images.start(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf});
        QVERIFY(images.waitForFinished(60000));
        const QStringList rows = QString::fromUtf8(images.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(rows.size() == 2, qPrintable(rows.join(u'\n'))); // the two header lines
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(60000));
        const QString words = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY(words.contains(QStringLiteral("Leading hypothesis: Hardware failure\n")));
        QVERIFY(words.contains(QStringLiteral("Requests per"))); // a chart's axis label, as text
        QVERIFY(words.contains(QStringLiteral("Time (UTC)")));
        QVERIFY(!words.contains(QStringLiteral("UTC and UTC")));
    }

    void badInput()
    {
        const Run missing = inquestRun({QStringLiteral("analyze"), m_dir.filePath(QStringLiteral("nope.inquest"))});
        QCOMPARE(missing.status, 1);
        QVERIFY(missing.err.contains(QStringLiteral("nope.inquest")));
        QCOMPARE(inquestRun({QStringLiteral("analyze")}).status, 2);
        QCOMPARE(inquestRun({QStringLiteral("analyze"), m_case, QStringLiteral("--bogus")}).status, 2);
        QCOMPARE(inquestRun({QStringLiteral("demo")}).status, 2);
        QCOMPARE(inquestRun({QStringLiteral("demo"), m_case, QStringLiteral("--seed"), QStringLiteral("x")}).status, 2);
    }
};

QTEST_GUILESS_MAIN(TestAnalyzeCli)
#include "tst_analyze.moc"
