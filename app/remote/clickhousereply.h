#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace inquest::remote {

// A reply of ClickHouse's HTTP interface in TabSeparated format, parsed. The server streams
// rows as it computes them, so an error that happens after the first block arrives with
// HTTP 200 as a trailing "Code: N. DB::Exception: …" line, and a body cut short by a dropped
// connection ends inside a row: both make the reply unusable, and say so.
struct TsvReply
{
    std::vector<std::vector<QString>> rows; // fields unescaped; NULL (\N) as a null QString
    int errorCode = 0;                      // the server's code of a trailing error line
    QString error;                          // empty when the reply is complete and well-formed

    bool ok() const { return error.isEmpty(); }
};

// Parses a TabSeparated body. `columns` > 0 requires that many fields in every row.
TsvReply parseTsv(const QByteArray &body, int columns = 0);

// The server's error code and message of an exception text ("Code: 60, e.displayText() =
// DB::Exception: Table x doesn't exist., e.what() = DB::Exception" in 18.16, "Code: 60.
// DB::Exception: …" in later versions), or code 0 when the text is not one.
struct ServerError
{
    int code = 0;
    QString message;
};
ServerError parseServerError(const QByteArray &text);

// The elements of an array field as the server writes it ("[1,2]", "['a','b\\'c']"), unquoted.
// Returns false when the text is not such an array.
bool parseArray(const QString &field, QStringList &out);

} // namespace inquest::remote
