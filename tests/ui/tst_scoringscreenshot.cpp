// The evidence board and the scoring panel in the main window on a case of 14 items, grabbed
// to PNG for a person to look at (INQUEST_SCREENSHOT_DIR, default: the temp directory).
#include "mainwindow.h"

#include "docks/evidencedock.h"
#include "docks/evidencematrixview.h"
#include "docks/scoreexplanationview.h"
#include "docks/scoringdock.h"
#include "models/evidencemodel.h"
#include "models/scoretablemodel.h"

#include <QLabel>
#include <QTabWidget>
#include <QTableWidget>

#include "model/casedocument.h"

#include <QDir>
#include <QStandardPaths>
#include <QtTest>

using namespace inquest;

namespace {

CaseData outageCase()
{
    CaseData d =
        CaseData::create(QStringLiteral("Shop outage 2024-03-14"),
                         {Hypothesis{0, QStringLiteral("Hardware failure"), HypothesisKind::Hardware, 0.0, {}},
                          Hypothesis{0, QStringLiteral("DDoS attack"), HypothesisKind::Ddos, 0.0, {}},
                          Hypothesis{0, QStringLiteral("Flash crowd (sale)"), HypothesisKind::FlashCrowd, 0.0, {}},
                          Hypothesis{0, QStringLiteral("Bad deploy"), HypothesisKind::Change, 0.0, {}}});
    using enum Rating;
    struct Row
    {
        const char *title;
        const char *grade;
        Relevance relevance;
        EvidenceState state;
        Rating r[4];
        const char *tags;
        bool star;
    };
    const Row rows[] = {
        {"Request rate x40 within 2 minutes",
         "B2",
         Relevance::High,
         EvidenceState::Accepted,
         {I, C, C, N},
         "traffic",
         true},
        {"94% of requests from 3 ASNs",
         "B2",
         Relevance::High,
         EvidenceState::Accepted,
         {N, CC, II, N},
         "traffic,net",
         true},
        {"Same User-Agent on 81% of requests",
         "B3",
         Relevance::Medium,
         EvidenceState::Accepted,
         {NA, CC, I, NA},
         "traffic",
         false},
        {"No SMART or RAID errors in syslog",
         "A1",
         Relevance::Medium,
         EvidenceState::Accepted,
         {II, N, N, N},
         "hardware",
         false},
        {"5xx begin 40 s after traffic spike",
         "A2",
         Relevance::High,
         EvidenceState::Accepted,
         {I, C, C, I},
         "errors",
         false},
        {"Hoster status page: 'network attack'",
         "C3",
         Relevance::Medium,
         EvidenceState::Accepted,
         {I, C, N, N},
         "statement",
         false},
        {"CEO: 'our servers simply failed'",
         "D4",
         Relevance::Low,
         EvidenceState::Accepted,
         {C, I, N, N},
         "statement",
         false},
        {"Last deploy 3 days before outage",
         "A1",
         Relevance::Medium,
         EvidenceState::Accepted,
         {N, N, N, II},
         "change",
         false},
        {"Sale newsletter sent 09:00 (no spike then)",
         "B2",
         Relevance::Medium,
         EvidenceState::Accepted,
         {N, N, II, N},
         "marketing",
         true},
        {"SYN backlog full on both load balancers",
         "B1",
         Relevance::High,
         EvidenceState::Accepted,
         {I, CC, C, I},
         "net",
         false},
        {"Detector: error burst 10:02-10:19",
         "B2",
         Relevance::Medium,
         EvidenceState::Suggested,
         {I, C, C, N},
         "",
         false},
        {"Detector: client diversity drop",
         "B2",
         Relevance::Medium,
         EvidenceState::Suggested,
         {N, CC, I, N},
         "",
         false},
        {"Forum post: 'disk died at hoster'",
         "E5",
         Relevance::Low,
         EvidenceState::Rejected,
         {CC, I, N, N},
         "statement",
         false},
        {"Recovery after upstream filtering",
         "B2",
         Relevance::High,
         EvidenceState::Accepted,
         {II, CC, I, I},
         "net",
         true},
    };
    for (const Row &row : rows) {
        Evidence e;
        e.id = d.nextId++;
        e.title = QString::fromUtf8(row.title);
        e.origin = e.title.startsWith(u"Detector") ? QStringLiteral("detector:burst@1") : QStringLiteral("manual");
        e.reliability = QChar(QLatin1Char(row.grade[0]));
        e.credibility = row.grade[1] - '0';
        e.relevance = row.relevance;
        e.state = row.state;
        e.tags = QString::fromUtf8(row.tags).split(u',', Qt::SkipEmptyParts);
        e.starred = row.star;
        e.description = QStringLiteral("Observed in the access logs of both sites; see provenance.");
        e.provenance.sourceSha256 = QStringLiteral("3f9a").repeated(16);
        e.provenance.firstLine = 1200 + 10 * e.id;
        e.provenance.lastLine = 1240 + 10 * e.id;
        e.provenance.timeBegin = 1710410520000000;
        e.provenance.timeEnd = 1710411540000000;
        e.provenance.metric = QStringLiteral("requests");
        for (int j = 0; j < 4; ++j)
            e.ratings.insert(d.hypotheses[j].id, row.r[j]);
        d.evidence.append(e);
    }
    return d;
}

} // namespace

class TestScoringScreenshot : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void grabBoardAndPanel()
    {
        MainWindow window;
        window.document()->reset(outageCase());
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *board = window.findChild<EvidenceDock *>();
        auto *panel = window.findChild<ScoringDock *>();
        QVERIFY(board && panel);
        QCOMPARE(board->model()->rowCount(), 14);
        board->matrix()->sortByColumn(EvidenceModel::Diagnosticity, Qt::DescendingOrder);
        board->showEvidence(window.document()->evidence()[1].id);
        QTest::qWait(50);

        // The panel shows what the core computes for this case: DDoS attack leads.
        QCOMPARE(panel->rankingModel()->index(0, ScoreTableModel::Hypothesis).data().toString(),
                 QStringLiteral("DDoS attack"));
        QCOMPARE(panel->result().counted, 11);

        const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOT_DIR", QDir::tempPath());
        const QString whole = QDir(dir).filePath(QStringLiteral("inquest-scoring-window.png"));
        QVERIFY(window.grab().save(whole));
        QVERIFY(board->grab().save(QDir(dir).filePath(QStringLiteral("inquest-evidence-board.png"))));
        QVERIFY(panel->grab().save(QDir(dir).filePath(QStringLiteral("inquest-scoring-panel.png"))));
        QVERIFY(QFileInfo(whole).size() > 10000);
        // Why DDoS leads: every accepted item with its contribution, the gap items first.
        QCOMPARE(panel->tabs()->currentWidget(), panel->explanationView());
        const ScoreExplanation &why = panel->explanationView()->explanation();
        QCOMPARE(why.items.size(), 11);
        QCOMPARE(panel->explanationView()->table()->rowCount(), 11);
        QVERIFY2(why.summary().startsWith(QStringLiteral("DDoS attack leads ")), qPrintable(why.summary()));
        QCOMPARE(panel->explanationView()->summaryLabel()->text(), why.summary());
        QVERIFY(panel->summaryLabel()->text().contains(QStringLiteral("Most of the margin")));
        QVERIFY(window.grab().save(QDir(dir).filePath(QStringLiteral("inquest-scoring-why-window.png"))));
        // Docked narrow (the default layout gives it about a fifth of 1600 px): the title and the
        // gap column stay readable, the hypotheses scroll sideways. Taller than docked, so that
        // the tab shows without scrolling the panel.
        panel->setFloating(true);
        panel->resize(300, 900);
        QTest::qWait(50);
        QTableWidget *table = panel->explanationView()->table();
        QVERIFY(table->columnWidth(0) >= table->fontMetrics().averageCharWidth() * 20);
        QVERIFY(table->columnViewportPosition(1) + table->columnWidth(1) <= table->viewport()->width());
        QVERIFY(panel->grab().save(QDir(dir).filePath(QStringLiteral("inquest-scoring-why-narrow.png"))));
        panel->resize(520, 900);
        QTest::qWait(50);
        QVERIFY(panel->grab().save(QDir(dir).filePath(QStringLiteral("inquest-scoring-why.png"))));
        panel->setFloating(false);
        panel->tabs()->setCurrentIndex(3); // the weights editor
        QVERIFY(panel->grab().save(QDir(dir).filePath(QStringLiteral("inquest-scoring-weights.png"))));
        panel->tabs()->setCurrentIndex(2); // the hypotheses editor
        QVERIFY(panel->grab().save(QDir(dir).filePath(QStringLiteral("inquest-scoring-hypotheses.png"))));

        // The board on its own at a working size, as an analyst would float it on a second screen.
        board->setFloating(true);
        board->resize(1500, 520);
        QTest::qWait(50);
        QVERIFY(board->grab().save(QDir(dir).filePath(QStringLiteral("inquest-evidence-board-floating.png"))));
    }
};

QTEST_MAIN(TestScoringScreenshot)
#include "tst_scoringscreenshot.moc"
