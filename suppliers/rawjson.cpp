#include "suppliers/rawjson.h"

#include <QSet>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace cardops::suppliers::rawjson {

namespace {

class Parser
{
public:
    Parser(QByteArrayView s, int maxDepth)
        : m_s(s)
        , m_maxDepth(maxDepth)
    {}

    Parsed run()
    {
        if (m_s.startsWith("\xEF\xBB\xBF"))
            m_i = 3;
        Node root;
        skipSpace();
        if (!value(root, 0))
            return fail();
        skipSpace();
        if (m_i != m_s.size()) {
            error(u"trailing bytes after the JSON value"_s);
            return fail();
        }
        Parsed out;
        out.root = std::move(root);
        return out;
    }

private:
    Parsed fail() const
    {
        Parsed out;
        out.error = m_error;
        return out;
    }

    bool error(QString message)
    {
        if (m_error.message.isEmpty())
            m_error = ParseError{m_i, std::move(message)};
        return false;
    }

    bool atEnd() const { return m_i >= m_s.size(); }
    char peek() const { return atEnd() ? '\0' : m_s[m_i]; }

    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_i;
    }

    bool literal(QByteArrayView word)
    {
        if (m_s.sliced(m_i).startsWith(word)) {
            m_i += word.size();
            return true;
        }
        return error(u"invalid literal"_s);
    }

    bool value(Node& node, int depth)
    {
        if (depth > m_maxDepth)
            return error(u"nested too deeply"_s);
        node.begin = m_i;
        bool ok = false;
        switch (peek()) {
        case '{':
            node.type = Node::Object;
            ok = object(node, depth);
            break;
        case '[':
            node.type = Node::Array;
            ok = array(node, depth);
            break;
        case '"':
            node.type = Node::String;
            ok = string(node.text);
            break;
        case 't':
            node.type = Node::Bool;
            node.boolean = true;
            ok = literal("true");
            break;
        case 'f':
            node.type = Node::Bool;
            ok = literal("false");
            break;
        case 'n':
            node.type = Node::Null;
            ok = literal("null");
            break;
        default:
            node.type = Node::Number;
            ok = number(node.number);
        }
        node.end = m_i;
        return ok;
    }

    bool object(Node& node, int depth)
    {
        ++m_i;
        skipSpace();
        if (peek() == '}') {
            ++m_i;
            return true;
        }
        QSet<QString> seen;
        while (true) {
            skipSpace();
            if (peek() != '"')
                return error(u"expected a member name"_s);
            QString key;
            if (!string(key))
                return false;
            if (seen.contains(key))
                return error(u"repeated member name \""_s + key + u'"');
            seen.insert(key);
            skipSpace();
            if (peek() != ':')
                return error(u"expected ':'"_s);
            ++m_i;
            skipSpace();
            Node child;
            if (!value(child, depth + 1))
                return false;
            node.keys.push_back(std::move(key));
            node.children.push_back(std::move(child));
            skipSpace();
            if (peek() == ',') {
                ++m_i;
                continue;
            }
            if (peek() == '}') {
                ++m_i;
                return true;
            }
            return error(u"expected ',' or '}'"_s);
        }
    }

    bool array(Node& node, int depth)
    {
        ++m_i;
        skipSpace();
        if (peek() == ']') {
            ++m_i;
            return true;
        }
        while (true) {
            skipSpace();
            Node child;
            if (!value(child, depth + 1))
                return false;
            node.children.push_back(std::move(child));
            skipSpace();
            if (peek() == ',') {
                ++m_i;
                continue;
            }
            if (peek() == ']') {
                ++m_i;
                return true;
            }
            return error(u"expected ',' or ']'"_s);
        }
    }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    bool digits()
    {
        if (!isDigit(peek()))
            return error(u"expected a digit"_s);
        while (isDigit(peek()))
            ++m_i;
        return true;
    }

    bool number(QByteArray& out)
    {
        const qsizetype start = m_i;
        if (peek() == '-')
            ++m_i;
        if (peek() == '0') {
            ++m_i;
        } else if (!digits()) {
            return error(u"unexpected character"_s);
        }
        if (peek() == '.') {
            ++m_i;
            if (!digits())
                return false;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_i;
            if (peek() == '+' || peek() == '-')
                ++m_i;
            if (!digits())
                return false;
        }
        out = m_s.sliced(start, m_i - start).toByteArray();
        return true;
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool string(QString& out)
    {
        ++m_i; // the opening quote
        qsizetype runStart = m_i;
        auto flush = [&] {
            if (m_i > runStart)
                out += QString::fromUtf8(m_s.sliced(runStart, m_i - runStart));
        };
        while (true) {
            if (atEnd())
                return error(u"unterminated string"_s);
            const auto c = static_cast<unsigned char>(peek());
            if (c == '"') {
                flush();
                ++m_i;
                return true;
            }
            if (c < 0x20)
                return error(u"control character in a string"_s);
            if (c != '\\') {
                ++m_i;
                continue;
            }
            flush();
            ++m_i;
            if (atEnd())
                return error(u"unterminated escape"_s);
            const char e = peek();
            ++m_i;
            switch (e) {
            case '"':
                out += u'"';
                break;
            case '\\':
                out += u'\\';
                break;
            case '/':
                out += u'/';
                break;
            case 'b':
                out += u'\b';
                break;
            case 'f':
                out += u'\f';
                break;
            case 'n':
                out += u'\n';
                break;
            case 'r':
                out += u'\r';
                break;
            case 't':
                out += u'\t';
                break;
            case 'u': {
                if (m_s.size() - m_i < 4)
                    return error(u"short \\u escape"_s);
                int unit = 0;
                for (int k = 0; k < 4; ++k) {
                    const int h = hexValue(m_s[m_i + k]);
                    if (h < 0)
                        return error(u"bad \\u escape"_s);
                    unit = unit * 16 + h;
                }
                m_i += 4;
                out += QChar(static_cast<char16_t>(unit));
                break;
            }
            default:
                return error(u"bad escape"_s);
            }
            runStart = m_i;
        }
    }

    QByteArrayView m_s;
    int m_maxDepth;
    qsizetype m_i = 0;
    ParseError m_error;
};

bool isIntegerToken(QByteArrayView t)
{
    if (t.startsWith('-'))
        t = t.sliced(1);
    if (t.isEmpty())
        return false;
    for (const char c : t) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

std::optional<qint64> parseInteger(QByteArrayView t)
{
    if (!isIntegerToken(t))
        return std::nullopt;
    bool ok = false;
    const qint64 v = t.toLongLong(&ok);
    return ok ? std::optional<qint64>(v) : std::nullopt;
}

} // namespace

const Node* Node::member(QStringView key) const
{
    if (type != Object)
        return nullptr;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i] == key)
            return &children[i];
    }
    return nullptr;
}

Parsed parse(QByteArrayView text, int maxDepth)
{
    QStringDecoder strict(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = strict(text);
    Q_UNUSED(decoded);
    if (strict.hasError()) {
        Parsed out;
        out.error = ParseError{0, u"not UTF-8"_s};
        return out;
    }
    return Parser(text, maxDepth).run();
}

std::optional<qint64> toInteger(const Node* node)
{
    if (!node)
        return std::nullopt;
    if (node->isNumber())
        return parseInteger(node->number);
    if (node->isString())
        return parseInteger(node->text.toLatin1());
    return std::nullopt;
}

std::optional<core::Money> toMoney(const Node* node)
{
    if (!node)
        return std::nullopt;
    QString digits;
    if (node->isNumber())
        digits = QString::fromLatin1(node->number);
    else if (node->isString())
        digits = node->text;
    else
        return std::nullopt;
    if (digits.trimmed().isEmpty())
        return std::nullopt;
    const auto money = core::Money::parse(digits);
    if (!money)
        return std::nullopt;
    return *money;
}

std::optional<QString> toText(const Node* node)
{
    if (!node)
        return std::nullopt;
    if (node->isString())
        return node->text;
    if (node->isNumber())
        return QString::fromLatin1(node->number);
    return std::nullopt;
}

QByteArray quote(QStringView text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('"');
    for (const char c : utf8) {
        const auto b = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\').append(c);
        } else if (b < 0x20) {
            out.append("\\u00").append(kHex[b >> 4]).append(kHex[b & 0xF]);
        } else {
            out.append(c);
        }
    }
    out.append('"');
    return out;
}

} // namespace cardops::suppliers::rawjson
