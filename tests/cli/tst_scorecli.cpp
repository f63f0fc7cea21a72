// `inquest score` and `inquest evidence` on a case file built here, run as a user would.
#include "casefile/casefile.h"
#include "scoring/scoringsettings.h"
#include "testlib/casewithsources.h"
#include "testlib/clirunner.h"
#include "testlib/testprinters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace inquest;

namespace {

using Run = inquest::testing::CliRun;

Run inquestRun(const QStringList &args) { return inquest::testing::runInquest(args, {.timeoutMs = 30000}); }

Evidence item(const QString &title, EvidenceState state, Rating hw, Rating ddos)
{
    Evidence e;
    e.title = title;
    e.state = state;
    e.reliability = u'A';
    e.credibility = 1;
    e.ratings.insert(1, hw); // CaseData::create gives Hardware failure id 1, DDoS attack id 2
    e.ratings.insert(2, ddos);
    return e;
}

} // namespace

class TestScoreCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_case;
    QList<Id> m_ids;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        CaseData d = testing::twoHypothesisCase(QStringLiteral("cli"));
        QCOMPARE(toString(d.hypotheses[0].kind), QStringLiteral("hardware"));
        // Accepted: e1 HW II / DDoS C, e2 HW N / DDoS I.  WI: HW −2, DDoS −1 → DDoS leads;
        // without e1 HW (0) would lead, so e1 is critical.  e3 (suggested) and e4 (rejected) don't count.
        QList<Evidence> ev{
            item(QStringLiteral("Botnet signature in access log"), EvidenceState::Accepted, Rating::II, Rating::C),
            item(QStringLiteral("Disk errors in syslog"), EvidenceState::Accepted, Rating::N, Rating::I),
            item(QStringLiteral("Detector: fan alarm"), EvidenceState::Suggested, Rating::CC, Rating::II),
            item(QStringLiteral("Vendor denial"), EvidenceState::Rejected, Rating::CC, Rating::II)};
        ev[0].provenance.sourceSha256 = QStringLiteral("ab").repeated(32);
        ev[0].provenance.firstLine = 10;
        ev[0].provenance.lastLine = 12;
        ev[0].provenance.timeBegin = 1700000000000000;
        ev[0].provenance.timeEnd = 1700000060000000;
        ev[0].relevance = Relevance::High;
        for (Evidence &e : ev) {
            e.id = d.nextId++;
            m_ids.append(e.id);
            d.evidence.append(e);
        }
        m_case = m_dir.filePath(QStringLiteral("c.inquest"));
        QString error;
        QVERIFY2(casefile::write(d, m_case, &error), qPrintable(error));
    }

    void scoreJson()
    {
        const Run r = inquestRun({QStringLiteral("score"), m_case, QStringLiteral("--json")});
        QCOMPARE(r.status, 0);
        QJsonParseError pe;
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8(), &pe).object();
        QCOMPARE(pe.error, QJsonParseError::NoError);
        QCOMPARE(o.value(QStringLiteral("leading")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("DDoS attack"));
        QCOMPARE(o.value(QStringLiteral("leading")).toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("ddos"));
        const QJsonArray hs = o.value(QStringLiteral("hypotheses")).toArray();
        QCOMPARE(hs.size(), 2);
        const QJsonObject first = hs[0].toObject(), second = hs[1].toObject();
        QCOMPARE(first.value(QStringLiteral("rank")).toInt(), 1);
        QCOMPARE(second.value(QStringLiteral("name")).toString(), QStringLiteral("Hardware failure"));
        QCOMPARE(second.value(QStringLiteral("rank")).toInt(), 2);
        // e1 is A1 (credibility weight 1) and High relevance (√2): HW = −2√2, DDoS = −1 (e2).
        QCOMPARE(second.value(QStringLiteral("weighted_inconsistency")).toDouble(), -2 * std::sqrt(2.0));
        QCOMPARE(first.value(QStringLiteral("weighted_inconsistency")).toDouble(), -1.0);
        QCOMPARE(first.value(QStringLiteral("support")).toDouble(), std::sqrt(2.0));
        // Posterior: HW 0.25^√2 · 1, DDoS 2^√2 · 0.5.
        const double hw = std::pow(0.25, std::sqrt(2.0)), dd = std::pow(2.0, std::sqrt(2.0)) * 0.5;
        QCOMPARE(first.value(QStringLiteral("posterior")).toDouble(), dd / (hw + dd));
        QCOMPARE(o.value(QStringLiteral("critical_evidence")).toArray(), (QJsonArray{m_ids[0]}));
        // Why DDoS leads: e1 adds 0 to DDoS and −2√2 to HW (+2.83 to the gap), e2 −1 to DDoS.
        const QJsonObject why = o.value(QStringLiteral("explanation")).toObject();
        QCOMPARE(why.value(QStringLiteral("leader")).toString(), QStringLiteral("DDoS attack"));
        QCOMPARE(why.value(QStringLiteral("runner_up")).toString(), QStringLiteral("Hardware failure"));
        QVERIFY(!why.value(QStringLiteral("tie")).toBool());
        const QJsonArray items = why.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 2);
        const QJsonObject e1 = items[0].toObject();
        QCOMPARE(e1.value(QStringLiteral("id")).toInteger(), m_ids[0]);
        QCOMPARE(e1.value(QStringLiteral("difference")).toDouble(), 2 * std::sqrt(2.0));
        QCOMPARE(
            e1.value(QStringLiteral("contributions")).toObject().value(QStringLiteral("Hardware failure")).toDouble(),
            -2 * std::sqrt(2.0));
        QCOMPARE(e1.value(QStringLiteral("ratings")).toObject().value(QStringLiteral("DDoS attack")).toString(),
                 QStringLiteral("C"));
        QCOMPARE(items[1].toObject().value(QStringLiteral("difference")).toDouble(), -1.0);
    }

    void scoreText()
    {
        const Run r = inquestRun({QStringLiteral("score"), m_case});
        QCOMPARE(r.status, 0);
        const QString text = r.out;
        QVERIFY2(text.contains(QStringLiteral("Scored 2 accepted evidence")), qPrintable(r.out));
        QVERIFY(text.indexOf(QStringLiteral("DDoS attack")) < text.indexOf(QStringLiteral("Hardware failure")));
        QVERIFY(text.contains(QStringLiteral("critical: #%1 Botnet").arg(m_ids[0])));
        QVERIFY2(text.contains(QStringLiteral("Why: DDoS attack leads Hardware failure by 1.83 in weighted "
                                              "inconsistency.")),
                 qPrintable(text));
        QVERIFY2(
            text.contains(QStringLiteral("   +2.83  #%1 Botnet signature in access log (weight 1.41; DDoS attack C "
                                         "0, Hardware failure II \u22122.83)")
                              .arg(m_ids[0])),
            qPrintable(text));
    }

    // Equal scores are a tie whatever the order of the list: equal ranks, "tie" in the text and
    // in the JSON, and no hypothesis leads by its place.
    void equalScoresAreATie()
    {
        CaseData d = testing::twoHypothesisCase(QStringLiteral("tie"));
        Evidence e = item(QStringLiteral("Neither"), EvidenceState::Accepted, Rating::I, Rating::I);
        e.id = d.nextId++;
        d.evidence.append(e);
        const QString path = m_dir.filePath(QStringLiteral("tie.inquest"));
        QString error;
        QVERIFY2(casefile::write(d, path, &error), qPrintable(error));

        const Run text = inquestRun({QStringLiteral("score"), path});
        QCOMPARE(text.status, 0);
        QVERIFY2(text.out.contains(QStringLiteral("Tie for first: Hardware failure, DDoS attack")),
                 qPrintable(text.out));
        QCOMPARE(text.out.count(QStringLiteral("  =1 ")), 2);
        QCOMPARE(text.out.count(QStringLiteral("  tie\n")), 2);
        QVERIFY2(text.out.contains(QStringLiteral("Why: Tie: Hardware failure, DDoS attack have the same weighted "
                                                  "inconsistency; no hypothesis leads")),
                 qPrintable(text.out));
        QVERIFY(!text.out.contains(QStringLiteral(" leads Hardware")) &&
                !text.out.contains(QStringLiteral(" leads DDoS")));

        const Run json = inquestRun({QStringLiteral("score"), path, QStringLiteral("--json")});
        QCOMPARE(json.status, 0);
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("tied_for_first")).toArray().size(), 2);
        QVERIFY(o.value(QStringLiteral("leading")).toObject().value(QStringLiteral("tie")).toBool());
        for (const auto &h : o.value(QStringLiteral("hypotheses")).toArray()) {
            QCOMPARE(h.toObject().value(QStringLiteral("rank")).toInt(), 1);
            QVERIFY(h.toObject().value(QStringLiteral("tie")).toBool());
        }
        QCOMPARE(o.value(QStringLiteral("margin")).toDouble(), 0.0);

        // The case above has a leader: no tie is claimed.
        const Run lead = inquestRun({QStringLiteral("score"), m_case, QStringLiteral("--json")});
        const QJsonObject l = QJsonDocument::fromJson(lead.out.toUtf8()).object();
        QVERIFY(l.value(QStringLiteral("tied_for_first")).toArray().isEmpty());
        QVERIFY(!l.value(QStringLiteral("leading")).toObject().value(QStringLiteral("tie")).toBool());
        QVERIFY(!inquestRun({QStringLiteral("score"), m_case}).out.contains(QStringLiteral("Tie for first")));
    }

    void evidenceJson()
    {
        const Run r = inquestRun({QStringLiteral("evidence"), m_case, QStringLiteral("--json")});
        QCOMPARE(r.status, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(list.size(), 4);
        const QJsonObject e1 = list[0].toObject();
        QCOMPARE(e1.value(QStringLiteral("id")).toInteger(), m_ids[0]);
        QCOMPARE(e1.value(QStringLiteral("state")).toString(), QStringLiteral("accepted"));
        QCOMPARE(e1.value(QStringLiteral("grade")).toString(), QStringLiteral("A1"));
        QCOMPARE(e1.value(QStringLiteral("relevance")).toString(), QStringLiteral("high"));
        const QJsonObject ratings = e1.value(QStringLiteral("ratings")).toObject();
        QCOMPARE(ratings.value(QStringLiteral("Hardware failure")).toString(), QStringLiteral("II"));
        QCOMPARE(ratings.value(QStringLiteral("DDoS attack")).toString(), QStringLiteral("C"));
        QCOMPARE(e1.value(QStringLiteral("diagnosticity")).toDouble(), 3.0);
        const QJsonObject prov = e1.value(QStringLiteral("provenance")).toObject();
        QCOMPARE(prov.value(QStringLiteral("first_line")).toInt(), 10);
        QCOMPARE(prov.value(QStringLiteral("time_begin")).toString(), QStringLiteral("2023-11-14T22:13:20Z"));
        QCOMPARE(list[2].toObject().value(QStringLiteral("state")).toString(), QStringLiteral("suggested"));
        QCOMPARE(list[3].toObject().value(QStringLiteral("state")).toString(), QStringLiteral("rejected"));
    }

    void settingsSavedWithTheCaseAreUsed()
    {
        // The weights live in the case file: a case whose settings rank by posterior and
        // weigh High relevance at 3 scores differently from the defaults.
        auto data = casefile::read(m_case, nullptr);
        QVERIFY(data);
        ScoringSettings s;
        s.relevance[2] = 3.0;
        s.rankBy = ScoringSettings::RankBy::Posterior;
        data->meta.scoringSettings = s.toJson();
        const QString path = m_dir.filePath(QStringLiteral("weighted.inquest"));
        QString error;
        QVERIFY2(casefile::write(*data, path, &error), qPrintable(error));
        QCOMPARE(ScoringSettings::fromJson(casefile::read(path, &error)->meta.scoringSettings), s);

        const Run r = inquestRun({QStringLiteral("score"), path, QStringLiteral("--json")});
        QCOMPARE(r.status, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("rank_by")).toString(), QStringLiteral("posterior"));
        const QJsonObject hw = o.value(QStringLiteral("hypotheses")).toArray()[1].toObject();
        QCOMPARE(hw.value(QStringLiteral("name")).toString(), QStringLiteral("Hardware failure"));
        QCOMPARE(hw.value(QStringLiteral("weighted_inconsistency")).toDouble(), -6.0); // II × 3
    }

    void analystDecidesOnTheCommandLine()
    {
        // A copy: the other tests read the case as built.
        const QString path = m_dir.filePath(QStringLiteral("decide.inquest"));
        QVERIFY(QFile::copy(m_case, path));
        const auto leading = [&path] {
            const Run r = inquestRun({QStringLiteral("score"), path, QStringLiteral("--json")});
            return QJsonDocument::fromJson(r.out.toUtf8())
                .object()
                .value(QStringLiteral("leading"))
                .toObject()
                .value(QStringLiteral("name"))
                .toString();
        };
        QCOMPARE(leading(), QStringLiteral("DDoS attack"));
        // Rejecting the botnet item and accepting the fan alarm turns the ranking round, as the
        // Evidence dock's Accept and Reject do; the fan alarm is then rated by hypothesis name.
        Run r = inquestRun({QStringLiteral("evidence"), path, QStringLiteral("--reject"), QString::number(m_ids[0]),
                            QStringLiteral("--accept"), QString::number(m_ids[2]), QStringLiteral("--rate"),
                            QString::number(m_ids[2]), QStringLiteral("--hypothesis"), QStringLiteral("ddos attack"),
                            QStringLiteral("--rating"), QStringLiteral("i")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QCOMPARE(leading(), QStringLiteral("Hardware failure"));
        auto data = casefile::read(path, nullptr);
        QVERIFY(data);
        QCOMPARE_ENUM(data->evidence[0].state, EvidenceState::Rejected);
        QCOMPARE_ENUM(data->evidence[2].state, EvidenceState::Accepted);
        QCOMPARE_ENUM(data->evidence[2].rating(2), Rating::I);
        // One item is either changed or removed in one command, not both.
        r = inquestRun({QStringLiteral("evidence"), path, QStringLiteral("--rate"), QString::number(m_ids[2]),
                        QStringLiteral("--hypothesis"), QStringLiteral("2"), QStringLiteral("--rating"),
                        QStringLiteral("none"), QStringLiteral("--remove"), QString::number(m_ids[2])});
        QCOMPARE(r.status, 2);
        // A rating cleared (hypothesis by id), another item removed.
        r = inquestRun({QStringLiteral("evidence"), path, QStringLiteral("--rate"), QString::number(m_ids[2]),
                        QStringLiteral("--hypothesis"), QStringLiteral("2"), QStringLiteral("--rating"),
                        QStringLiteral("none"), QStringLiteral("--remove"), QString::number(m_ids[3])});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        data = casefile::read(path, nullptr);
        QCOMPARE(data->evidence.size(), 3);
        QCOMPARE_ENUM(data->evidence[2].rating(2), Rating::Unrated);

        // Grade and relevance, as the evidence detail sets them.
        r = inquestRun({QStringLiteral("evidence"), path, QStringLiteral("--grade"),
                        QString::number(m_ids[1]) + QStringLiteral("=e5"), QStringLiteral("--relevance"),
                        QString::number(m_ids[1]) + QStringLiteral("=low")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        data = casefile::read(path, nullptr);
        QCOMPARE(data->evidence[1].reliability, QChar(u'E'));
        QCOMPARE(data->evidence[1].credibility, 5);
        QCOMPARE_ENUM(data->evidence[1].relevance, Relevance::Low);

        // Bad input names what is wrong and changes nothing.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        const QList<QStringList> bad{
            {QStringLiteral("--accept"), QStringLiteral("9999")},
            {QStringLiteral("--accept"), QString::number(m_ids[1]) + QStringLiteral(",x")},
            {QStringLiteral("--rate"), QString::number(m_ids[1]), QStringLiteral("--hypothesis"),
             QStringLiteral("Aliens"), QStringLiteral("--rating"), QStringLiteral("C")},
            {QStringLiteral("--rate"), QString::number(m_ids[1]), QStringLiteral("--hypothesis"), QStringLiteral("1"),
             QStringLiteral("--rating"), QStringLiteral("maybe")},
            {QStringLiteral("--rate"), QString::number(m_ids[1])},
            {QStringLiteral("--accept"), QString::number(m_ids[1]), QStringLiteral("--reject"),
             QString::number(m_ids[1])},
            {QStringLiteral("--rating"), QStringLiteral("C")},
            {QStringLiteral("--grade"), QString::number(m_ids[1]) + QStringLiteral("=G7")},
            {QStringLiteral("--relevance"), QString::number(m_ids[1]) + QStringLiteral("=huge")},
            {QStringLiteral("--grade"), QStringLiteral("B2")}};
        for (const QStringList &args : bad) {
            r = inquestRun(QStringList{QStringLiteral("evidence"), path} + args);
            QVERIFY2(r.status == 1 || r.status == 2, qPrintable(args.join(u' ')));
            QVERIFY2(r.err.startsWith(QStringLiteral("inquest evidence: ")), qPrintable(r.err));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), before);
            f.close();
        }
        r = inquestRun({QStringLiteral("evidence"), path, QStringLiteral("--accept"), QStringLiteral("9999")});
        QVERIFY2(r.err.contains(QStringLiteral("no evidence item \"9999\"")), qPrintable(r.err));
        r = inquestRun({QStringLiteral("evidence"), path, QStringLiteral("--rate"), QString::number(m_ids[1]),
                        QStringLiteral("--hypothesis"), QStringLiteral("Aliens"), QStringLiteral("--rating"),
                        QStringLiteral("C")});
        QVERIFY2(r.err.contains(QStringLiteral("Hardware failure, DDoS attack")), qPrintable(r.err));
    }

    void hypothesesOnTheCommandLine()
    {
        const QString path = m_dir.filePath(QStringLiteral("hypotheses.inquest"));
        QVERIFY(QFile::copy(m_case, path));
        Run r = inquestRun({QStringLiteral("hypotheses"), path, QStringLiteral("--json")});
        QCOMPARE(r.status, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()[u"hypotheses"_qs].toArray().size(), 2);
        r = inquestRun({QStringLiteral("hypotheses"), path, QStringLiteral("--add"),
                        QStringLiteral("BGP leak=network,Failing PSU=hardware"), QStringLiteral("--rename"),
                        QStringLiteral("ddos attack=Botnet flood")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"network      BGP leak"_qs) && r.out.contains(u"ddos         Botnet flood"_qs),
                 qPrintable(r.out));
        auto data = casefile::read(path, nullptr);
        QVERIFY(data);
        QCOMPARE(data->hypotheses.size(), 4);
        // The score names the renamed hypothesis.
        r = inquestRun({QStringLiteral("score"), path, QStringLiteral("--json")});
        QVERIFY2(r.out.contains(u"Botnet flood"_qs), qPrintable(r.out));

        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        const QList<QStringList> bad{{QStringLiteral("--add"), QStringLiteral("bgp LEAK=network")},
                                     {QStringLiteral("--add"), QStringLiteral("Aliens=martian")},
                                     {QStringLiteral("--remove"), QStringLiteral("Nope")},
                                     {QStringLiteral("--rename"), QStringLiteral("BGP leak")},
                                     {QStringLiteral("--kind"), QStringLiteral("BGP leak=martian")},
                                     {QStringLiteral("--remove"), QStringLiteral("1,2,BGP leak,Failing PSU")}};
        for (const QStringList &args : bad) {
            r = inquestRun(QStringList{QStringLiteral("hypotheses"), path} + args);
            QVERIFY2(r.status == 1 || r.status == 2, qPrintable(args.join(u' ')));
            QVERIFY2(r.err.startsWith(u"inquest hypotheses: "_qs), qPrintable(r.err));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), before);
            f.close();
        }
        r = inquestRun({QStringLiteral("hypotheses"), path, QStringLiteral("--remove"), QStringLiteral("Nope")});
        QVERIFY2(r.err.contains(u"it has: Hardware failure, Botnet flood, BGP leak, Failing PSU"_qs),
                 qPrintable(r.err));

        r = inquestRun({QStringLiteral("hypotheses"), path, QStringLiteral("--remove"), QStringLiteral("bgp leak")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QCOMPARE(casefile::read(path, nullptr)->hypotheses.size(), 3);
    }

    void badInput()
    {
        const QString missing = m_dir.filePath(QStringLiteral("missing.inquest"));
        Run r = inquestRun({QStringLiteral("score"), missing, QStringLiteral("--json")});
        QCOMPARE(r.status, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(missing), qPrintable(r.err));
        r = inquestRun({QStringLiteral("evidence")});
        QCOMPARE(r.status, 2);
        r = inquestRun({QStringLiteral("score"), m_case, QStringLiteral("--jsn")});
        QCOMPARE(r.status, 2);
        QVERIFY(r.err.contains(QStringLiteral("--jsn")));
    }
};

QTEST_GUILESS_MAIN(TestScoreCli)
#include "tst_scorecli.moc"
