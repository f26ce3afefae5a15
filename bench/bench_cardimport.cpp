// card_import_preview_ms (performance.md, issue #9): 100,000 lines of number_password cards with
// duplicates, garbage and blank lines, read from a file, decoded, parsed, classified and previewed.
// Baseline from the same run: read the same file and count its distinct lines with plain QByteArray
// (split on '\n', a QSet of the lines) — what any line-level dedupe costs before decoding,
// separator handling or validation; it is the `sort -u | wc -l` of the file, in-process.
#include "bench/benchsupport.h"
#include "core/cardimport.h"

#include <QCoreApplication>
#include <QFile>
#include <QSet>
#include <QTextStream>

using namespace cardops;

namespace {

constexpr int Lines = 100'000;

// Deterministic mix: ~1% blank, ~2% garbage, ~5% repeats of an earlier card, a tenth of the cards
// with a tab or several spaces instead of the goods' single space; CRLF as Windows saves it.
QByteArray makeFile()
{
    QByteArray out;
    out.reserve(Lines * 40);
    quint64 x = 88172645463325252ULL;
    const auto next = [&x] {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x;
    };
    for (int i = 0; i < Lines; ++i) {
        const quint64 r = next() % 100;
        if (r == 0) {
            out += "\r\n";
            continue;
        }
        if (r <= 2) {
            out += "garbage line with words " + QByteArray::number(i) + "\r\n";
            continue;
        }
        const int card = r <= 7 && i > 10 ? static_cast<int>(next() % static_cast<quint64>(i)) : i;
        const QByteArray number = QByteArray::number(6'200'000'000'000'000LL + card);
        // Derived from the card alone, so a repeat carries the same password as the original.
        const QByteArray password =
            QByteArray::number((static_cast<quint64>(card) * 0x9E3779B97F4A7C15ULL) >> 8, 36).toUpper();
        const char* sep = r % 10 == 3 ? "\t" : (r % 10 == 4 ? "   " : " ");
        out += number + sep + password + "\r\n";
    }
    return out;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const auto [work, ids] = bench::parseArguments(app);
    if (!bench::wanted(ids, QStringLiteral("card_import_preview_ms")))
        return 0;
    const QString path = work + QStringLiteral("/cards-100k.txt");
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(makeFile()) < 0)
            qFatal("cannot write %s", qPrintable(path));
    }
    const auto format = core::CardFormat::parse(u"number_password").value();
    const core::CardImport importer(format);
    core::CardImportPreview last;
    const double value = bench::medianMs(5, [&] {
        auto preview = importer.previewBytes(readAll(path), core::CardImport::Source::Text);
        if (!preview)
            qFatal("preview failed: %s", qPrintable(preview.error().detail));
        last = std::move(preview).value();
    });
    qsizetype distinct = 0;
    const double baseline = bench::medianMs(5, [&] {
        QSet<QByteArray> lines;
        for (const QByteArray& line : readAll(path).split('\n'))
            lines.insert(line);
        distinct = lines.size();
    });
    QTextStream(stderr) << "card_import_preview: lines " << last.lines << ", new " << last.newSecrets.size()
                        << ", duplicate_in_file " << last.duplicateInFile.size() << ", invalid "
                        << last.invalid.size() << ", blank " << last.blankLines << "; baseline distinct "
                        << distinct << Qt::endl;
    bench::report(QStringLiteral("card_import_preview_ms"), value, QStringLiteral("ms"), baseline);
    return 0;
}
