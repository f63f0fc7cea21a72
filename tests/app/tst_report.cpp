// The findings report: content (pdftotext of the real PDF), pagination (rows never split,
// repeated headers), metadata and outline (pdfinfo), determinism, HTML escaping.
#include "testlib/reportfixture.h"
#include "testlib/testprinters.h"

#include "report/findingsreport.h"
#include "report/reportbuilder.h"
#include "report/reportscoring.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace inquest;
using namespace inquest::testing;

namespace {

QString tool(const QString &name) { return QStandardPaths::findExecutable(name); }

// Runs a poppler tool on a file; returns stdout.
QString poppler(const QString &name, const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TZ"), QStringLiteral("UTC")); // pdfinfo prints dates in local time
    p.setProcessEnvironment(env);
    p.start(tool(name), args);
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString normalised(const QString &text) { return text.simplified(); }

ReportOptions fixedOptions()
{
    ReportOptions o;
    o.timeZone = QStringLiteral("Europe/Berlin");
    o.generatedAt = QDateTime(QDate(2010, 12, 9), QTime(12, 0), QTimeZone::utc());
    return o;
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    CaseData m_case = reportCase();
    ReportScores m_scores = reportScores(m_case);

    QString writePdf(const FindingsReport &report, const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QString error;
        if (!report.writePdf(path, &error))
            qWarning("%s", qPrintable(error));
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (tool(QStringLiteral("pdftotext")).isEmpty() || tool(QStringLiteral("pdfinfo")).isEmpty())
            QSKIP("poppler-utils (pdftotext, pdfinfo) are not installed; installer/install-deps.sh installs them");
    }

    void pdfTextHasTheFindings()
    {
        FakeFigureRenderer figures;
        const FindingsReport report(m_case, m_scores, &figures, fixedOptions());
        const QString path = writePdf(report, QStringLiteral("case.pdf"));
        const int figureCalls = figures.calls;
        // To look at the pages: INQUEST_KEEP_REPORT=DIR keeps the PDF and the HTML there.
        if (const QString keep = qEnvironmentVariable("INQUEST_KEEP_REPORT"); !keep.isEmpty()) {
            QFile::remove(keep + QStringLiteral("/case.pdf"));
            QFile::copy(path, keep + QStringLiteral("/case.pdf"));
            QString error;
            report.writeHtml(keep + QStringLiteral("/case.html"), &error);
        }
        const QString text = normalised(poppler(QStringLiteral("pdftotext"), {path, QStringLiteral("-")}));
        QVERIFY(text.contains(QStringLiteral("Leading hypothesis: DDoS attack")));
        QVERIFY(text.contains(report.document().reportId));
        for (const Source &s : m_case.sources)
            QVERIFY2(text.contains(s.sha256), qPrintable(s.sha256));
        for (const CustodyEntry &c : m_case.custody) {
            QVERIFY2(text.contains(normalised(c.detail)), qPrintable(c.detail));
            QVERIFY(text.contains(c.hash.left(12)));
        }
        for (const char *action : {"create", "import", "import-news", "edit", "save"})
            QVERIFY(text.contains(QString::fromLatin1(action)));
        // Statements with their resolved times, in UTC and in the chosen zone (CET = UTC+1).
        QVERIFY(text.contains(QStringLiteral("2010-12-05 21:45:00Z")));
        QVERIFY(text.contains(QStringLiteral("2010-12-05 22:45:00")));
        QVERIFY(text.contains(QStringLiteral("Mirror sites knocked offline")));
        QVERIFY(text.contains(QStringLiteral("Confidence")));
        QVERIFY(text.contains(QStringLiteral("moderate"))); // margin 3.5 with one critical item
        // Every page says where it is.
        QVERIFY(text.contains(QStringLiteral("page 1 of %1").arg(report.pageCount())));
        QVERIFY(text.contains(QStringLiteral("page %1 of %1").arg(report.pageCount())));
        // The figures were drawn through the renderer, all sites then one per site, zoomed with context.
        QCOMPARE(figureCalls, 3);
        QVERIFY(figures.specs.first().sites.isEmpty());
        QCOMPARE(figures.specs.first().title, QStringLiteral("Requests and failed (5xx or no response), all sites"));
        QCOMPARE(figures.specs.first().beginUs, at("2010-12-05T21:00:00Z"));
        QCOMPARE(figures.specs.first().endUs, at("2010-12-05T23:15:00Z"));
        QStringList drawn;
        for (const ChartSpec &spec : figures.specs)
            drawn += spec.sites;
        QCOMPARE(drawn, (QStringList{QStringLiteral("api.example"), QStringLiteral("shop.example")}));
        QCOMPARE(figures.specs.last().title, QStringLiteral("Requests and failed (5xx or no response): shop.example"));
    }

    void pageCountAndMetadata()
    {
        const FindingsReport report(m_case, m_scores, nullptr, fixedOptions());
        QVERIFY2(report.pageCount() >= 5 && report.pageCount() <= 20, qPrintable(QString::number(report.pageCount())));
        const QString path = writePdf(report, QStringLiteral("meta.pdf"));
        const QString info = poppler(QStringLiteral("pdfinfo"), {path});
        const auto field = [&info](const QString &name) {
            const QRegularExpression re(QStringLiteral("^%1:\\s+(.*)$").arg(name), QRegularExpression::MultilineOption);
            return re.match(info).captured(1).trimmed();
        };
        QCOMPARE(field(QStringLiteral("Pages")), QString::number(report.pageCount()));
        QCOMPARE(field(QStringLiteral("Author")), QStringLiteral("Ana Analyst"));
        QCOMPARE(field(QStringLiteral("Title")), QStringLiteral("Mirror outage, 5 December 2010"));
        QCOMPARE(field(QStringLiteral("Subject")), QStringLiteral("Findings: DDoS attack leads (confidence moderate)"));
        QVERIFY(field(QStringLiteral("CreationDate")).contains(QStringLiteral("Dec  9 12:00:00 2010 UTC")));
        // Fonts embedded (subset) and the section outline present.
        const QString fonts = poppler(QStringLiteral("pdffonts"), {path});
        QVERIFY2(fonts.contains(QStringLiteral("DejaVuSans")), qPrintable(fonts));
        const QStringList rows = fonts.split(u'\n').mid(2);
        for (const QString &row : rows) {
            if (!row.trimmed().isEmpty())
                QVERIFY2(row.contains(QStringLiteral(" yes ")), qPrintable(row));
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray pdf = f.readAll();
        QVERIFY(pdf.contains("/Outlines"));
        QCOMPARE(pdf.count("/Parent"), report.document().contents().size() + pdf.count("/Type /Page\n"));
    }

    void contentsPageNumbersMatchTheLayout()
    {
        const FindingsReport report(m_case, m_scores, nullptr, fixedOptions());
        const ReportLayout &layout = report.layout();
        const QList<ReportDocument::Entry> entries = report.document().contents();
        QCOMPARE(entries.size(), allReportSections().size());
        int last = 0;
        for (const ReportDocument::Entry &e : entries) {
            QVERIFY(layout.anchorPages.contains(e.anchor));
            QVERIFY(layout.anchorPages.value(e.anchor) >= last); // in order
            last = layout.anchorPages.value(e.anchor);
        }
        QVERIFY(layout.anchorPages.value(entries.first().anchor) >= 2); // after title and contents pages
    }

    void rowsAreNeverSplitAndHeadersRepeat()
    {
        const CaseData big = reportCase(120);
        const FindingsReport report(big, reportScores(big), nullptr, fixedOptions());
        const ReportLayout &layout = report.layout();
        const QRectF body = layout.style.body();
        QHash<int, QList<RowPlacement>> byTable;
        for (const RowPlacement &r : layout.rows) {
            // Each row lies whole inside the body of one page.
            QVERIFY2(r.rect.top() >= body.top() - 0.5 && r.rect.bottom() <= body.bottom() + 0.5,
                     qPrintable(QStringLiteral("block %1 row %2 page %3").arg(r.block).arg(r.row).arg(r.page)));
            byTable[r.block].append(r);
        }
        int continued = 0;
        for (auto it = byTable.cbegin(); it != byTable.cend(); ++it) {
            const ReportBlock &block = report.document().blocks.at(it.key());
            const QList<RowPlacement> &rows = it.value();
            int page = rows.first().page;
            for (int i = 0; i < rows.size(); ++i) {
                if (rows.at(i).page == page)
                    continue;
                // A table continuing on a new page starts there with its header, at the top.
                page = rows.at(i).page;
                ++continued;
                if (!block.header.isEmpty()) {
                    QCOMPARE(rows.at(i).row, -1);
                    QVERIFY(rows.at(i).repeated);
                    QCOMPARE(rows.at(i).rect.top(), body.top());
                }
            }
            // Every data row placed exactly once, in order.
            int expected = 0;
            for (const RowPlacement &r : rows) {
                if (r.row >= 0)
                    QCOMPARE(r.row, expected++);
            }
            QCOMPARE(expected, int(block.rows.size()));
        }
        QVERIFY2(continued >= 3, "the 120-item evidence table spans several pages");
        // Headers are not orphaned: a table header is never the last thing on a page.
        for (int i = 0; i + 1 < layout.rows.size(); ++i) {
            if (layout.rows.at(i).row == -1 && layout.rows.at(i + 1).block == layout.rows.at(i).block)
                QCOMPARE(layout.rows.at(i + 1).page, layout.rows.at(i).page);
        }
    }

    // Keep-with-next, as a property: whatever shifts the content down, no page ends with a
    // heading or with a paragraph that introduces a table or figure on the next page.
    void headingsAndIntroductionsAreNeverLeftAtAPageEnd()
    {
        for (int shift = 0; shift < 60; ++shift) {
            CaseData c = reportCase(4 + shift % 7);
            // Lines of an evidence row move every later section down by a line at a time.
            c.evidence.first().description =
                QStringList(shift / 7 + 1, QStringLiteral("A line that moves everything below it down.")).join(u'\n');
            c.evidence.first().comments = QStringList(shift % 5, QStringLiteral("more")).join(u'\n');
            const FindingsReport report(c, reportScores(c), nullptr, fixedOptions());
            const ReportLayout &layout = report.layout();
            const QRectF body = layout.style.body();
            for (int p = 0; p + 1 < layout.pages.size(); ++p) {
                // The lowest thing in the page body: a text/figure item or a table row.
                double lowestRow = -1;
                for (const RowPlacement &r : layout.rows) {
                    if (r.page == p)
                        lowestRow = qMax(lowestRow, r.rect.top());
                }
                const PageItem *lowest = nullptr;
                for (const PageItem &item : layout.pages.at(p).items) {
                    const bool inBody =
                        item.rect.top() >= body.top() - 0.5 && item.rect.bottom() <= body.bottom() + 0.5;
                    if (inBody && (item.kind == PageItem::Text || item.kind == PageItem::Figure) &&
                        (!lowest || item.rect.top() > lowest->rect.top()))
                        lowest = &item;
                }
                if (!lowest || lowest->rect.top() <= lowestRow)
                    continue; // a table row is last
                const bool heading = lowest->font == FontRole::Heading1 || lowest->font == FontRole::Heading2;
                QVERIFY2(lowest->kind != PageItem::Text || !heading,
                         qPrintable(QStringLiteral("shift %1: page %2 ends with the heading \"%3\"")
                                        .arg(shift)
                                        .arg(p + 1)
                                        .arg(lowest->text)));
            }
        }
    }

    void deterministicWithSourceDateEpoch()
    {
        qputenv("SOURCE_DATE_EPOCH", "1291939200"); // 2010-12-10T00:00:00Z
        ReportOptions o;
        o.timeZone = QStringLiteral("Europe/Berlin");
        const QByteArray a = FindingsReport(m_case, m_scores, nullptr, o).pdf();
        QTest::qWait(1100); // a different wall-clock second
        const QByteArray b = FindingsReport(m_case, m_scores, nullptr, o).pdf();
        qunsetenv("SOURCE_DATE_EPOCH");
        QVERIFY(a.startsWith("%PDF-"));
        QCOMPARE(a.size(), b.size());
        QVERIFY(a == b);
        QVERIFY(a.contains("/CreationDate (D:20101210000000"));
        QVERIFY(!a.contains(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd")).toLatin1()));
    }

    void reportIdFollowsContentNotTime()
    {
        ReportOptions later = fixedOptions();
        later.generatedAt = later.generatedAt.addDays(30);
        const QString id = FindingsReport(m_case, m_scores, nullptr, fixedOptions()).document().reportId;
        QVERIFY(id.startsWith(QStringLiteral("IQR-")));
        QCOMPARE(FindingsReport(m_case, m_scores, nullptr, later).document().reportId, id);
        CaseData edited = m_case;
        edited.evidence[3].comments = QStringLiteral("changed my mind");
        QVERIFY(FindingsReport(edited, m_scores, nullptr, fixedOptions()).document().reportId != id);
    }

    void caseFileHashOnTitlePage()
    {
        const QString file = m_dir.filePath(QStringLiteral("some.inquest"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not really a case, but bytes to hash");
        f.close();
        ReportOptions o = fixedOptions();
        o.caseFilePath = file;
        const FindingsReport report(m_case, m_scores, nullptr, o);
        QVERIFY(report.html().contains(fileSha256(file)));
        QCOMPARE(
            fileSha256(file),
            QStringLiteral("%1").arg(QString::fromLatin1(
                QCryptographicHash::hash("not really a case, but bytes to hash", QCryptographicHash::Sha256).toHex())));
        QVERIFY(FindingsReport(m_case, m_scores, nullptr, fixedOptions()).html().contains(QStringLiteral("not saved")));
    }

    // A statement's inferred organisation is printed as inferred, with what it rests on.
    void inferredOrganisationIsSaidToBeInferred()
    {
        CaseData data = m_case;
        QVERIFY(!data.statements.isEmpty());
        data.statements[0].organisation = QStringLiteral("Harbourline Bank");
        data.statements[0].organisationBasis = QStringLiteral("the organisation last named before the statement");
        const QString html = FindingsReport(data, reportScores(data), nullptr, fixedOptions()).html();
        QVERIFY(html.contains(
            QStringLiteral("Harbourline Bank (inferred: the organisation last named before the statement)")));
        data.statements[0].organisationBasis.clear();
        QVERIFY(!FindingsReport(data, reportScores(data), nullptr, fixedOptions())
                     .html()
                     .contains(QStringLiteral("(inferred")));
    }

    void htmlEscapesHostileStrings()
    {
        CaseData hostile = m_case;
        hostile.meta.title = QStringLiteral("<script>alert('title')</script>");
        hostile.meta.analyst = QStringLiteral("\"><img src=x onerror=alert(1)>");
        hostile.evidence[0].comments = QStringLiteral("</td></tr><script>steal()</script>");
        hostile.statements[0].quote = QStringLiteral("<iframe src=//evil>");
        hostile.custody[2].detail = QStringLiteral("a & b <b>bold</b>");
        FakeFigureRenderer figures;
        const FindingsReport report(hostile, reportScores(hostile), &figures, fixedOptions());
        const QString html = report.html();
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(!html.contains(QStringLiteral("<iframe")));
        QVERIFY(!html.contains(QStringLiteral("<img src=x")));
        QVERIFY(!html.contains(QStringLiteral("<b>bold")));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;")) ||
                html.contains(QStringLiteral("&lt;script&gt;alert('title')&lt;/script&gt;")));
        QVERIFY(html.contains(QStringLiteral("a &amp; b &lt;b&gt;bold&lt;/b&gt;")));
        QVERIFY(html.contains(QStringLiteral("Content-Security-Policy")));
        QVERIFY(html.contains(QStringLiteral("data:image/png;base64,"))); // figures inline
        // Same report: the HTML carries every section and the same report id.
        for (const ReportDocument::Entry &e : report.document().contents())
            QVERIFY(html.contains(QStringLiteral("id=\"%1\"").arg(e.anchor)));
        QVERIFY(html.contains(report.document().reportId));
        // And the PDF of the hostile case still renders, with the text as typed.
        const QString text = normalised(poppler(
            QStringLiteral("pdftotext"), {writePdf(report, QStringLiteral("hostile.pdf")), QStringLiteral("-")}));
        QVERIFY(text.contains(QStringLiteral("<script>alert('title')</script>")));
    }

    // The analyst's hypothesis name is printed once; its kind follows only when the names differ.
    // A report in UTC has one time column, not two equal ones.
    void namesAndZonesAreNotRepeated()
    {
        ReportOptions utcOptions = fixedOptions();
        utcOptions.timeZone = QStringLiteral("UTC");
        const FindingsReport inUtc(m_case, m_scores, nullptr, utcOptions);
        const QString text = normalised(
            poppler(QStringLiteral("pdftotext"), {writePdf(inUtc, QStringLiteral("utc.pdf")), QStringLiteral("-")}));
        QVERIFY(text.contains(QStringLiteral("Leading hypothesis: DDoS attack Score")));
        QVERIFY(!text.contains(QStringLiteral("DDoS attack (DDoS attack)")));
        QVERIFY(text.contains(QStringLiteral("Times shown in UTC")));
        QVERIFY(!text.contains(QStringLiteral("UTC and UTC")));
        QVERIFY(text.contains(QStringLiteral("Time (UTC) Event")));
        QVERIFY(!text.contains(QStringLiteral("Time (UTC) Time (UTC)")));

        const QString zoned = normalised(
            poppler(QStringLiteral("pdftotext"),
                    {writePdf(FindingsReport(m_case, m_scores, nullptr, fixedOptions()), QStringLiteral("cet.pdf")),
                     QStringLiteral("-")}));
        QVERIFY(zoned.contains(QStringLiteral("Times shown in UTC and Europe/Berlin")));
        QVERIFY(zoned.contains(QStringLiteral("Time (UTC) Time (Europe/Berlin) Event")));

        CaseData renamed = m_case;
        for (Hypothesis &h : renamed.hypotheses) {
            if (h.kind == HypothesisKind::Ddos)
                h.name = QStringLiteral("Botnet flood");
        }
        const FindingsReport named(renamed, reportScores(renamed), nullptr, fixedOptions());
        const QString namedText = normalised(
            poppler(QStringLiteral("pdftotext"), {writePdf(named, QStringLiteral("named.pdf")), QStringLiteral("-")}));
        QVERIFY2(namedText.contains(QStringLiteral("Leading hypothesis: Botnet flood (DDoS attack)")),
                 qPrintable(namedText.left(2000)));
    }

    // The "why" table is the scores' own: the leader, the runner-up and the items between them.
    void whyTheLeaderLeads()
    {
        const ReportScores scores = scoreCaseForReport(m_case);
        QVERIFY(scores.ranked.size() >= 2);
        QVERIFY(!scores.why.isEmpty());
        double gap = 0;
        for (const ReportScores::Contribution &c : scores.why)
            gap += c.difference;
        QVERIFY(std::abs(gap - scores.margin) < 1e-9); // the listed items make the whole margin
        const FindingsReport report(m_case, scores, nullptr, fixedOptions());
        const QString text = normalised(
            poppler(QStringLiteral("pdftotext"), {writePdf(report, QStringLiteral("why.pdf")), QStringLiteral("-")}));
        QVERIFY(text.contains(QStringLiteral("Why the leader leads")));
        QVERIFY2(text.contains(scores.ranked.at(0).name + QStringLiteral(" leads ") + scores.ranked.at(1).name),
                 qPrintable(text));
        QVERIFY(text.contains(scores.why.first().differenceText));
        QVERIFY(text.contains(QStringLiteral("sums to the margin")));
    }

    void notScored()
    {
        const FindingsReport report(m_case, ReportScores{}, nullptr, fixedOptions());
        const QString text = normalised(
            poppler(QStringLiteral("pdftotext"), {writePdf(report, QStringLiteral("ns.pdf")), QStringLiteral("-")}));
        QVERIFY(text.contains(QStringLiteral("Not scored")));
        QVERIFY(!text.contains(QStringLiteral("Leading hypothesis")));
        QVERIFY(text.contains(QStringLiteral("Charts are not drawn")));
    }

    void confidenceRule_data()
    {
        QTest::addColumn<double>("margin");
        QTest::addColumn<int>("critical");
        QTest::addColumn<int>("hypotheses");
        QTest::addColumn<QString>("level");
        QTest::newRow("none") << 0.0 << 0 << 0 << QStringLiteral("not scored");
        QTest::newRow("single") << 3.0 << 0 << 1 << QStringLiteral("undecided");
        QTest::newRow("tie") << 0.0 << 0 << 2 << QStringLiteral("undecided");
        QTest::newRow("clear") << 2.0 << 0 << 3 << QStringLiteral("high");
        QTest::newRow("clear but critical") << 5.0 << 1 << 3 << QStringLiteral("moderate");
        QTest::newRow("one") << 1.0 << 0 << 2 << QStringLiteral("moderate");
        QTest::newRow("many critical") << 5.0 << 2 << 2 << QStringLiteral("low");
        QTest::newRow("thin") << 0.5 << 0 << 2 << QStringLiteral("low");
    }

    void confidenceRule()
    {
        QFETCH(double, margin);
        QFETCH(int, critical);
        QFETCH(int, hypotheses);
        QFETCH(QString, level);
        ReportScores s;
        for (int i = 0; i < hypotheses; ++i)
            s.ranked.append({i + 1, QStringLiteral("H%1").arg(i), HypothesisKind::Other, i + 1, double(i), 0, 0});
        s.margin = margin;
        for (int i = 0; i < critical; ++i)
            s.critical.append(i + 1);
        QCOMPARE(confidence(s).level, level);
    }

    void incidentRangeWidensByTheOutageLength()
    {
        const auto [b, e] = ReportBuilder::incidentRange(m_case);
        QCOMPARE(b, at("2010-12-05T21:00:00Z"));
        QCOMPARE(e, at("2010-12-05T23:15:00Z"));
        CaseData noOutage = m_case;
        noOutage.markers.removeIf([](const Marker &m) { return m.kind == MarkerKind::Outage; });
        QCOMPARE(ReportBuilder::incidentRange(noOutage), (std::pair<qint64, qint64>{0, 0}));
    }

    void sectionChoicesLeaveSectionsOut()
    {
        ReportOptions o = fixedOptions();
        o.sections = {ReportSection::Summary, ReportSection::Custody};
        const FindingsReport report(m_case, m_scores, nullptr, o);
        QCOMPARE(report.document().contents().size(), 2);
        const QString html = report.html();
        QVERIFY(html.contains(QStringLiteral("Appendix B: Custody log")));
        QVERIFY(!html.contains(QStringLiteral("Appendix A: Sources")));
    }

    void previewImageIsPainted()
    {
        FakeFigureRenderer figures;
        const FindingsReport report(m_case, m_scores, &figures, fixedOptions());
        const QImage page = report.pageImage(0, 600);
        QCOMPARE(page.width(), 600);
        QVERIFY(page.height() > 800);
        int dark = 0;
        for (int y = 0; y < page.height(); y += 2)
            for (int x = 0; x < page.width(); x += 2)
                dark += qGray(page.pixel(x, y)) < 128;
        QVERIFY2(dark > 200, "the title page has visible text");
    }

    void writeFailsCleanly()
    {
        const FindingsReport report(m_case, m_scores, nullptr, fixedOptions());
        QString error;
        QVERIFY(!report.writePdf(m_dir.filePath(QStringLiteral("no/such/dir/x.pdf")), &error));
        QVERIFY(error.contains(QStringLiteral("x.pdf")));
    }
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
