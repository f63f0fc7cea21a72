#pragma once

// A findings-report test case built in memory (two web logs with an outage, a news article,
// statements, evidence, markers, custody rows), hand-filled scores, and a fake FigureRenderer
// that really draws (axes, a request curve from the case's events, the outage window, labels).
#include "model/casedata.h"
#include "model/custody.h"
#include "report/figurerenderer.h"
#include "report/reportscores.h"

#include <QDateTime>
#include <QPainter>
#include <QPicture>
#include <QTimeZone>

#include <algorithm>

namespace inquest::testing {

constexpr qint64 Sec = 1000000;

inline qint64 at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch() * 1000;
}

// One request every `stepSec` seconds; 503s during the outage.
inline std::shared_ptr<EventTable> traffic(qint64 begin, qint64 end, qint64 outageBegin, qint64 outageEnd, int stepSec)
{
    auto table = std::make_shared<EventTable>();
    uint32_t line = 1;
    for (qint64 t = begin; t < end; t += stepSec * Sec, ++line) {
        const std::size_t row = table->appendRow(t, uint64_t(line) * 120, line);
        const bool down = t >= outageBegin && t < outageEnd;
        table->status[row] = down ? 503 : 200;
        table->bytes[row] = down ? 0 : 5120;
        table->method[row] = HttpMethod::Get;
        table->client[row] = table->strings.intern(line % 7 ? "198.51.100.7" : "203.0.113.9");
        table->path[row] = table->strings.intern("/index.html");
    }
    return table;
}

inline Source logSource(Id id, const QString &path, const QString &site, const QString &sha,
                        std::shared_ptr<EventTable> table)
{
    Source s;
    s.id = id;
    s.kind = SourceKind::Log;
    s.path = path;
    s.sha256 = sha;
    s.size = qint64(table->size()) * 120 + 17;
    s.format = QStringLiteral("combined");
    s.site = site;
    s.timeZone = QStringLiteral("UTC");
    s.importedAt = QDateTime(QDate(2010, 12, 8), QTime(9, 0), QTimeZone::utc());
    s.lines = qint64(table->size()) + 2;
    s.events = qint64(table->size());
    s.malformed = 2;
    s.issues = {{17, 2040, QStringLiteral("no timestamp"), "garbage"},
                {4242, 509040, QStringLiteral("truncated line"), "GET /"}};
    s.firstTime = table->minTime();
    s.lastTime = table->maxTime();
    s.table = std::move(table);
    return s;
}

inline CaseData reportCase(int evidenceCount = 14, int stepSec = 20)
{
    CaseData d;
    d.meta.caseId = QStringLiteral("6f1c2f9e-8a41-4a7e-9d55-0c2b7f3e1a10");
    d.meta.title = QStringLiteral("Mirror outage, 5 December 2010");
    d.meta.analyst = QStringLiteral("Ana Analyst");
    d.meta.description = QStringLiteral("Two mirrors stopped answering on the evening of 5 December 2010.");
    d.meta.created = QDateTime(QDate(2010, 12, 7), QTime(8, 30), QTimeZone::utc());
    d.meta.displayTimeZone = QStringLiteral("Europe/Berlin");
    Id next = 1;
    d.hypotheses = {{next++, QStringLiteral("Hardware failure"), HypothesisKind::Hardware, 0, {}},
                    {next++, QStringLiteral("DDoS attack"), HypothesisKind::Ddos, 0, {}},
                    {next++, QStringLiteral("Flash crowd"), HypothesisKind::FlashCrowd, 0, {}}};
    const qint64 outB = at("2010-12-05T21:45:00Z"), outE = at("2010-12-05T22:30:00Z");
    const qint64 begin = at("2010-12-05T18:00:00Z"), end = at("2010-12-06T02:00:00Z");
    const Id shopId = next++, apiId = next++, articleId = next++;
    d.sources.append(logSource(shopId, QStringLiteral("/evidence/shop/access.log"), QStringLiteral("shop.example"),
                               QStringLiteral("a3f1c9b2d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f"),
                               traffic(begin, end, outB, outE, stepSec)));
    d.sources.append(logSource(apiId, QStringLiteral("/evidence/api/access.log.1"), QStringLiteral("api.example"),
                               QStringLiteral("0b1c2d3e4f5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"),
                               traffic(begin, end, outB + 300 * Sec, outE - 600 * Sec, stepSec * 2)));
    Source article;
    article.id = articleId;
    article.kind = SourceKind::Article;
    article.path = QStringLiteral("/evidence/news/mirror-down.html");
    article.sha256 = QStringLiteral("5d41402abc4b2a76b9719d911017c592ae2d1f7e5a3c4b6d8e9f00112233aabb");
    article.size = 48213;
    article.format = QStringLiteral("article-html");
    article.title = QStringLiteral("Mirror sites knocked offline");
    article.outlet = QStringLiteral("The Daily Example");
    article.published = QDate(2010, 12, 6);
    d.sources.append(article);

    Statement s1;
    s1.id = next++;
    s1.sourceId = articleId;
    s1.speaker = QStringLiteral("a spokeswoman");
    s1.role = QStringLiteral("spokeswoman");
    s1.organisation = QStringLiteral("Example Hosting");
    s1.quote = QStringLiteral("Our servers came under a sustained attack from 2145 GMT.");
    s1.times = {{QStringLiteral("2145 GMT on Sunday"), outB, outB, false, 120}};
    s1.stance = {{HypothesisKind::Ddos, Rating::CC}, {HypothesisKind::Hardware, Rating::I}};
    Statement s2;
    s2.id = next++;
    s2.sourceId = articleId;
    s2.speaker = QStringLiteral("Kim Operator");
    s2.organisation = QStringLiteral("Mirror team");
    s2.quote = QStringLiteral("Service was restored at about 10.30pm.");
    s2.direct = false;
    s2.times = {{QStringLiteral("about 10.30pm"), outE, outE, true, 400}};
    Statement s3;
    s3.id = next++;
    s3.speaker = QStringLiteral("anonymous engineer");
    s3.quote = QStringLiteral("No disks failed that week.");
    d.statements = {s1, s2, s3};

    d.markers = {{next++, MarkerKind::Outage, outB, outE, QStringLiteral("shop.example unreachable"),
                  QStringLiteral("shop.example"), QStringLiteral("manual")},
                 {next++, MarkerKind::Finding, outB - 120 * Sec, outB + 300 * Sec, QStringLiteral("request spike"),
                  QStringLiteral("shop.example"), QStringLiteral("detector:spike@1")}};

    const QStringList origins{QStringLiteral("manual"), QStringLiteral("detector:spike@1"), QStringLiteral("statement"),
                              QStringLiteral("log-lines"), QStringLiteral("detector:error-burst@2")};
    const Rating cycle[] = {Rating::CC, Rating::C, Rating::N, Rating::I, Rating::II, Rating::NA};
    for (int i = 0; i < evidenceCount; ++i) {
        Evidence e;
        e.id = next++;
        e.origin = origins.at(i % origins.size());
        e.title = QStringLiteral("Observation %1: %2")
                      .arg(i + 1)
                      .arg(i % 3 == 0   ? QStringLiteral("5xx burst on shop.example")
                           : i % 3 == 1 ? QStringLiteral("clients from few networks")
                                        : QStringLiteral("no kernel errors logged"));
        e.description = QStringLiteral("Seen in the access log around the outage; details in the provenance column.");
        if (e.origin.startsWith(QStringLiteral("detector:")))
            e.reason = QStringLiteral("error rate 0.%1 vs baseline 0.01 (z = %2)").arg(90 + i % 9).arg(6 + i % 5);
        e.provenance.sourceId = i % 2 ? apiId : shopId;
        e.provenance.sourceSha256 = d.sources.at(i % 2).sha256;
        e.provenance.firstLine = 1000 + i * 10;
        e.provenance.lastLine = 1000 + i * 10 + (i % 4) * 7;
        if (i % 2 == 1) {
            e.provenance.timeBegin = outB + i * 30 * Sec;
            e.provenance.timeEnd = outB + i * 30 * Sec + 600 * Sec;
            e.provenance.metric = QStringLiteral("5xx");
            e.provenance.site = QStringLiteral("shop.example");
        }
        if (e.origin == u"statement")
            e.provenance.statementId = s1.id;
        e.reliability = QChar(u'A' + i % 6);
        e.credibility = 1 + i % 6;
        e.relevance = Relevance(i % 3);
        e.state = i % 7 == 6     ? EvidenceState::Suggested
                  : i % 11 == 10 ? EvidenceState::Rejected
                                 : EvidenceState::Accepted;
        e.starred = i % 5 == 0;
        e.comments = i % 4 == 0
                         ? QStringLiteral("Checked against the load balancer graphs; consistent with the access log.")
                         : QString();
        for (int h = 0; h < d.hypotheses.size(); ++h)
            e.ratings.insert(d.hypotheses.at(h).id, cycle[(i + h * 2) % 6]);
        d.evidence.append(e);
    }
    QDateTime t(QDate(2010, 12, 7), QTime(8, 30), QTimeZone::utc());
    custody::append(d.custody, QStringLiteral("create"), QStringLiteral("case %1 created").arg(d.meta.caseId), t);
    custody::append(d.custody, QStringLiteral("import"),
                    QStringLiteral("access.log sha256 a3f1c9b2d4e5 (combined, 1440 events)"), t.addSecs(60));
    custody::append(d.custody, QStringLiteral("import"), QStringLiteral("access.log.1 sha256 0b1c2d3e4f5a (combined)"),
                    t.addSecs(120));
    custody::append(d.custody, QStringLiteral("import-news"), QStringLiteral("mirror-down.html (The Daily Example)"),
                    t.addSecs(180));
    custody::append(d.custody, QStringLiteral("edit"),
                    QStringLiteral("accepted evidence E10 and rated it against three hypotheses"), t.addSecs(900));
    custody::append(d.custody, QStringLiteral("save"), QStringLiteral("saved to mirror.inquest"), t.addSecs(960));
    d.nextId = next;
    return d;
}

inline ReportScores reportScores(const CaseData &d)
{
    ReportScores s;
    s.ranked = {{d.hypotheses.at(1).id, d.hypotheses.at(1).name, HypothesisKind::Ddos, 1, 2.5, 7.0, 0.81},
                {d.hypotheses.at(0).id, d.hypotheses.at(0).name, HypothesisKind::Hardware, 2, 6.0, 3.5, 0.12},
                {d.hypotheses.at(2).id, d.hypotheses.at(2).name, HypothesisKind::FlashCrowd, 3, 7.5, 2.0, 0.07}};
    s.margin = 3.5;
    s.critical = {d.evidence.at(1).id};
    for (int i = 0; i < 5 && i < d.evidence.size(); ++i)
        s.sensitivity.append({d.evidence.at(i).id, i == 1, i % 2 ? std::optional<double>(2.5 + i) : std::nullopt,
                              i % 2 ? d.hypotheses.at(0).name : QString()});
    s.rankBy = QStringLiteral("weighted inconsistency (lower is better)");
    s.formulas = {
        QStringLiteral("weighted inconsistency(h) = \u03a3 over accepted evidence e of w(e) \u00d7 (1 if I, 2 if II)"),
        QStringLiteral("w(e) = relevance (low 0.5, medium 1, high 2) \u00d7 credibility factor")};
    return s;
}

// Draws what the real chart layer draws, simply: frame, axes, requests per bin, outage window.
class FakeFigureRenderer : public FigureRenderer
{
public:
    int calls = 0;
    QList<ChartSpec> specs;

    bool render(const ChartSpec &spec, QPainter *painter, const QRectF &target) override
    {
        ++calls;
        specs.append(spec);
        const CaseData &d = *spec.caseData;
        qint64 b = spec.beginUs, e = spec.endUs;
        if (b == e) {
            b = std::numeric_limits<qint64>::max(), e = std::numeric_limits<qint64>::min();
            for (const Source &s : d.sources)
                if (s.table && !s.table->empty())
                    b = std::min(b, s.firstTime), e = std::max(e, s.lastTime);
        }
        constexpr int Bins = 60;
        QList<double> requests(Bins, 0), errors(Bins, 0);
        for (const Source &s : d.sources) {
            if (!s.table || (!spec.sites.isEmpty() && !spec.sites.contains(s.site)))
                continue;
            for (std::size_t i = 0; i < s.table->size(); ++i) {
                const qint64 t = s.table->time[i];
                if (t < b || t >= e)
                    continue;
                const int bin = int((t - b) * Bins / (e - b));
                requests[bin] += 1;
                errors[bin] += s.table->status[i] >= 500;
            }
        }
        const double top = std::max(1.0, *std::max_element(requests.cbegin(), requests.cend()));
        const QRectF plot = target.adjusted(target.width() * 0.08, target.height() * 0.1, -target.width() * 0.02,
                                            -target.height() * 0.12);
        painter->save();
        const double unit = target.width() / 480;
        for (const Marker &m : d.markers) {
            if (m.kind != MarkerKind::Outage)
                continue;
            const double x0 = plot.left() + plot.width() * double(m.begin - b) / double(e - b);
            const double x1 = plot.left() + plot.width() * double(m.end - b) / double(e - b);
            painter->fillRect(QRectF(x0, plot.top(), x1 - x0, plot.height()), QColor(255, 200, 200));
        }
        painter->setPen(QPen(Qt::black, unit));
        painter->drawLine(plot.bottomLeft(), plot.bottomRight());
        painter->drawLine(plot.bottomLeft(), plot.topLeft());
        const auto curve = [&](const QList<double> &values, QColor colour) {
            QPolygonF line;
            for (int i = 0; i < Bins; ++i)
                line.append(
                    {plot.left() + plot.width() * (i + 0.5) / Bins, plot.bottom() - plot.height() * values[i] / top});
            painter->setPen(QPen(colour, 1.5 * unit));
            painter->drawPolyline(line);
        };
        curve(requests, QColor(0x1f, 0x77, 0xb4));
        curve(errors, QColor(0xd6, 0x27, 0x28));
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPixelSize(std::max(1, int(9 * unit)));
        painter->setFont(f);
        painter->setPen(Qt::black);
        painter->drawText(QRectF(target.left(), target.top(), target.width(), plot.top() - target.top()),
                          Qt::AlignCenter, spec.title);
        const QDateTime t0 = QDateTime::fromMSecsSinceEpoch(b / 1000, QTimeZone::utc());
        const QDateTime t1 = QDateTime::fromMSecsSinceEpoch(e / 1000, QTimeZone::utc());
        const QRectF axis(plot.left(), plot.bottom() + 2 * unit, plot.width(), target.bottom() - plot.bottom());
        painter->drawText(axis, Qt::AlignLeft | Qt::AlignTop, t0.toString(QStringLiteral("HH:mm'Z'")));
        painter->drawText(axis, Qt::AlignRight | Qt::AlignTop, t1.toString(QStringLiteral("HH:mm'Z'")));
        painter->drawText(QRectF(target.left(), plot.top(), plot.left() - target.left() - 2 * unit, 12 * unit),
                          Qt::AlignRight | Qt::AlignTop, QString::number(int(top)));
        painter->restore();
        return true;
    }

    QPicture picture(const ChartSpec &spec) override
    {
        QPicture picture;
        QPainter painter(&picture);
        render(spec, &painter, QRectF(QPointF(0, 0), spec.size));
        return picture;
    }
};

} // namespace inquest::testing
