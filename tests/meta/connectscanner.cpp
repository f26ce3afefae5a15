#include "tests/meta/connectscanner.h"

namespace cardops::test {
namespace {

bool isIdentifierChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// Copies the source with comments and literals blanked (newlines kept for line numbers).
QString stripCommentsAndLiterals(QStringView s)
{
    QString out(s.size(), u' ');
    qsizetype i = 0;
    while (i < s.size()) {
        const QChar c = s[i];
        if (c == u'\n') {
            out[i] = c;
            ++i;
        } else if (c == u'/' && i + 1 < s.size() && s[i + 1] == u'/') {
            while (i < s.size() && s[i] != u'\n')
                ++i;
        } else if (c == u'/' && i + 1 < s.size() && s[i + 1] == u'*') {
            i += 2;
            while (i + 1 < s.size() && !(s[i] == u'*' && s[i + 1] == u'/')) {
                if (s[i] == u'\n')
                    out[i] = u'\n';
                ++i;
            }
            i += 2;
        } else if (c == u'R' && i + 2 < s.size() && s[i + 1] == u'"' &&
                   (i == 0 || !isIdentifierChar(s[i - 1]))) {
            // Raw string R"delim( ... )delim"
            const qsizetype open = s.indexOf(u'(', i + 2);
            if (open < 0)
                break;
            const QString close = u')' + s.mid(i + 2, open - i - 2).toString() + u'"';
            const qsizetype end = s.indexOf(close, open);
            const qsizetype stop = end < 0 ? s.size() : end + close.size();
            for (qsizetype k = i; k < stop; ++k)
                if (s[k] == u'\n')
                    out[k] = u'\n';
            out[i] = u'"';
            out[stop - 1] = u'"';
            i = stop;
        } else if (c == u'"' || (c == u'\'' && !(i > 0 && s[i - 1].isDigit()))) {
            const QChar quote = c;
            out[i] = quote;
            ++i;
            while (i < s.size() && s[i] != quote && s[i] != u'\n') {
                if (s[i] == u'\\')
                    ++i;
                ++i;
            }
            if (i < s.size()) {
                out[i] = quote;
                ++i;
            }
        } else {
            out[i] = c;
            ++i;
        }
    }
    return out;
}

} // namespace

QList<ConnectCall> findConnectCalls(QStringView source)
{
    const QString s = stripCommentsAndLiterals(source);
    QList<ConnectCall> calls;
    const QString word = QStringLiteral("connect");
    qsizetype pos = 0;
    while ((pos = s.indexOf(word, pos)) >= 0) {
        const qsizetype start = pos;
        pos += word.size();
        if (start > 0 && isIdentifierChar(s[start - 1]))
            continue; // disconnect, myconnect
        if (pos < s.size() && isIdentifierChar(s[pos]))
            continue; // connectSlots
        qsizetype i = pos;
        while (i < s.size() && s[i].isSpace())
            ++i;
        if (i >= s.size() || s[i] != u'(')
            continue;
        // A declaration or definition (`bool connect(`, `void X::connect(`) is not a call: look at
        // the token before the name.
        qsizetype b = start - 1;
        while (b >= 0 && s[b].isSpace())
            --b;
        if (b >= 0 && (isIdentifierChar(s[b]) || s[b] == u'*' || s[b] == u'&')) {
            qsizetype w = b;
            while (w >= 0 && isIdentifierChar(s[w]))
                --w;
            const QStringView prev = QStringView(s).mid(w + 1, b - w);
            if (prev != u"return" && prev != u"co_await")
                continue;
        }
        int depth = 0;
        int angle = 0;
        int arguments = 1;
        bool empty = true;
        qsizetype j = i + 1;
        for (; j < s.size(); ++j) {
            const QChar c = s[j];
            if (c == u'(' || c == u'[' || c == u'{') {
                ++depth;
            } else if (c == u')' || c == u']' || c == u'}') {
                if (depth == 0)
                    break;
                --depth;
            } else if (c == u'<' && depth == 0 && j > 0 && isIdentifierChar(s[j - 1])) {
                ++angle; // template argument list such as QOverload<int>::of
            } else if (c == u'>' && angle > 0 && depth == 0) {
                --angle;
            } else if (c == u',' && depth == 0 && angle == 0) {
                ++arguments;
            }
            if (!c.isSpace() && c != u')')
                empty = false;
        }
        const int line = static_cast<int>(QStringView(s).left(start).count(u'\n')) + 1;
        calls.append({line, empty ? 0 : arguments,
                      source.mid(start, std::min<qsizetype>(j - start + 1, 160)).toString()});
        pos = j;
    }
    return calls;
}

QList<ConnectCall> findContextlessConnects(QStringView source)
{
    QList<ConnectCall> bad;
    for (const ConnectCall& call : findConnectCalls(source))
        if (call.arguments == 3)
            bad.append(call);
    return bad;
}

} // namespace cardops::test
