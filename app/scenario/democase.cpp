#include "democase.h"

#include "scenariobuilder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSaveFile>
#include <QTimeZone>

namespace inquest::scenario {

namespace {

qint64 utc(int d, int h, int m)
{
    return QDateTime(QDate(2010, 12, d), QTime(h, m), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;
}

// Written for this demo; it paraphrases what the organisations said at the time.
const char16_t ArticleText[] =
    u"Amazon's European shops go dark on a Sunday evening\n\n"
    u"Shoppers in Britain, Germany, France and Spain found Amazon's websites returning error pages on Sunday "
    u"evening, while the American site amazon.com kept working normally.\n\n"
    u"\u201cOur European sites were unavailable for more than 30 minutes until about 21:45 GMT on Sunday 12 "
    u"December "
    u"because of a hardware failure in our European datacenter network, not a DDoS attack,\u201d a "
    u"spokeswoman for "
    u"Amazon said.\n\n"
    u"The outage came days after activists of the Anonymous collective announced that they planned to attack "
    u"Amazon's website in support of WikiLeaks. In a message attributed to the group, they later wrote: "
    u"\u201cWe had planned to attack Amazon on Thursday 9 December, but we chose not to attack.\u201d\n\n"
    u"WikiLeaks, which Amazon stopped hosting earlier this month, distanced itself from the campaign. "
    u"\u201cWe neither condemn nor applaud these attacks,\u201d the organisation said in a statement.\n";

qint64 indexOf(const QString &text, const QString &part) { return text.indexOf(part); }

Statement statement(const QString &text, const QString &quote, const QString &speaker, const QString &role,
                    const QString &organisation, bool direct)
{
    Statement s;
    s.offset = indexOf(text, quote);
    s.length = quote.size();
    s.quote = quote;
    s.speaker = speaker;
    s.role = role;
    s.organisation = organisation;
    s.direct = direct;
    return s;
}

TimeRef timeRef(const QString &text, const QString &phrase, qint64 begin, qint64 end, bool approximate)
{
    return {phrase, begin, end, approximate, indexOf(text, phrase)};
}

} // namespace

QString demoArticleText() { return QString::fromUtf16(ArticleText); }

QList<Statement> demoStatements(const QString &text)
{
    QList<Statement> list;
    Statement amazon =
        statement(text,
                  QStringLiteral("Our European sites were unavailable for more than 30 minutes until about 21:45 GMT "
                                 "on Sunday 12 December because of a hardware failure in our European datacenter "
                                 "network, not a DDoS attack,"),
                  QStringLiteral("a spokeswoman"), QStringLiteral("spokeswoman"), QStringLiteral("Amazon"), true);
    // "more than 30 minutes until about 21:45": it began at 21:15 at the latest.
    amazon.times = {timeRef(text,
                            QStringLiteral("for more than 30 minutes until about 21:45 GMT on Sunday 12 December"),
                            utc(12, 21, 15), utc(12, 21, 45), true)};
    amazon.stance = {{HypothesisKind::Hardware, Rating::CC}, {HypothesisKind::Ddos, Rating::II}};
    amazon.stanceTriggers = {QStringLiteral("hardware failure"), QStringLiteral("not a DDoS attack")};
    amazon.reliability = u'B';
    amazon.credibility = 3;
    list.append(amazon);

    Statement announced =
        statement(text, QStringLiteral("they planned to attack Amazon's website in support of WikiLeaks"),
                  QStringLiteral("activists"), QStringLiteral("activists"), QStringLiteral("Anonymous"), false);
    announced.stance = {{HypothesisKind::Ddos, Rating::C}};
    announced.stanceTriggers = {QStringLiteral("planned to attack")};
    announced.reliability = u'D';
    announced.credibility = 4;
    list.append(announced);

    Statement refrained = statement(
        text, QStringLiteral("We had planned to attack Amazon on Thursday 9 December, but we chose not to attack."),
        QStringLiteral("a message attributed to the group"), QString(), QStringLiteral("Anonymous"), true);
    refrained.times = {timeRef(text, QStringLiteral("on Thursday 9 December"), utc(9, 0, 0), utc(10, 0, 0), true)};
    refrained.stance = {{HypothesisKind::Ddos, Rating::I}};
    refrained.stanceTriggers = {QStringLiteral("chose not to attack")};
    refrained.reliability = u'D';
    refrained.credibility = 3;
    list.append(refrained);

    Statement leak = statement(text, QStringLiteral("We neither condemn nor applaud these attacks,"),
                               QStringLiteral("a statement"), QString(), QStringLiteral("WikiLeaks"), true);
    leak.stance = {{HypothesisKind::Ddos, Rating::N}, {HypothesisKind::Hardware, Rating::N}};
    leak.stanceTriggers = {QStringLiteral("neither condemn nor applaud")};
    leak.reliability = u'C';
    leak.credibility = 3;
    list.append(leak);
    return list;
}

std::optional<CaseData> buildDemoCase(const QString &logDirectory, QString *error, uint64_t seed)
{
    QList<Hypothesis> hs;
    for (HypothesisKind k : {HypothesisKind::Hardware, HypothesisKind::Ddos, HypothesisKind::FlashCrowd,
                             HypothesisKind::Network, HypothesisKind::Change})
        hs.append({0, displayName(k), k, 0.0, {}});
    CaseData data = CaseData::create(QStringLiteral("Amazon Europe outage, 12 December 2010 (demo)"), hs);
    data.meta.description = QStringLiteral("Generated demo of the reference incident: four European storefronts fail "
                                           "from about 21:10 to 21:45 GMT, amazon.com does not.");
    data.meta.analyst = QStringLiteral("demo");

    auto sources = generateSources(referenceIncident(seed), logDirectory, error);
    if (!sources)
        return std::nullopt;
    for (Source &s : *sources) {
        s.id = data.nextId++;
        data.sources.append(std::move(s));
    }

    Source article;
    article.kind = SourceKind::Article;
    article.text = demoArticleText();
    const QByteArray bytes = article.text.toUtf8();
    article.path = QDir(logDirectory).absoluteFilePath(QStringLiteral("article.txt"));
    QSaveFile f(article.path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(article.path, f.errorString());
        return std::nullopt;
    }
    article.id = data.nextId++;
    article.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    article.size = bytes.size();
    article.format = QStringLiteral("article-text");
    article.title = article.text.section(u'\n', 0, 0);
    article.outlet = QStringLiteral("Inquest demo (written for this case)");
    article.published = QDate(2010, 12, 13);
    article.importedAt = QDateTime(QDate(2010, 12, 13), QTime(9, 0), QTimeZone::utc());
    article.lines = article.text.count(u'\n');
    data.sources.append(article);

    for (Statement s : demoStatements(article.text)) {
        s.id = data.nextId++;
        s.sourceId = article.id;
        data.statements.append(s);
    }
    return data;
}

} // namespace inquest::scenario
