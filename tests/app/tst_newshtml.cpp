#include "news/newsarticle.h"
#include "news/newshtml.h"

#include <QFile>
#include <QTest>

using namespace inquest;

class TestNewsHtml : public QObject
{
    Q_OBJECT

private slots:
    void strips_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("text");
        QTest::newRow("script and style dropped")
            << "<p>Before</p><script>var s = \"<p>not text</p>\"; if (a<b) x();</script><style>p{}</style><p>After</p>"
            << "Before\n\nAfter";
        QTest::newRow("script end tag in any case") << "a<SCRIPT type=x>1</ScRiPt >b"
                                                    << "ab";
        QTest::newRow("unterminated script drops the rest") << "a<script>never closed <p>b"
                                                            << "a";
        QTest::newRow("comments") << "one<!-- <p>hidden</p> -->two<!--unclosed"
                                  << "onetwo";
        QTest::newRow("cdata is literal") << "x <![CDATA[a &amp; <b>]]> y"
                                          << "x a &amp; <b> y";
        QTest::newRow("named entities") << "Caf&eacute; &ldquo;ok&rdquo; &amp; &lt;tag&gt; &mdash; &hellip;"
                                        << "Caf\u00E9 \u201Cok\u201D & <tag> \u2014 \u2026";
        QTest::newRow("numeric entities") << "&#8220;x&#x201D; &#X41;&#65"
                                          << "\u201Cx\u201D AA";
        QTest::newRow("unknown entity stays") << "&bogus; &amp"
                                              << "&bogus; &";
        QTest::newRow("nbsp is a space") << "Kestrel&nbsp;Pay"
                                         << "Kestrel Pay";
        QTest::newRow("invalid code point") << "a&#0;b&#xD800;c"
                                            << "a\uFFFDb\uFFFDc";
        QTest::newRow("stray less-than is text") << "if a < b and c<3 then"
                                                 << "if a < b and c<3 then";
        QTest::newRow("broken tag before another") << "x <b class=\"y\" <i>z</i>"
                                                   << "x <b class=\"y\" z";
        QTest::newRow("unterminated attribute quote") << "a <a href=\"oops>b"
                                                      << "a <a href=\"oops>b";
        QTest::newRow("whitespace collapses") << "<p>  a\n   b\t c </p>"
                                              << "a b c";
        QTest::newRow("br is a line break") << "line one<br>line two<br/>three"
                                            << "line one\nline two\nthree";
        QTest::newRow("nav and nested svg dropped") << "<nav><nav>menu</nav>more</nav><svg><g>x</g></svg>text"
                                                    << "text";
        QTest::newRow("attribute with >") << "<img alt=\"a > b\" src=\"http://example.invalid/x.gif\">after"
                                          << "after";
        QTest::newRow("doctype and processing instruction") << "<!DOCTYPE html><?xml version=\"1.0\"?>t"
                                                            << "t";
        QTest::newRow("pre keeps lines") << "<pre>a\n  b</pre>"
                                         << "a\n  b";
    }
    void strips()
    {
        QFETCH(QString, html);
        QFETCH(QString, text);
        QCOMPARE(news::htmlToText(html).text, text);
    }

    void metadata()
    {
        const auto doc = news::htmlToText(
            u"<html><head><title>A &amp; B</title><meta property=\"og:site_name\" content=\"The Quay Courier\">"
            u"<META NAME=\"Date\" CONTENT=\"2011-11-26\"></head><body><time datetime=\"2011-11-25\">x</time></body>");
        QCOMPARE(doc.title, QStringLiteral("A & B"));
        QCOMPARE(doc.meta.value(QStringLiteral("og:site_name")), QStringLiteral("The Quay Courier"));
        QCOMPARE(doc.meta.value(QStringLiteral("date")), QStringLiteral("2011-11-26"));
        QCOMPARE(doc.timeDatetime, QStringLiteral("2011-11-25"));
        QCOMPARE(doc.text, QStringLiteral("x"));
    }

    void corpusPage()
    {
        QFile f(QStringLiteral(INQUEST_TEST_DATA "/news/reporting.html"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const news::Article a = news::parseArticle(f.readAll(), QStringLiteral("reporting.html"));
        QCOMPARE(a.format, news::ArticleFormat::Html);
        QCOMPARE(a.title, QStringLiteral("Payment gateway stumbles during sale"));
        QCOMPARE(a.outlet, QStringLiteral("The Quay Courier"));
        QCOMPARE(a.published, QDate(2011, 11, 26));
        QVERIFY(!a.text.contains(u"planning an attack")); // the script
        QVERIFY(!a.text.contains(u"color"));              // the style
        QVERIFY(!a.text.contains(u"editor's note"));      // the comment
        QVERIFY(!a.text.contains(u"Home"));               // the navigation
        QVERIFY(!a.text.contains(u"example.invalid"));    // no URL survives into the text
        QVERIFY(a.text.contains(u"Kestrel Pay was unavailable"));
        QVERIFY(a.text.contains(u"year\u2019s biggest sale"));
        QVERIFY(a.text.contains(u"Q&A: the company said"));
        QVERIFY(a.text.contains(u"Raw CDATA text stays as it is & is not decoded."));
        QVERIFY(a.text.startsWith(u"Payment gateway stumbles during sale\n\nThe card payment"));
    }

    void markdown()
    {
        QFile f(QStringLiteral(INQUEST_TEST_DATA "/news/forum-outage.md"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const news::Article a = news::parseArticle(f.readAll(), QStringLiteral("forum-outage.md"));
        QCOMPARE(a.format, news::ArticleFormat::Markdown);
        QCOMPARE(a.title, QStringLiteral("Why the forum went dark"));
        QCOMPARE(a.outlet, QStringLiteral("Lantern Weekly"));
        QCOMPARE(a.published, QDate(2012, 5, 19));
        QVERIFY(a.text.contains(u"The Brightwater community forum was offline"));
        QVERIFY(a.text.contains(u"in a blog post."));
        QVERIFY(a.text.contains(u"\u201CNobody attacked us,\u201D wrote Jonas Lindqvist, an administrator"));
        QVERIFY(!a.text.contains(u"**"));
        QVERIFY(!a.text.contains(u"http"));
        QVERIFY(!a.text.contains(u"title:"));
    }

    void looseDates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("date");
        QTest::newRow("iso") << "2010-12-13" << QDate(2010, 12, 13);
        QTest::newRow("iso time") << "2010-12-13T09:30:00+01:00" << QDate(2010, 12, 13);
        QTest::newRow("dmy") << "13 December 2010" << QDate(2010, 12, 13);
        QTest::newRow("rfc") << "Mon, 13 Dec 2010 09:30:00 GMT" << QDate(2010, 12, 13);
        QTest::newRow("mdy") << "December 13, 2010" << QDate(2010, 12, 13);
        QTest::newRow("slash") << "13/12/2010" << QDate(2010, 12, 13);
        QTest::newRow("garbage") << "soon" << QDate();
        QTest::newRow("impossible") << "2010-02-30" << QDate();
    }
    void looseDates()
    {
        QFETCH(QString, text);
        QFETCH(QDate, date);
        QCOMPARE(news::parseLooseDate(text).value_or(QDate()), date);
    }

    void decoding()
    {
        QStringList warnings;
        QCOMPARE(news::decodeText(QByteArray("\xEF\xBB\xBFhi\r\nthere"), &warnings), QStringLiteral("hi\nthere"));
        QVERIFY(warnings.isEmpty());
        QCOMPARE(news::decodeText(QByteArray("caf\xE9"), &warnings), QStringLiteral("caf\u00E9"));
        QCOMPARE(warnings.size(), 1);
        QCOMPARE(news::decodeText(QByteArray("\xFF\xFEh\0i\0", 6), nullptr), QStringLiteral("hi"));
    }
};

QTEST_APPLESS_MAIN(TestNewsHtml)
#include "tst_newshtml.moc"
