#pragma once

#include "core/cardimport.h"
#include "core/result.h"
#include "core/textdecoder.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <atomic>
#include <optional>

// The card import's preview as one job (issue #9 item 4): decode the input (auto-detected or a
// chosen encoding), classify every line with core::CardImport against the goods' stock
// fingerprints, and list the problem lines with their text masked. Pure logic, any thread: the
// import dialog runs it off the UI thread.
namespace cardops::models::cardimport {

struct Input
{
    core::CardFormat format;
    // Pasted text, or the bytes of a file (fromFile) read as `source` in `encoding` (nullopt:
    // detected, UTF-8 with or without BOM, else GB18030).
    QString text;
    QByteArray bytes;
    bool fromFile = false;
    core::CardImport::Source source = core::CardImport::Source::Text;
    std::optional<core::TextEncoding> encoding;
    // The fingerprints (core::cardFingerprint) of the cards the goods already holds; unknown
    // stock (offline) = nothing counts as already in stock.
    QSet<QByteArray> inStock;
};

// One line the preview would not upload as new.
struct Problem
{
    enum class Kind { Invalid, DuplicateInFile, AlreadyInStock };
    qint64 line = 0;
    Kind kind = Kind::Invalid;
    core::CardLineProblem problem = core::CardLineProblem::FieldCount; // Invalid
    qint64 firstLine = 0;                                              // DuplicateInFile
    QString masked;                                                    // the line's text, masked
};

struct Outcome
{
    core::CardImportPreview preview;
    QList<Problem> problems; // by line
};

// Runs the preview; `checked` (optional) counts the cards compared with the stock so far, for a
// progress display. ErrorCode::Encoding when the bytes are not in the chosen (or any) encoding.
core::Result<Outcome> run(const Input& input, std::atomic<qint64>* checked = nullptr);

// The text of a line as the problem table shows it: every run of characters between separators
// (whitespace, "-", ",", "，", "|", ";", tab) masked like the platform masks a field (first 4 and
// last 4 kept above 8 characters, else all but the last 2), control characters shown as "�".
QString maskLine(QStringView text);

// 1-based physical lines of `text` (CR, LF and CRLF each end one), only those in `wanted` (in
// ascending order; repeats allowed).
QHash<qint64, QString> linesOf(QStringView text, const QList<qint64>& wanted);

} // namespace cardops::models::cardimport
