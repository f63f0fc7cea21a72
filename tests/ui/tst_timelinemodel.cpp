#include "models/timelinemodel.h"

#include "ingest/logtemplates.h"
#include "model/httpstatus.h"
#include "scenario/volumetable.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QTest>

using namespace inquest;

namespace {

std::shared_ptr<const TimelineIndex> smallIndex()
{
    auto web = std::make_shared<EventTable>();
    std::size_t r = web->appendRow(1292190300'123'456, 0, 1); // 2010-12-12 21:45:00.123456Z
    web->client[r] = web->strings.intern("2001:db8::1");
    web->path[r] = web->strings.intern("/checkout");
    web->agent[r] = web->strings.intern("curl/7.21");
    web->status[r] = 503;
    web->bytes[r] = 1234;
    web->method[r] = HttpMethod::Post;
    web->responseUs[r] = 1500;
    r = web->appendRow(1292190302'000'000, 80, 2);
    web->status[r] = StatusNoResponseLogged; // logged as "000"
    web->host[r] = web->strings.intern("www.example.org");

    auto sys = std::make_shared<EventTable>();
    r = sys->appendRow(1292190301'000'000, 0, 7);
    sys->severity[r] = 3 | SeverityInferredBit;
    sys->message[r] = sys->strings.intern("kernel");
    LogTemplateMiner().add(*sys, r, "eth0 link down");
    sys->host[r] = sys->strings.intern("db1");
    return TimelineIndex::build(
        {{1, QStringLiteral("access.log"), QStringLiteral("/logs/access.log"), QStringLiteral("shop.example"), 0, web},
         {2, QStringLiteral("syslog"), QStringLiteral("/logs/syslog"), {}, 0, sys}});
}

TimelineController::Rows allRows(const std::shared_ptr<const TimelineIndex> &index)
{
    return TimelineController::Rows(index, &index->entries());
}

} // namespace

class TestTimelineModel : public QObject
{
    Q_OBJECT

private slots:
    void showsMergedRows()
    {
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        const auto index = smallIndex();
        model.setRows(index, allRows(index));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(TimelineModel::ColumnCount));
        auto cell = [&model](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(cell(0, TimelineModel::Time), QStringLiteral("2010-12-12 21:45:00.123"));
        QCOMPARE(cell(0, TimelineModel::Site), QStringLiteral("shop.example"));
        QCOMPARE(cell(0, TimelineModel::SourceName), QStringLiteral("access.log"));
        QCOMPARE(cell(0, TimelineModel::Client), QStringLiteral("2001:db8::1"));
        QCOMPARE(cell(0, TimelineModel::Method), QStringLiteral("POST"));
        QCOMPARE(cell(0, TimelineModel::Path), QStringLiteral("/checkout"));
        QCOMPARE(cell(0, TimelineModel::Status), QStringLiteral("503"));
        QCOMPARE(cell(0, TimelineModel::Bytes), QStringLiteral("1234"));
        QCOMPARE(cell(0, TimelineModel::ResponseTime), QStringLiteral("1.500"));
        QCOMPARE(model.index(0, TimelineModel::Client).data(Qt::ToolTipRole).toString(), QStringLiteral("curl/7.21"));
        QCOMPARE(model.index(0, TimelineModel::Status).data(Qt::ForegroundRole).value<QColor>(),
                 QColor(0xb0, 0x00, 0x20));

        // The syslog line sorts between the two web lines; its site is its host.
        QCOMPARE(cell(1, TimelineModel::Time), QStringLiteral("2010-12-12 21:45:01.000"));
        QCOMPARE(cell(1, TimelineModel::Site), QStringLiteral("db1"));
        QCOMPARE(cell(1, TimelineModel::Severity), QStringLiteral("err (inferred)"));
        QVERIFY(model.index(1, TimelineModel::Severity).data(Qt::ToolTipRole).toString().contains(u"Inferred"));
        QCOMPARE(cell(1, TimelineModel::Message), QStringLiteral("kernel: eth0 link down"));
        QCOMPARE(cell(1, TimelineModel::Status), QString());
        QCOMPARE(cell(1, TimelineModel::Bytes), QString());
        QCOMPARE(cell(1, TimelineModel::ResponseTime), QString());
        QCOMPARE(model.index(1, TimelineModel::SourceName).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("/logs/syslog"));
        QCOMPARE(cell(2, TimelineModel::Site), QStringLiteral("www.example.org")); // the line's vhost
        QCOMPARE(cell(2, TimelineModel::Status), QStringLiteral("000"));
        QCOMPARE(model.index(2, TimelineModel::Status).data(Qt::ForegroundRole).value<QColor>(),
                 QColor(0xb0, 0x00, 0x20)); // no response is a failure
        QCOMPARE(model.headerData(TimelineModel::Time, Qt::Horizontal).toString(), QStringLiteral("Time (UTC)"));
    }

    void showsFilteredRows()
    {
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<TimelineSource> sources;
        for (int s = 0; s < 3; ++s)
            sources.push_back({Id(s + 1),
                               QStringLiteral("log%1").arg(s),
                               {},
                               {},
                               0,
                               scenario::volumeTable({.rows = 5000, .seed = uint32_t(s + 3)})});
        const auto index = TimelineIndex::build(sources);
        model.setRows(index, allRows(index));
        QCOMPARE(model.rowCount(), 15'000);
        EventFilter f;
        f.statusClasses = EventFilter::Status5xx;
        auto rows = std::make_shared<const std::vector<uint64_t>>(*applyFilter(*index, f));
        model.setRows(index, rows);
        QCOMPARE(model.rowCount(), int(rows->size()));
        QVERIFY(model.rowCount() > 100 && model.rowCount() < 2000);
        QString previous;
        for (int r = 0; r < model.rowCount(); ++r) {
            QVERIFY(model.index(r, TimelineModel::Status).data().toString().startsWith(u'5'));
            const QString time = model.index(r, TimelineModel::Time).data().toString();
            QVERIFY(previous <= time);
            previous = time;
        }
        const qint64 middle = index->timeOf((*rows)[rows->size() / 2]);
        const int at = model.rowAtOrAfter(middle);
        QVERIFY(at <= int(rows->size() / 2));
        QCOMPARE(index->timeOf(model.entryAt(at)), middle);
        QCOMPARE(model.rowAtOrAfter(std::numeric_limits<qint64>::max()), model.rowCount());
    }

    void formatsTimes()
    {
        QCOMPARE(TimelineModel::formatTime(0), QStringLiteral("1970-01-01 00:00:00.000"));
        QCOMPARE(TimelineModel::formatTime(-1000), QStringLiteral("1969-12-31 23:59:59.999"));
        QCOMPARE(TimelineModel::formatTime(951782400'000'000), QStringLiteral("2000-02-29 00:00:00.000"));
        QCOMPARE(TimelineModel::formatTime(4102444799'999'000), QStringLiteral("2099-12-31 23:59:59.999"));
    }
};

QTEST_MAIN(TestTimelineModel)
#include "tst_timelinemodel.moc"
