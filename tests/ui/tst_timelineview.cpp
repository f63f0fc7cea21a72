#include "models/timelinemodel.h"
#include "timeline/rawlinepanel.h"
#include "timeline/timelinefilterbar.h"
#include "timeline/timelineview.h"

#include "analysis/timelinecontroller.h"
#include "model/casedocument.h"
#include "model/commands.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

using namespace inquest;

namespace {

constexpr qint64 T0 = 1292190300'000'000; // 2010-12-12 21:45:00Z

// Writes a small access log (gzip-compressed if asked) and returns its Source with offsets
// and line numbers that point at the real lines. Event i is at T0 + (i * step + shift) s.
Source writeLog(const QString &path, const QString &site, int lines, int step, int shift, bool gz)
{
    auto table = std::make_shared<EventTable>();
    QByteArray text;
    for (int i = 0; i < lines; ++i) {
        const QByteArray path = (i % 3 == 0 ? "/checkout/" : "/item/") + QByteArray::number(i);
        const uint16_t status = i % 4 == 0 ? 503 : 200;
        const std::size_t r =
            table->appendRow(T0 + qint64(i * step + shift) * 1'000'000, quint64(text.size()), uint32_t(i + 1));
        table->path[r] = table->strings.intern(path.toStdString());
        table->client[r] = table->strings.intern("192.0.2." + std::to_string(i));
        table->status[r] = status;
        text += "192.0.2." + QByteArray::number(i) + " - - \"GET " + path + "\" " + QByteArray::number(status) + " 0\n";
    }
    QByteArray bytes = text;
    if (gz) {
        uLongf size = compressBound(uLong(text.size())) + 64;
        bytes = QByteArray(qsizetype(size), Qt::Uninitialized);
        z_stream zs{};
        deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
        zs.next_in = reinterpret_cast<Bytef *>(text.data());
        zs.avail_in = uInt(text.size());
        zs.next_out = reinterpret_cast<Bytef *>(bytes.data());
        zs.avail_out = uInt(bytes.size());
        deflate(&zs, Z_FINISH);
        bytes.truncate(qsizetype(zs.total_out));
        deflateEnd(&zs);
    }
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
    Source s;
    s.path = path;
    s.site = site;
    s.size = bytes.size();
    s.format = QStringLiteral("combined");
    s.lines = s.events = lines;
    s.firstTime = table->minTime();
    s.lastTime = table->maxTime();
    s.table = table;
    return s;
}

QString cell(TimelineModel *model, int row, int column) { return model->index(row, column).data().toString(); }

} // namespace

class TestTimelineView : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_doc = std::make_unique<CaseDocument>();
        m_plain = edit::addSource(m_doc.get(), writeLog(m_dir->filePath(QStringLiteral("a.log")),
                                                        QStringLiteral("shop.example"), 30, 2, 0, false));
        m_gz = edit::addSource(m_doc.get(), writeLog(m_dir->filePath(QStringLiteral("b.log.gz")),
                                                     QStringLiteral("news.example"), 30, 2, 1, true));
        m_dock = std::make_unique<TimelineView>(m_doc.get());
        m_dock->resize(1200, 600);
        m_dock->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dock.get()));
    }
    void cleanup()
    {
        m_dock.reset();
        m_doc.reset();
        m_dir.reset();
    }

    void showsAllSourcesMerged()
    {
        TimelineModel *model = m_dock->model();
        QTRY_COMPARE(model->rowCount(), 60);
        // a.log events at even seconds, b.log.gz at odd: they interleave.
        QCOMPARE(cell(model, 0, TimelineModel::SourceName), QStringLiteral("a.log"));
        QCOMPARE(cell(model, 1, TimelineModel::SourceName), QStringLiteral("b.log.gz"));
        QCOMPARE(cell(model, 1, TimelineModel::Time), QStringLiteral("2010-12-12 21:45:01.000"));
        auto *site = m_dock->findChild<QComboBox *>(QStringLiteral("timelineSite"));
        QCOMPARE(site->count(), 3); // all + the two sites
    }

    void typingFiltersRows()
    {
        auto *text = m_dock->findChild<QLineEdit *>(QStringLiteral("timelineFilterText"));
        QVERIFY(text);
        QTest::keyClicks(text, QStringLiteral("CHECKOUT"));
        TimelineModel *model = m_dock->model();
        QTRY_COMPARE(model->rowCount(), 20); // every third line of each log
        for (int r = 0; r < model->rowCount(); ++r)
            QVERIFY(cell(model, r, TimelineModel::Path).startsWith(QStringLiteral("/checkout/")));
        auto *status = m_dock->findChild<QComboBox *>(QStringLiteral("timelineStatus"));
        status->setCurrentIndex(status->findText(QStringLiteral("5xx")));
        emit status->activated(status->currentIndex());
        QCOMPARE(model->rowCount(), 6); // lines 0, 12, 24 of each: divisible by 3 and by 4
        auto *source = m_dock->findChild<QComboBox *>(QStringLiteral("timelineSource"));
        source->setCurrentIndex(source->findText(QStringLiteral("b.log.gz")));
        emit source->activated(source->currentIndex());
        QCOMPARE(model->rowCount(), 3);
        QVERIFY(
            m_dock->findChild<QLabel *>(QStringLiteral("timelineCount"))->text().contains(QStringLiteral("3 of 60")));
        text->clear();
        QTRY_COMPARE(model->rowCount(), 8); // 5xx of b.log.gz: lines 0, 4, …, 28
    }

    void typedTimeRange()
    {
        auto *from = m_dock->findChild<QLineEdit *>(QStringLiteral("timelineFrom"));
        auto *to = m_dock->findChild<QLineEdit *>(QStringLiteral("timelineTo"));
        QTest::keyClicks(from, QStringLiteral("2010-12-12 21:45:10"));
        QTest::keyClicks(to, QStringLiteral("2010-12-12T21:45:20Z"));
        QTRY_COMPARE(m_dock->model()->rowCount(), 10); // seconds 10..19
        QCOMPARE(cell(m_dock->model(), 0, TimelineModel::Time), QStringLiteral("2010-12-12 21:45:10.000"));
        QTest::keyClicks(to, QStringLiteral("garbage"));
        QVERIFY(!to->styleSheet().isEmpty()); // marked, and the last good range stays
        QTest::qWait(300);
        QCOMPARE(m_dock->model()->rowCount(), 10);
    }

    void showTimeRangeFiltersAndScrolls()
    {
        m_dock->showTimeRange(T0 + 20'000'000, T0 + 30'000'000, QStringLiteral("news.example"));
        TimelineModel *model = m_dock->model();
        QTRY_COMPARE(model->rowCount(), 5); // b.log.gz at 21, 23, …, 29
        QCOMPARE(cell(model, 0, TimelineModel::Time), QStringLiteral("2010-12-12 21:45:21.000"));
        QCOMPARE(m_dock->view()->currentIndex().row(), 0);
        QCOMPARE(m_dock->findChild<QComboBox *>(QStringLiteral("timelineSite"))->currentText(),
                 QStringLiteral("news.example"));
        QCOMPARE(m_dock->findChild<QLineEdit *>(QStringLiteral("timelineFrom"))->text(),
                 QStringLiteral("2010-12-12 21:45:20.000"));

        m_dock->showTimeRange(T0 + 41'000'000, T0 + 42'000'000, {});
        QTRY_COMPARE(model->rowCount(), 1); // the site stays
        QCOMPARE(cell(model, 0, TimelineModel::Time), QStringLiteral("2010-12-12 21:45:41.000"));
    }

    void showsRawLineFromPlainAndGzip()
    {
        QTableView *view = m_dock->view();
        QSignalSpy shown(m_dock->rawLinePanel(), &RawLinePanel::lineShown);
        view->setCurrentIndex(m_dock->model()->index(4, 0)); // a.log line 3
        QTRY_COMPARE(shown.size(), 1);
        QCOMPARE(m_dock->rawLinePanel()->lineText(), QStringLiteral("192.0.2.2 - - \"GET /item/2\" 200 0"));
        QVERIFY(m_dock->rawLinePanel()->infoText().contains(QStringLiteral("a.log")));
        QVERIFY(m_dock->rawLinePanel()->infoText().contains(QStringLiteral("line 3")));

        view->setCurrentIndex(m_dock->model()->index(59, 0)); // b.log.gz, its last line
        QTRY_COMPARE(shown.size(), 2);
        QCOMPARE(m_dock->rawLinePanel()->lineText(), QStringLiteral("192.0.2.29 - - \"GET /item/29\" 200 0"));
        QVERIFY(m_dock->rawLinePanel()->infoText().contains(QStringLiteral("b.log.gz")));
        QVERIFY(m_dock->rawLinePanel()->infoText().contains(QStringLiteral("line 30")));
    }

    void missingFileShowsParsedFields()
    {
        QVERIFY(QFile::remove(m_dir->filePath(QStringLiteral("a.log"))));
        QSignalSpy shown(m_dock->rawLinePanel(), &RawLinePanel::lineShown);
        m_dock->view()->setCurrentIndex(m_dock->model()->index(0, 0));
        QTRY_COMPARE(shown.size(), 1);
        const QString info = m_dock->rawLinePanel()->infoText();
        QVERIFY2(info.contains(QStringLiteral("missing")), qPrintable(info));
        QVERIFY(info.contains(QStringLiteral("showing the parsed fields only")));
        QVERIFY(m_dock->rawLinePanel()->lineText().contains(QStringLiteral("Path: /checkout/0")));
        QVERIFY(m_dock->rawLinePanel()->lineText().contains(QStringLiteral("Status: 503")));
    }

    void doubleClickReportsSourceAndRow()
    {
        QSignalSpy activated(m_dock.get(), &TimelineView::rowActivated);
        QTableView *view = m_dock->view();
        const QRect rect = view->visualRect(m_dock->model()->index(3, TimelineModel::Path));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated[0][0].value<Id>(), m_gz);
        QCOMPARE(activated[0][1].toLongLong(), qint64(1)); // b.log.gz's second event
    }

    void followsSourceChanges()
    {
        TimelineModel *model = m_dock->model();
        edit::removeSource(m_doc.get(), m_plain);
        QTRY_COMPARE(model->rowCount(), 30);
        QCOMPARE(m_dock->findChild<QComboBox *>(QStringLiteral("timelineSource"))->count(), 2);
        m_doc->undoStack()->undo();
        QTRY_COMPARE(model->rowCount(), 60);
        auto *hint = m_dock->findChild<QLabel *>(QStringLiteral("timelineEmptyHint"));
        QVERIFY(!hint->isVisible());
        m_doc->reset(CaseData::create(QStringLiteral("empty")));
        QTRY_COMPARE(model->rowCount(), 0);
        QVERIFY(hint->isVisible()); // an empty case says how to fill it
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CaseDocument> m_doc;
    std::unique_ptr<TimelineView> m_dock;
    Id m_plain = 0;
    Id m_gz = 0;
};

QTEST_MAIN(TestTimelineView)
#include "tst_timelineview.moc"
