#include "app/cli/cardscommand.h"

#include "app/cli/errortext.h"
#include "core/cardimport.h"
#include "core/clock.h"
#include "sync/goodscards.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace cardops::app {

namespace {

// A card file of a million lines is about 40 MB; anything far beyond is not a card file.
constexpr qint64 kMaxFileBytes = 256 * 1024 * 1024;

// Written by hand, not with QJsonDocument: the issue fixes the key order, and QJsonObject sorts
// keys. Every value is a number or an ASCII reason code, so nothing needs escaping.
QString previewJson(const core::CardImportPreview& p)
{
    QString json = u"{\"new\":%1,\"duplicate_in_file\":%2,\"already_in_stock\":%3,\"invalid\":["_s
                       .arg(p.newSecrets.size())
                       .arg(p.duplicateInFile.size())
                       .arg(p.alreadyInStock.size());
    for (qsizetype i = 0; i < p.invalid.size(); ++i) {
        if (i > 0)
            json += u',';
        json += u"{\"line\":%1,\"reason\":\"%2\"}"_s.arg(p.invalid[i].line)
                    .arg(core::cardLineProblemCode(p.invalid[i].problem));
    }
    return json + u"]}";
}

// A JSON string literal of any text (the platform's reason words are not trusted to be plain).
QString jsonString(const QString& text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.sliced(1, array.size() - 2));
}

// The platform's answer per uploaded line, the file's line numbers in place of the upload's order.
QString uploadJson(const sync::goodscards::UploadOutcome& up, const QList<qint64>& fileLines)
{
    QString json =
        u"{\"added\":%1,\"duplicate\":%2,\"invalid\":%3,"_s.arg(up.added).arg(up.duplicate).arg(up.invalid);
    if (up.stockAvailable >= 0) // unknown when nothing was sent
        json += u"\"stock_available\":%1,"_s.arg(up.stockAvailable);
    json += u"\"lines\":["_s;
    for (qsizetype i = 0; i < up.lines.size(); ++i) {
        const sync::goodscards::LineResult& l = up.lines[i];
        if (i > 0)
            json += u',';
        json += u"{\"line\":%1,\"result\":"_s.arg(fileLines.value(l.index));
        switch (l.kind) {
        case sync::goodscards::LineResult::Kind::Added:
            json += u"\"added\",\"id\":%1}"_s.arg(l.cardId);
            break;
        case sync::goodscards::LineResult::Kind::Duplicate:
            json += u"\"duplicate\",\"id\":%1}"_s.arg(l.cardId);
            break;
        case sync::goodscards::LineResult::Kind::Invalid:
            json += u"\"invalid\",\"reason\":"_s + jsonString(l.reason) + u'}';
            break;
        }
    }
    return json + u"]}";
}

// Runs the event loop until the future has finished.
template<typename T> T waitFor(QFuture<T> future)
{
    QEventLoop loop;
    auto quit = future.then(&loop, [&loop](const T&) { loop.quit(); });
    if (!future.isFinished())
        loop.exec();
    return future.result();
}

} // namespace

int CardsCommand::run(const Options& options)
{
    const bool upload = options.action == u"upload";
    if (options.action != u"import" && !upload) {
        m_err << tr("Unknown cards action '%1': use cards import or cards upload.").arg(options.action)
              << Qt::endl;
        return 2;
    }
    bool idOk = false;
    const qint64 goodsId = options.goods.toLongLong(&idOk);
    if (!idOk || goodsId <= 0) {
        m_err << tr("cards import needs --goods ID, the goods' id on the platform.") << Qt::endl;
        return 2;
    }
    const auto format = core::CardFormat::parse(options.format, options.separator);
    if (!format) {
        m_err << tr("--format must be single, number_password or fields:N (N from 2 to 16), not '%1'.")
                     .arg(options.format)
              << Qt::endl;
        return 2;
    }
    if (options.file.isEmpty()) {
        m_err << tr("cards import needs the card file (.txt or .csv, or - for standard input).") << Qt::endl;
        return 2;
    }
    if (!upload && !options.dryRun) {
        m_err << tr("cards import only previews: use --dry-run, or cards upload to upload the new cards.")
              << Qt::endl;
        return 2;
    }
    if (upload && options.dryRun) {
        m_err << tr("cards upload uploads; for a preview use cards import --dry-run.") << Qt::endl;
        return 2;
    }
    const bool online = !options.url.isEmpty();
    if (upload && !online) {
        m_err
            << tr("cards upload needs the platform: --profile NAME, or --url and --app-id with the secret in "
                  "CARDOPS_PLATFORM_SECRET.")
            << Qt::endl;
        return 2;
    }

    QFile file;
    const bool fromStdin = options.file == u"-";
    const bool opened = fromStdin ? file.open(stdin, QIODevice::ReadOnly)
                                  : (file.setFileName(options.file), file.open(QIODevice::ReadOnly));
    if (!opened) {
        m_err << tr("Cannot read %1: %2").arg(options.file, file.errorString()) << Qt::endl;
        return 1;
    }
    const QByteArray bytes = file.read(kMaxFileBytes + 1);
    if (bytes.size() > kMaxFileBytes) {
        m_err << tr("%1 is larger than %2 MB: not a card file.").arg(options.file).arg(kMaxFileBytes >> 20)
              << Qt::endl;
        return 1;
    }

    // The goods' stock as fingerprints: the platform never sends a secret for this.
    core::SystemClock clock;
    std::unique_ptr<sync::PlatformTransport> transport;
    QSet<QByteArray> inStock;
    if (online) {
        transport = std::make_unique<sync::PlatformTransport>(
            sync::PlatformEndpoint{options.url, options.appId, options.secret}, clock);
        const auto stock = waitFor(sync::goodscards::listCards(*transport, goodsId));
        if (!stock.ok()) {
            m_err
                << tr("The goods' stock could not be read from the platform: %1").arg(stock.error.describe())
                << Qt::endl;
            return 1;
        }
        for (const sync::goodscards::StockCard& c : *stock.value)
            inStock.insert(c.fingerprint);
    }
    core::CardStockLookup lookup;
    if (online)
        lookup = [&inStock](const QByteArray& fingerprint) {
            return inStock.contains(fingerprint);
        };

    const auto source =
        fromStdin ? core::CardImport::Source::Text : core::CardImport::sourceForFileName(options.file);
    const auto preview = core::CardImport(*format, lookup).previewBytes(bytes, source);
    if (!preview) {
        m_err << tr("%1: %2").arg(options.file, ErrorText::describe(preview.error())) << Qt::endl;
        return 1;
    }
    const QString summary = tr("Goods %1, %2: %3 lines read (%4), %5 blank.")
                                .arg(goodsId)
                                .arg(format->name())
                                .arg(preview->lines)
                                .arg(core::textEncodingName(preview->encoding))
                                .arg(preview->blankLines);
    const QString stockNote = online
                                  ? tr("Compared with the %1 cards the platform holds.").arg(inStock.size())
                                  : tr("Offline preview: nothing is compared with the platform's stock.");
    if (!upload) {
        m_out << previewJson(*preview) << Qt::endl;
        m_err << summary << u' ' << stockNote << Qt::endl;
        return 0;
    }

    m_err << summary << u' ' << stockNote << u' '
          << tr("Uploading %1 new cards (%2 duplicate in the file, %3 already in stock, %4 invalid are left "
                "out).")
                 .arg(preview->newSecrets.size())
                 .arg(preview->duplicateInFile.size())
                 .arg(preview->alreadyInStock.size())
                 .arg(preview->invalid.size())
          << Qt::endl;
    QList<sync::goodscards::UploadLine> lines;
    lines.reserve(preview->newSecrets.size());
    for (const QString& secret : preview->newSecrets)
        lines.append({secret, 0, false});
    sync::goodscards::UploadOutcome outcome;
    if (!lines.isEmpty())
        outcome =
            waitFor(sync::goodscards::upload(*transport, goodsId, lines, sync::goodscards::newKeyPrefix()));
    m_out << uploadJson(outcome, preview->newLines) << Qt::endl;
    if (outcome.error) {
        m_err << tr("The upload stopped after %1 of %2 cards: %3")
                     .arg(outcome.lines.size())
                     .arg(lines.size())
                     .arg(outcome.error->describe())
              << Qt::endl;
        return 1;
    }
    return 0;
}

} // namespace cardops::app
