#include "analysis/timelinecontroller.h"

#include "scenario/volumetable.h"

#include <QSignalSpy>
#include <QTest>

using namespace inquest;

namespace {

std::vector<TimelineSource> makeSources(std::size_t rowsEach, int count)
{
    std::vector<TimelineSource> sources;
    for (int s = 0; s < count; ++s)
        sources.push_back({Id(s + 1),
                           QStringLiteral("s%1").arg(s),
                           {},
                           {},
                           0,
                           scenario::volumeTable({.rows = rowsEach, .seed = uint32_t(s + 1)})});
    return sources;
}

EventFilter textFilter(const QString &text)
{
    EventFilter f;
    f.text = text;
    return f;
}

} // namespace

class TestTimelineController : public QObject
{
    Q_OBJECT

private slots:
    void smallTimelinesUpdateAtOnce()
    {
        TimelineController c;
        QSignalSpy updated(&c, &TimelineController::updated);
        QSignalSpy busy(&c, &TimelineController::busyChanged);
        c.setSources(makeSources(1000, 3));
        QCOMPARE(updated.size(), 1);
        QCOMPARE(c.index()->size(), std::size_t(3000));
        QCOMPARE(c.rows()->size(), std::size_t(3000));
        c.setFilter(textFilter(QStringLiteral("LOIC")));
        QCOMPARE(updated.size(), 2);
        QCOMPARE(*c.rows(), *applyFilter(*c.index(), textFilter(QStringLiteral("LOIC"))));
        QVERIFY(c.rows()->size() > 100 && c.rows()->size() < 3000);
        QCOMPARE(busy.size(), 0);
    }

    void bigTimelinesWorkOffThread()
    {
        TimelineController c;
        c.setSynchronousLimit(0);
        QSignalSpy updated(&c, &TimelineController::updated);
        c.setSources(makeSources(20'000, 4));
        QVERIFY(c.isBusy());
        QCOMPARE(c.index()->size(), std::size_t(0)); // the old (empty) timeline until the merge is done
        QTRY_VERIFY(!c.isBusy());
        QCOMPARE(c.index()->size(), std::size_t(80'000));
        QCOMPARE(c.rows()->size(), std::size_t(80'000));
    }

    void newerFilterSupersedesOlder()
    {
        TimelineController c;
        c.setSynchronousLimit(0);
        c.setSources(makeSources(50'000, 4));
        QTRY_VERIFY(!c.isBusy());
        QSignalSpy updated(&c, &TimelineController::updated);
        c.setFilter(textFilter(QStringLiteral("item/1")));
        c.setFilter(textFilter(QStringLiteral("item/2")));
        c.setFilter(textFilter(QStringLiteral("curl")));
        QTRY_VERIFY(!c.isBusy());
        // Only the last filter's rows ever arrive.
        QCOMPARE(c.filter(), textFilter(QStringLiteral("curl")));
        QCOMPARE(*c.rows(), *applyFilter(*c.index(), textFilter(QStringLiteral("curl"))));
        QCOMPARE(updated.size(), 1);
    }

    void filterSetDuringMergeApplies()
    {
        TimelineController c;
        c.setSynchronousLimit(0);
        c.setSources(makeSources(50'000, 2));
        c.setFilter(textFilter(QStringLiteral("googlebot")));
        QTRY_VERIFY(!c.isBusy());
        QCOMPARE(c.index()->size(), std::size_t(100'000));
        QCOMPARE(*c.rows(), *applyFilter(*c.index(), textFilter(QStringLiteral("googlebot"))));
        c.setFilter({});
        QCOMPARE(c.rows()->size(), std::size_t(100'000)); // clearing needs no work
    }

    void newSourcesSupersedeRunningMerge()
    {
        TimelineController c;
        c.setSynchronousLimit(0);
        c.setSources(makeSources(100'000, 3));
        c.setSources(makeSources(10'000, 2));
        QTRY_VERIFY(!c.isBusy());
        QCOMPARE(c.index()->size(), std::size_t(20'000));
    }
};

QTEST_GUILESS_MAIN(TestTimelineController)
#include "tst_timelinecontroller.moc"
