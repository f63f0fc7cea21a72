#include "democase.h"

#include "scenariobuilder.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace inquest::scenario {

namespace {

// Written for this demo; it paraphrases what the organisations said at the time. The header
// lines are what the article import reads for the publication date and the outlet.
const char16_t ArticleText[] =
    u"Amazon's European shops go dark on a Sunday evening\n"
    u"Published: 13 December 2010\n"
    u"Outlet: Inquest demo (written for this case)\n\n"
    u"Shoppers in Britain, Germany, France and Spain found Amazon's websites returning error pages on Sunday "
    u"evening, while the American site amazon.com kept working normally.\n\n"
    u"\u201cOur European sites were unavailable for more than 30 minutes until about 21:45 GMT on Sunday 12 "
    u"December because of a hardware failure in our European datacenter network, not a DDoS attack,\u201d a "
    u"spokeswoman for Amazon said.\n\n"
    u"The outage came days after activists of the Anonymous collective announced that they planned to attack "
    u"Amazon's website in support of WikiLeaks. \u201cWe had planned to attack Amazon on Thursday 9 December, but "
    u"we chose not to attack,\u201d read a message attributed to Anonymous.\n\n"
    u"WikiLeaks, which Amazon stopped hosting earlier this month, distanced itself from the campaign. "
    u"\u201cWe neither condemn nor applaud these attacks,\u201d a WikiLeaks spokesman said.\n";

} // namespace

QString demoArticleText() { return QString::fromUtf16(ArticleText); }

CaseData emptyDemoCase()
{
    QList<Hypothesis> hs;
    for (HypothesisKind k : {HypothesisKind::Hardware, HypothesisKind::Ddos, HypothesisKind::FlashCrowd,
                             HypothesisKind::Network, HypothesisKind::Change})
        hs.append({0, displayName(k), k, 0.0, {}});
    CaseData data = CaseData::create(QStringLiteral("Amazon Europe outage, 12 December 2010 (demo)"), hs);
    data.meta.description = QStringLiteral("Generated demo of the reference incident: four European storefronts fail "
                                           "from about 21:10 to 21:45 GMT, amazon.com does not. Its logs and article "
                                           "were imported and analysed as an analyst would.");
    data.meta.analyst = QStringLiteral("demo");
    return data;
}

std::optional<DemoFiles> writeDemoFiles(const QString &logDirectory, const QString &articlePath, QString *error,
                                        uint64_t seed)
{
    const auto sources = generateSources(referenceIncident(seed), logDirectory, error);
    if (!sources)
        return std::nullopt;
    DemoFiles files;
    for (const Source &s : *sources)
        files.logs.append(s.path);

    const QByteArray bytes = demoArticleText().toUtf8();
    files.article = QFileInfo(articlePath).absoluteFilePath();
    QSaveFile f(files.article);
    if (!QDir().mkpath(QFileInfo(files.article).absolutePath()) || !f.open(QIODevice::WriteOnly) ||
        f.write(bytes) != bytes.size() || !f.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(files.article, f.errorString());
        return std::nullopt;
    }
    return files;
}

} // namespace inquest::scenario
