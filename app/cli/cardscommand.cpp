#include "app/cli/cardscommand.h"

#include "app/cli/errortext.h"
#include "core/cardimport.h"

#include <QFile>

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

} // namespace

int CardsCommand::run(const Options& options)
{
    if (options.action != u"import") {
        m_err << tr("Unknown cards action '%1': use cards import.").arg(options.action) << Qt::endl;
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
    if (!options.dryRun) {
        m_err << tr("Uploading cards comes with the goods page; use --dry-run to preview the file.")
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
    const auto source =
        fromStdin ? core::CardImport::Source::Text : core::CardImport::sourceForFileName(options.file);
    const auto preview = core::CardImport(*format).previewBytes(bytes, source);
    if (!preview) {
        m_err << tr("%1: %2").arg(options.file, ErrorText::describe(preview.error())) << Qt::endl;
        return 1;
    }
    m_out << previewJson(*preview) << Qt::endl;
    m_err << tr("Goods %1, %2: %3 lines read (%4), %5 blank. Offline preview: nothing is compared with "
                "the platform's stock.")
                 .arg(goodsId)
                 .arg(format->name())
                 .arg(preview->lines)
                 .arg(core::textEncodingName(preview->encoding))
                 .arg(preview->blankLines)
          << Qt::endl;
    return 0;
}

} // namespace cardops::app
