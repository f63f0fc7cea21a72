// The case file: round trip, migration, refusal of foreign/damaged/newer files without
// touching them, atomic replacement, and the custody chain.
#include "casefile/casefile.h"
#include "casefile/schema.h"
#include "casefile/sqlconnection.h"
#include "casefile/verification.h"
#include "model/casedocument.h"
#include "model/commands.h"
#include "testlib/testprinters.h"

#include <QCryptographicHash>
#include <QDir>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <cmath>

using namespace inquest;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result();
}

std::shared_ptr<const EventTable> sampleTable()
{
    auto t = std::make_shared<EventTable>();
    t->numeric.push_back({QStringLiteral("latency_ms"), {}});
    for (int i = 0; i < 1000; ++i) {
        const auto row = t->appendRow(1292187600000000LL + i * 1000000LL, uint64_t(i) * 120, uint32_t(i + 1));
        t->status[row] = uint16_t(i % 7 == 0 ? 503 : 200);
        t->bytes[row] = uint64_t(i * 17);
        t->method[row] = i % 3 ? HttpMethod::Get : HttpMethod::Post;
        t->client[row] = t->strings.intern(QByteArray::number(10 + i % 13).prepend("192.0.2.").toStdString());
        t->path[row] = t->strings.intern(i % 2 ? "/gp/cart" : "/");
        t->host[row] = t->strings.intern("www.amazon.co.uk");
        t->responseUs[row] = uint32_t(i * 100);
        t->numeric[0].values[row] = i % 10 ? double(i) / 4 : std::nan("");
    }
    return t;
}

CaseData richCase()
{
    CaseData d = CaseData::create(QStringLiteral("Amazon EU outage \u2014 12 Dec 2010"));
    d.meta.analyst = QStringLiteral("A. Analyst");
    d.meta.scoringSettings = QJsonObject{{QStringLiteral("relevance.high"), 1.414}};
    Source s;
    s.id = d.nextId++;
    s.path = QStringLiteral("/data/uk/access.log");
    s.sha256 = QString(64, u'a');
    s.size = 123456;
    s.format = QStringLiteral("combined");
    s.site = QStringLiteral("amazon.co.uk");
    s.timeZone = QStringLiteral("Europe/London");
    s.importedAt = QDateTime::fromMSecsSinceEpoch(1700000000123, Qt::UTC);
    s.lines = 1002;
    s.events = 1000;
    s.malformed = 2;
    s.firstTime = 1292187600000000LL;
    s.lastTime = 1292188599000000LL;
    s.issues = {{17, 2040, QStringLiteral("no request field"), QByteArray("garbage \xff\xfe line")}};
    s.table = sampleTable();
    d.sources.append(s);
    Source article;
    article.id = d.nextId++;
    article.kind = SourceKind::Article;
    article.path = QStringLiteral("/data/news.html");
    article.sha256 = QString(64, u'b');
    article.title = QStringLiteral("Stores down");
    article.outlet = QStringLiteral("Example Wire");
    article.published = QDate(2010, 12, 13);
    article.publishedTime = QTime(9, 30);
    article.timeZone = QStringLiteral("Europe/London");
    article.url = QStringLiteral("https://example.org/news/stores-down");
    article.text = QStringLiteral("A spokeswoman said \u201cIt was a hardware failure.\u201d");
    d.sources.append(article);
    Statement st;
    st.id = d.nextId++;
    st.sourceId = article.id;
    st.offset = 20;
    st.length = 28;
    st.speaker = QStringLiteral("a spokeswoman");
    st.role = QStringLiteral("spokeswoman");
    st.organisation = QStringLiteral("Amazon");
    st.quote = QStringLiteral("It was a hardware failure.");
    st.times = {{QStringLiteral("2145 GMT on Sunday 12 December"), 1292190300000000LL, 1292190300000000LL, true, 5},
                {QStringLiteral("around ten"), 1292191200000000LL, 1292191200000000LL, true, -1, true}};
    st.stance = {{HypothesisKind::Hardware, Rating::C}, {HypothesisKind::Ddos, Rating::I}};
    st.stanceTriggers = {QStringLiteral("hardware failure")};
    st.reliability = u'B';
    st.credibility = 2;
    d.statements.append(st);
    Evidence e;
    e.id = d.nextId++;
    e.title = QStringLiteral("Errors at normal volume");
    e.origin = QStringLiteral("detector:traffic@1");
    e.reason = QStringLiteral("requests 0.98x baseline, 5xx 41%");
    e.provenance.sourceId = s.id;
    e.provenance.sourceSha256 = s.sha256;
    e.provenance.firstLine = 10;
    e.provenance.lastLine = 900;
    e.provenance.timeBegin = 1;
    e.provenance.timeEnd = 2;
    e.provenance.metric = QStringLiteral("error-rate");
    e.provenance.statementId = st.id;
    e.reliability = u'A';
    e.credibility = 1;
    e.relevance = Relevance::High;
    e.tags = {QStringLiteral("eu"), QStringLiteral("traffic")};
    e.starred = true;
    e.comments = QStringLiteral("checked by hand");
    e.state = EvidenceState::Suggested;
    e.ratings = {{d.hypotheses[0].id, Rating::CC}, {d.hypotheses[1].id, Rating::II}};
    e.kindRatings = {{HypothesisKind::Hardware, Rating::CC}};
    d.evidence.append(e);
    d.markers.append({d.nextId++, MarkerKind::Outage, 1292188200000000LL, 1292190300000000LL,
                      QStringLiteral("EU outage"), QString(), QStringLiteral("manual")});
    custody::append(d.custody, QStringLiteral("import"), QStringLiteral("access.log"));
    return d;
}

} // namespace

class TestCaseFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

    void expectRefused(const QString &file, const QString &fragment)
    {
        const QByteArray before = fileHash(file);
        const auto mtime = QFileInfo(file).lastModified();
        QString error;
        const auto data = casefile::read(file, &error);
        QVERIFY2(!data, qPrintable(file));
        QVERIFY2(error.contains(fragment, Qt::CaseInsensitive), qPrintable(error));
        QVERIFY2(error.contains(QFileInfo(file).fileName()), qPrintable(error)); // names the file
        QCOMPARE(fileHash(file), before);
        QCOMPARE(QFileInfo(file).lastModified(), mtime);
        QVERIFY(!QFileInfo::exists(file + QStringLiteral("-journal")));
    }

private slots:
    void roundTripKeepsEverything()
    {
        const CaseData original = richCase();
        QString error;
        QVERIFY2(casefile::write(original, path(QStringLiteral("rich.inquest")), &error), qPrintable(error));
        const auto loaded = casefile::read(path(QStringLiteral("rich.inquest")), &error);
        QVERIFY2(loaded, qPrintable(error));
        QVERIFY(loaded->sameAs(original));
        QVERIFY(loaded->sources[0].table->sameContent(*original.sources[0].table));
        QCOMPARE(loaded->sources[0].table->size(), std::size_t(1000));
        // Written twice, the database is byte-for-byte reproducible in content.
        QVERIFY(casefile::write(*loaded, path(QStringLiteral("rich2.inquest")), &error));
        QVERIFY(casefile::read(path(QStringLiteral("rich2.inquest")), &error)->sameAs(original));
    }

    void saveReplacesAtomicallyAndLeavesNoTemporaryFiles()
    {
        CaseDocument doc;
        QString error;
        const QString file = path(QStringLiteral("doc.inquest"));
        QVERIFY(casefile::save(doc, file, &error));
        QVERIFY(!doc.isModified());
        QCOMPARE(doc.filePath(), QFileInfo(file).absoluteFilePath());
        edit::setTitle(&doc, QStringLiteral("Second version"));
        QVERIFY(casefile::save(doc, file, &error));
        const auto loaded = casefile::read(file, &error);
        QVERIFY(loaded);
        QCOMPARE(loaded->meta.title, QStringLiteral("Second version"));
        QStringList actions;
        for (const auto &row : loaded->custody)
            actions.append(row.action);
        QCOMPARE(actions, (QStringList{QStringLiteral("create"), QStringLiteral("save"), QStringLiteral("edit"),
                                       QStringLiteral("save")}));
        QVERIFY(verifyCase(*loaded).ok());
        const QStringList leftovers =
            QDir(m_dir.path()).entryList({QStringLiteral(".doc.inquest*")}, QDir::Files | QDir::Hidden);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(u' ')));
    }

    void failedSaveLeavesOldFileAndDocumentState()
    {
        CaseDocument doc;
        edit::setTitle(&doc, QStringLiteral("Unsaved"));
        QString error;
        QVERIFY(!casefile::save(doc, path(QStringLiteral("no/such/dir/x.inquest")), &error));
        QVERIFY(error.contains(QStringLiteral("folder does not exist")));
        QVERIFY(doc.isModified());
        QCOMPARE(doc.custody().size(), 1); // no save row for a save that did not happen
    }

    void emptyFileRefused()
    {
        const QString file = path(QStringLiteral("empty.inquest"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        expectRefused(file, QStringLiteral("empty"));
    }

    void randomBytesRefused()
    {
        const QString file = path(QStringLiteral("random.inquest"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray bytes(1 << 20, Qt::Uninitialized);
        QRandomGenerator gen(42);
        gen.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        f.write(bytes);
        f.close();
        expectRefused(file, QStringLiteral("not an SQLite database"));
    }

    void foreignSqliteRefused()
    {
        const QString file = path(QStringLiteral("foreign.sqlite"));
        {
            SqlConnection c(file, SqlConnection::Mode::ReadWrite);
            QSqlQuery q(c.db());
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (x)")));
        }
        expectRefused(file, QStringLiteral("not an Inquest case"));
    }

    void newerSchemaRefused()
    {
        const QString file = path(QStringLiteral("newer.inquest"));
        QString error;
        QVERIFY(casefile::write(CaseData::create(QStringLiteral("n")), file, &error));
        {
            SqlConnection c(file, SqlConnection::Mode::ReadWrite);
            QSqlQuery q(c.db());
            QVERIFY(q.exec(QStringLiteral("UPDATE meta SET value = '99' WHERE key = 'schema_version'")));
        }
        expectRefused(file, QStringLiteral("newer Inquest"));
    }

    void truncatedFileRefused()
    {
        const QString file = path(QStringLiteral("truncated.inquest"));
        QString error;
        QVERIFY(casefile::write(richCase(), file, &error));
        QFile f(file);
        QVERIFY(f.resize(f.size() / 2));
        expectRefused(file, QStringLiteral("truncated"));
    }

    void damagedPageRefused()
    {
        const QString file = path(QStringLiteral("damaged.inquest"));
        QString error;
        QVERIFY(casefile::write(richCase(), file, &error));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        // Overwrite the B-tree header of page 2 (a table root) with junk.
        f.seek(4096);
        f.write(QByteArray(64, '\x7f'));
        f.close();
        expectRefused(file, QStringLiteral("damaged"));
    }

    void badEnumValueRefusedWithRow()
    {
        const QString file = path(QStringLiteral("badstate.inquest"));
        QString error;
        QVERIFY(casefile::write(richCase(), file, &error));
        {
            SqlConnection c(file, SqlConnection::Mode::ReadWrite);
            QSqlQuery q(c.db());
            QVERIFY(q.exec(QStringLiteral("UPDATE evidence SET state = 'maybe'")));
        }
        expectRefused(file, QStringLiteral("unknown state \"maybe\""));
    }

    void olderSchemaIsMigratedInACopy()
    {
        // A version-1 case file, as the first release wrote it.
        const QString file = path(QStringLiteral("v1.inquest"));
        {
            SqlConnection c(file, SqlConnection::Mode::ReadWrite);
            QSqlQuery q(c.db());
            QVERIFY(q.exec(QStringLiteral("PRAGMA application_id = %1").arg(schema::ApplicationId)));
            for (const QString &sql : schema::ddlForVersion(1))
                QVERIFY2(q.exec(sql), qPrintable(sql));
            CaseData d = CaseData::create(QStringLiteral("Old case"));
            const auto &row = d.custody[0];
            const QStringList inserts = {
                QStringLiteral("INSERT INTO meta VALUES ('schema_version', '1'), ('case_id', 'c-1'), "
                               "('title', 'Old case'), ('next_id', '10'), ('created', '2011-01-02T03:04:05.000Z')"),
                QStringLiteral("INSERT INTO hypotheses VALUES (1, 0, 'Hardware failure', 'hardware', 0, ''), "
                               "(2, 1, 'DDoS attack', 'ddos', 0, '')"),
                QStringLiteral("INSERT INTO evidence (id, position, title, reliability, credibility, relevance, state) "
                               "VALUES (5, 0, 'Switch log', 'B', 2, 'high', 'accepted')"),
                QStringLiteral("INSERT INTO ratings VALUES (5, 1, 'CC'), (5, 2, 'I')"),
                QStringLiteral("INSERT INTO markers VALUES (6, 0, 'outage', 100, 200, 'EU', '')"),
                QStringLiteral("INSERT INTO custody VALUES (1, '%1', '%2', '%3', '%4', '%5')")
                    .arg(row.time.toString(Qt::ISODateWithMs), row.action,
                         QString(row.detail).replace(u'\'', QStringLiteral("''")), row.prevHash, row.hash),
            };
            for (const QString &sql : inserts)
                QVERIFY2(q.exec(sql), qPrintable(sql));
        }
        const QByteArray before = fileHash(file);
        QString error;
        int version = 0;
        const auto data = casefile::read(file, &error, &version);
        QVERIFY2(data, qPrintable(error));
        QCOMPARE(version, 1);
        QCOMPARE(fileHash(file), before); // the analyst's file is not rewritten by opening it
        QCOMPARE(data->meta.title, QStringLiteral("Old case"));
        QCOMPARE(data->nextId, 10);
        QCOMPARE(data->evidence.size(), 1);
        QCOMPARE_ENUM(data->evidence[0].rating(1), Rating::CC);
        QCOMPARE_ENUM(data->evidence[0].relevance, Relevance::High);
        QVERIFY(data->evidence[0].kindRatings.isEmpty());
        QCOMPARE(data->markers[0].label, QStringLiteral("EU"));
        QCOMPARE(data->custody.last().action, QStringLiteral("migrate"));
        QVERIFY(verifyCase(*data).ok());
        // Saving writes the current schema.
        QVERIFY(casefile::write(*data, path(QStringLiteral("v1-saved.inquest")), &error));
        QVERIFY(casefile::read(path(QStringLiteral("v1-saved.inquest")), &error, &version));
        QCOMPARE(version, schema::CurrentVersion);
    }

    void version2ArticleGainsEmptyTimeAndUrl()
    {
        // A version-2 case with an article and a statement whose times predate the manual flag.
        const QString file = path(QStringLiteral("v2.inquest"));
        {
            SqlConnection c(file, SqlConnection::Mode::ReadWrite);
            QSqlQuery q(c.db());
            QVERIFY(q.exec(QStringLiteral("PRAGMA application_id = %1").arg(schema::ApplicationId)));
            for (const QString &sql : schema::ddlForVersion(2))
                QVERIFY2(q.exec(sql), qPrintable(sql));
            CaseData d = CaseData::create(QStringLiteral("Old case"));
            const auto &row = d.custody[0];
            const QStringList inserts = {
                QStringLiteral("INSERT INTO meta VALUES ('schema_version', '2'), ('case_id', 'c-2'), "
                               "('title', 'Old case'), ('next_id', '10'), ('created', '2011-01-02T03:04:05.000Z')"),
                QStringLiteral("INSERT INTO sources (id, position, kind, path, sha256, size, format, title, outlet, "
                               "published, text, lines, events, malformed, first_time, last_time, year) VALUES "
                               "(3, 0, 'article', '/a.txt', '%1', 12, 'article-text', 'Down', 'Wire', "
                               "'2010-12-13', 'It was down.', 1, 0, 0, 0, 0, 0)")
                    .arg(QString(64, u'c')),
                QStringLiteral("INSERT INTO statements (id, position, source_id, offset, length, quote, direct, "
                               "times, stance, stance_triggers, stance_confirmed, reliability, credibility) VALUES "
                               "(4, 0, 3, 0, 12, 'It was down.', 0, '[{\"phrase\":\"today\",\"begin\":\"1\","
                               "\"end\":\"2\",\"approximate\":false,\"offset\":\"3\"}]', '{}', '[]', 0, 'F', 6)"),
                QStringLiteral("INSERT INTO custody VALUES (1, '%1', '%2', '%3', '%4', '%5')")
                    .arg(row.time.toString(Qt::ISODateWithMs), row.action,
                         QString(row.detail).replace(u'\'', QStringLiteral("''")), row.prevHash, row.hash),
            };
            for (const QString &sql : inserts)
                QVERIFY2(q.exec(sql), qPrintable(sql));
        }
        QString error;
        int version = 0;
        const auto data = casefile::read(file, &error, &version);
        QVERIFY2(data, qPrintable(error));
        QCOMPARE(version, 2);
        QCOMPARE(data->sources.size(), 1);
        QCOMPARE(data->sources[0].published, QDate(2010, 12, 13));
        QVERIFY(!data->sources[0].publishedTime.isValid());
        QVERIFY(data->sources[0].url.isEmpty());
        QCOMPARE(data->statements.size(), 1);
        QCOMPARE(data->statements[0].times.size(), 1);
        QCOMPARE(data->statements[0].times[0].offset, qint64(3));
        QVERIFY(!data->statements[0].times[0].manual);
        QVERIFY(data->statements[0].times[0].assumedZone.isEmpty()); // times JSON without "assumed_zone"
        QCOMPARE(data->custody.last().action, QStringLiteral("migrate"));

        // Once saved, the new fields round-trip.
        CaseData edited = *data;
        edited.sources[0].publishedTime = QTime(21, 5);
        edited.sources[0].url = QStringLiteral("https://example.org/down");
        edited.statements[0].times[0].manual = true;
        edited.statements[0].times[0].assumedZone = QStringLiteral("Europe/Berlin");
        const QString saved = path(QStringLiteral("v2-saved.inquest"));
        QVERIFY(casefile::write(edited, saved, &error));
        const auto again = casefile::read(saved, &error, &version);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(version, schema::CurrentVersion);
        QCOMPARE(again->sources[0].publishedTime, QTime(21, 5));
        QCOMPARE(again->sources[0].url, QStringLiteral("https://example.org/down"));
        QVERIFY(again->statements[0].times[0].manual);
        QCOMPARE(again->statements[0].times[0].assumedZone, QStringLiteral("Europe/Berlin"));
    }

    void editedCustodyRowIsNamed()
    {
        const QString file = path(QStringLiteral("custody.inquest"));
        QString error;
        QVERIFY(casefile::write(richCase(), file, &error));
        {
            SqlConnection c(file, SqlConnection::Mode::ReadWrite);
            QSqlQuery q(c.db());
            QVERIFY(q.exec(QStringLiteral("UPDATE custody SET detail = 'other.log' WHERE seq = 2")));
        }
        const auto data = casefile::read(file, &error);
        QVERIFY(data); // the file opens, but verification fails on row 2
        const VerifyReport report = verifyCase(*data);
        QVERIFY(!report.ok());
        QVERIFY2(report.failures.join(u'\n').contains(QStringLiteral("custody row 2")),
                 qPrintable(report.failures.join(u'\n')));
    }

    void removedCustodyRowIsDetected()
    {
        CaseData d = richCase();
        custody::append(d.custody, QStringLiteral("save"), QStringLiteral("x"));
        d.custody.removeAt(1);
        const auto problems = custody::verify(d.custody);
        QVERIFY(!problems.isEmpty());
        QCOMPARE(problems.first().seq, 3);
    }

    void changedAndMissingSourcesAreReported()
    {
        const QString log = path(QStringLiteral("source.log"));
        QFile f(log);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("line one\n");
        f.close();
        CaseData d = CaseData::create(QStringLiteral("s"));
        Source s;
        s.id = d.nextId++;
        s.path = log;
        s.sha256 = QString::fromLatin1(QCryptographicHash::hash("line one\n", QCryptographicHash::Sha256).toHex());
        d.sources.append(s);
        Source gone = s;
        gone.id = d.nextId++;
        gone.path = path(QStringLiteral("gone.log"));
        d.sources.append(gone);
        VerifyReport report = verifyCase(d);
        QVERIFY(report.ok());
        QCOMPARE(report.sourcesChecked, 1);
        QCOMPARE(report.notes.size(), 1);
        QVERIFY(report.notes[0].contains(QStringLiteral("missing")));
        QVERIFY(f.open(QIODevice::Append));
        f.write("tampered\n");
        f.close();
        report = verifyCase(d);
        QVERIFY(!report.ok());
        QVERIFY(report.failures[0].contains(QStringLiteral("has changed since import")));
    }

    // A case from someone else names the files it rests on. verify must not read what the
    // analyst never chose: devices, FIFOs (a read would block forever), /proc files, folders,
    // links to them. Each is reported as a failure, promptly, and nothing is hashed.
    void hostileSourcePathsAreNotRead()
    {
        const QString fifo = path(QStringLiteral("pipe.log"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const QString link = path(QStringLiteral("zero.log"));
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), link));
        CaseData d = CaseData::create(QStringLiteral("hostile"));
        const QStringList paths = {fifo, link, QStringLiteral("/dev/zero"), QStringLiteral("/proc/self/environ"),
                                   m_dir.path()};
        for (const QString &p : paths) {
            Source s;
            s.id = d.nextId++;
            s.path = p;
            s.size = 1000;
            s.sha256 = QString(64, u'0');
            d.sources.append(s);
        }
        const VerifyReport report = verifyCase(d);
        QCOMPARE(report.sourcesChecked, 0);
        QCOMPARE(report.failures.size(), paths.size());
        for (const QString &failure : report.failures)
            QVERIFY2(failure.contains(QStringLiteral("not a regular file")), qPrintable(failure));
    }

    void sourceOfAnotherSizeIsNotHashed()
    {
        const QString log = path(QStringLiteral("resized.log"));
        QFile f(log);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("line one\nline two\n");
        f.close();
        CaseData d = CaseData::create(QStringLiteral("s"));
        Source s;
        s.id = d.nextId++;
        s.path = log;
        s.size = 9;
        s.sha256 = QString::fromLatin1(QCryptographicHash::hash("line one\n", QCryptographicHash::Sha256).toHex());
        d.sources.append(s);
        const VerifyReport report = verifyCase(d);
        QCOMPARE(report.sourcesChecked, 0);
        QCOMPARE(report.failures.size(), 1);
        QVERIFY(report.failures[0].contains(QStringLiteral("18 bytes now, 9 at import")));
    }
};

QTEST_GUILESS_MAIN(TestCaseFile)
#include "tst_casefile.moc"
