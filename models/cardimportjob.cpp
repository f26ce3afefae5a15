#include "models/cardimportjob.h"

#include <QHash>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace cardops::models::cardimport {

namespace {

bool isSeparator(QChar c)
{
    return c.isSpace() || c == u'-' || c == u',' || c == u'，' || c == u'|' || c == u';' || c == u'\t';
}

QString maskRun(QStringView run)
{
    const qsizetype n = run.size();
    if (n > 8)
        return run.first(4).toString() + QString(n - 8, u'*') + run.last(4).toString();
    if (n > 2)
        return QString(n - 2, u'*') + run.last(2).toString();
    return QString(n, u'*');
}

// Decodes in the chosen encoding, strictly: a malformed sequence is an error with its line.
core::Result<core::DecodedText> decodeAs(QByteArrayView bytes, core::TextEncoding encoding)
{
    core::DecodedText out;
    out.encoding = encoding;
    const bool bom = core::startsWithUtf8Bom(bytes);
    const QByteArrayView body = encoding != core::TextEncoding::Gb18030 && bom ? bytes.sliced(3) : bytes;
    if (encoding == core::TextEncoding::Utf8 && bom)
        out.encoding = core::TextEncoding::Utf8Bom;
    core::TextDecoder decoder(encoding == core::TextEncoding::Gb18030 ? encoding : core::TextEncoding::Utf8);
    const core::TextDecoder::Step step = decoder.decode(body, out.text);
    if (step.invalid || step.consumed < body.size())
        return core::makeError(
            core::ErrorCode::Encoding,
            u"line %1: not %2 (%3)"_s.arg(core::lineOfOffset(body, step.consumed))
                .arg(core::textEncodingName(encoding), core::hexPreview(body, step.consumed)));
    if (out.text.startsWith(u'\uFEFF'))
        out.text.remove(0, 1);
    return out;
}

} // namespace

QString maskLine(QStringView text)
{
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    const qsizetype n = std::min<qsizetype>(text.size(), 512); // a table cell, not a document
    while (i < n) {
        if (isSeparator(text[i])) {
            out += text[i] == u'\t' ? u' ' : text[i];
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < n && !isSeparator(text[j]))
            ++j;
        QString run = text.sliced(i, j - i).toString();
        for (QChar& c : run)
            if (c.unicode() < 0x20 || c.unicode() == 0x7F)
                c = QChar(0xFFFD);
        out += maskRun(run);
        i = j;
    }
    if (text.size() > n)
        out += u'…';
    return out;
}

QHash<qint64, QString> linesOf(QStringView text, const QList<qint64>& wanted)
{
    QHash<qint64, QString> out;
    qsizetype next = 0; // the next wanted line, in `wanted`
    qint64 line = 0;
    qsizetype start = 0;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i <= n && next < wanted.size(); ++i) {
        const bool end = i == n;
        if (!end && text[i] != u'\n' && text[i] != u'\r')
            continue;
        if (end && start >= n)
            break;
        ++line;
        while (next < wanted.size() && wanted[next] < line)
            ++next;
        if (next < wanted.size() && wanted[next] == line)
            out.insert(line, text.sliced(start, i - start).toString());
        if (!end && text[i] == u'\r' && i + 1 < n && text[i + 1] == u'\n')
            ++i;
        start = i + 1;
    }
    return out;
}

core::Result<Outcome> run(const Input& input, std::atomic<qint64>* checked)
{
    const QSet<QByteArray>& stock = input.inStock;
    core::CardImport importer(input.format, [&stock, checked](const QByteArray& fingerprint) {
        if (checked != nullptr)
            checked->fetch_add(1, std::memory_order_relaxed);
        return stock.contains(fingerprint);
    });
    Outcome outcome;
    QString text;
    if (!input.fromFile) {
        text = input.text;
        outcome.preview = importer.previewText(text);
    } else {
        auto decoded =
            input.encoding ? decodeAs(input.bytes, *input.encoding) : core::TextDecoder::decode(input.bytes);
        if (!decoded)
            return decoded.error();
        text = std::move(decoded->text);
        if (input.source == core::CardImport::Source::Csv) {
            // A chosen encoding: the CSV reader gets the text as UTF-8, which it detects.
            auto preview = input.encoding ? importer.previewBytes(text.toUtf8(), input.source)
                                          : importer.previewBytes(input.bytes, input.source);
            if (!preview)
                return preview.error();
            outcome.preview = std::move(preview).value();
        } else {
            outcome.preview = importer.previewText(text);
        }
        outcome.preview.encoding = decoded->encoding;
    }
    const core::CardImportPreview& p = outcome.preview;
    QList<qint64> lines;
    for (const core::CardLineIssue& i : p.invalid) {
        outcome.problems.append({i.line, Problem::Kind::Invalid, i.problem, 0, {}});
    }
    for (const core::CardDuplicate& d : p.duplicateInFile) {
        outcome.problems.append({d.line, Problem::Kind::DuplicateInFile, {}, d.firstLine, {}});
    }
    for (const qint64 l : p.alreadyInStock) {
        outcome.problems.append({l, Problem::Kind::AlreadyInStock, {}, 0, {}});
    }
    std::stable_sort(outcome.problems.begin(), outcome.problems.end(),
                     [](const Problem& a, const Problem& b) { return a.line < b.line; });
    lines.reserve(outcome.problems.size());
    for (const Problem& problem : outcome.problems)
        lines.append(problem.line);
    const QHash<qint64, QString> texts = linesOf(text, lines);
    for (Problem& problem : outcome.problems)
        problem.masked = maskLine(texts.value(problem.line));
    return outcome;
}

} // namespace cardops::models::cardimport
