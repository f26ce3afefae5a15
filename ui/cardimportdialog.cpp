#include "ui/cardimportdialog.h"

#include "models/cardproblemmodel.h"
#include "models/datasource.h"
#include "storage/cardgoods.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QThread>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>
#include <limits>

using namespace Qt::StringLiterals;

namespace cardops::ui {

namespace {

constexpr qint64 kMaxFileBytes = 256 * 1024 * 1024; // as cardops-cli cards import

QString problemText(core::CardLineProblem problem, int fields)
{
    switch (problem) {
    case core::CardLineProblem::FieldCount:
        return CardImportDialog::tr("Wrong number of fields (the format has %n)", nullptr, fields);
    case core::CardLineProblem::EmptyField:
        return CardImportDialog::tr("A field is empty");
    case core::CardLineProblem::ControlCharacter:
        return CardImportDialog::tr("Control characters or garbled text");
    case core::CardLineProblem::TooLong:
        return CardImportDialog::tr("A field is longer than %1 characters").arg(core::kMaxCardFieldLength);
    case core::CardLineProblem::CsvSyntax:
        return CardImportDialog::tr("Unclosed quote in the CSV: nothing after this line was read");
    }
    return {};
}

QString platformReason(const QString& reason)
{
    if (reason == u"format")
        return CardImportDialog::tr("Platform: not a card of this goods' format");
    if (reason == u"expired")
        return CardImportDialog::tr("Platform: already expired");
    return CardImportDialog::tr("Platform: refused (%1)").arg(reason);
}

} // namespace

CardImportDialog::CardImportDialog(models::DataSource& source, models::CardStockBackend* backend,
                                   qint64 goodsId, QWidget* parent)
    : QDialog(parent)
    , m_source(source)
    , m_backend(backend)
    , m_goodsId(goodsId)
{
    setWindowTitle(tr("Import card secrets"));
    buildUi();
    loadGoods();
    loadStock();
    updateButtons();
}

CardImportDialog::~CardImportDialog()
{
    if (m_previewThread != nullptr) {
        m_previewThread->disconnect(this);
        m_previewThread->wait(); // the preview cannot be interrupted; it ends within seconds
        delete m_previewThread;
    }
}

void CardImportDialog::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(u"pageTitle"_s);
    layout->addWidget(m_title);

    auto* form = new QFormLayout;
    auto* formatRow = new QHBoxLayout;
    m_format = new QComboBox(this);
    m_format->setObjectName(u"format"_s);
    m_format->addItem(tr("Single code (CDK, 激活码)"), u"single"_s);
    m_format->addItem(tr("Number + password"), u"number_password"_s);
    for (int n = 2; n <= 16; ++n)
        m_format->addItem(tr("%n fields", nullptr, n), u"fields:%1"_s.arg(n));
    m_separator = new QLineEdit(this);
    m_separator->setObjectName(u"separator"_s);
    m_separator->setPlaceholderText(tr("default"));
    m_separator->setMaximumWidth(90);
    formatRow->addWidget(m_format, 1);
    formatRow->addWidget(new QLabel(tr("Separator"), this));
    formatRow->addWidget(m_separator);
    form->addRow(tr("Card format"), formatRow);

    auto* fileRow = new QHBoxLayout;
    m_open = new QPushButton(tr("Open file…"), this);
    m_open->setObjectName(u"openFile"_s);
    m_open->setShortcut(QKeySequence::Open);
    m_clearFile = new QPushButton(tr("Paste instead"), this);
    m_clearFile->setObjectName(u"clearFile"_s);
    m_fileLabel = new QLabel(tr("Paste the cards below, one per line, or open a .txt or .csv file."), this);
    m_fileLabel->setObjectName(u"fileLabel"_s);
    m_fileLabel->setWordWrap(true);
    m_encoding = new QComboBox(this);
    m_encoding->setObjectName(u"encoding"_s);
    m_encoding->addItem(tr("Detect encoding"), -1);
    m_encoding->addItem(u"UTF-8"_s, static_cast<int>(core::TextEncoding::Utf8));
    m_encoding->addItem(u"GBK / GB18030"_s, static_cast<int>(core::TextEncoding::Gb18030));
    fileRow->addWidget(m_open);
    fileRow->addWidget(m_clearFile);
    fileRow->addWidget(m_encoding);
    fileRow->addWidget(m_fileLabel, 1);
    form->addRow(tr("Source"), fileRow);

    auto* optionRow = new QHBoxLayout;
    m_expires = new QCheckBox(tr("Expires on"), this);
    m_expires->setObjectName(u"expires"_s);
    m_expiryDate = new QDateEdit(QDate::currentDate().addYears(1), this);
    m_expiryDate->setObjectName(u"expiryDate"_s);
    m_expiryDate->setCalendarPopup(true);
    m_expiryDate->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_expiryDate->setEnabled(false);
    m_loop = new QCheckBox(tr("Reusable cards (循环卡密)"), this);
    m_loop->setObjectName(u"loop"_s);
    optionRow->addWidget(m_expires);
    optionRow->addWidget(m_expiryDate);
    optionRow->addSpacing(16);
    optionRow->addWidget(m_loop);
    optionRow->addStretch(1);
    form->addRow(tr("Options"), optionRow);
    layout->addLayout(form);

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(u"pasteArea"_s);
    m_text->setPlaceholderText(
        tr("One card per line, e.g.\n6212345678904401 K7PQRSTUVWXYM2XA\nor 账号----密码----邮箱"));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    layout->addWidget(m_text, 2);

    auto* previewRow = new QHBoxLayout;
    m_preview = new QPushButton(tr("Preview"), this);
    m_preview->setObjectName(u"preview"_s);
    m_preview->setToolTip(tr("Check every line before anything is uploaded (Ctrl+Enter)."));
    auto* previewKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(previewKey, &QShortcut::activated, this, &CardImportDialog::startPreview);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"progress"_s);
    m_progress->setVisible(false);
    previewRow->addWidget(m_preview);
    previewRow->addWidget(m_progress, 1);
    layout->addLayout(previewRow);

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"summary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    layout->addWidget(m_summary);

    m_problems = new models::CardProblemModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(u"problems"_s);
    m_table->setModel(m_problems);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setColumnWidth(0, 60);
    m_table->setColumnWidth(1, 90);
    m_table->setColumnWidth(2, 250);
    layout->addWidget(m_table, 2);

    m_status = new QLabel(this);
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_upload = new QPushButton(tr("Upload"), this);
    m_upload->setObjectName(u"upload"_s);
    m_close = new QPushButton(tr("Close"), this);
    m_close->setObjectName(u"close"_s);
    m_close->setAutoDefault(false);
    buttons->addWidget(m_upload);
    buttons->addWidget(m_close);
    layout->addLayout(buttons);
    resize(860, 640);

    connect(m_format, &QComboBox::currentIndexChanged, this, &CardImportDialog::invalidate);
    connect(m_separator, &QLineEdit::textChanged, this, &CardImportDialog::invalidate);
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &CardImportDialog::invalidate);
    connect(m_text, &QPlainTextEdit::textChanged, this, &CardImportDialog::invalidate);
    connect(m_loop, &QCheckBox::toggled, this, &CardImportDialog::invalidate);
    connect(m_expiryDate, &QDateEdit::dateChanged, this, &CardImportDialog::invalidate);
    connect(m_expires, &QCheckBox::toggled, this, [this](bool on) {
        m_expiryDate->setEnabled(on);
        invalidate();
    });
    connect(m_open, &QPushButton::clicked, this, &CardImportDialog::chooseFile);
    connect(m_clearFile, &QPushButton::clicked, this, &CardImportDialog::clearFile);
    connect(m_preview, &QPushButton::clicked, this, &CardImportDialog::startPreview);
    connect(m_upload, &QPushButton::clicked, this, &CardImportDialog::startUpload);
    connect(m_close, &QPushButton::clicked, this, &CardImportDialog::reject);
}

void CardImportDialog::loadGoods()
{
    m_title->setText(tr("Import card secrets · goods %1").arg(m_goodsId));
    m_source.reader().post<core::Result<std::optional<storage::CardGoods>>>(
        this, [id = m_goodsId](const storage::ReadSession& s) { return storage::cardgoods::read(s, id); },
        [this](core::Result<std::optional<storage::CardGoods>> goods) {
            if (!goods || !goods->has_value()) {
                m_status->setText(tr("This goods is not in the cache yet; choose its card format yourself."));
            } else {
                const storage::CardGoods& g = **goods;
                m_title->setText(tr("Import card secrets · %1 (#%2)").arg(g.name).arg(g.id));
                m_direct = g.kind == u"direct";
                const int at = m_format->findData(g.cardFormat);
                if (at >= 0)
                    m_format->setCurrentIndex(at);
                // The format's own default shows as the placeholder (a bare space would be invisible).
                const auto plain = core::CardFormat::parse(g.cardFormat);
                m_separator->setText(plain && plain->separator == g.cardSeparator ? QString()
                                                                                  : g.cardSeparator);
                if (m_direct)
                    m_status->setText(tr("A direct-recharge (直充) goods has no card secrets."));
            }
            updateButtons();
            Q_EMIT goodsLoaded();
        });
}

void CardImportDialog::loadStock(bool announce)
{
    if (m_backend == nullptr) {
        m_status->setText(
            tr("Offline preview: nothing is compared with the platform's stock, and nothing can "
               "be uploaded."));
        QTimer::singleShot(0, this, [this] { Q_EMIT stockLoaded(false); });
        return;
    }
    if (announce)
        m_status->setText(tr("Reading the goods' stock on the platform…"));
    m_backend->listCards(
        m_goodsId, this,
        [this, announce](qint64 listed) {
            if (announce)
                m_status->setText(tr("Reading the goods' stock on the platform… %1 cards").arg(listed));
        },
        [this, announce](models::StockCardList list) {
            if (list.ok) {
                QSet<QByteArray> fingerprints;
                fingerprints.reserve(list.cards.size());
                for (const models::StockCard& c : list.cards)
                    fingerprints.insert(c.fingerprint);
                m_stock = std::move(fingerprints);
                if (announce)
                    m_status->setText(
                        tr("The platform holds %n cards of this goods; they count as already in "
                           "stock.",
                           nullptr, static_cast<int>(m_stock->size())));
            } else if (announce) {
                m_status->setText(
                    tr("The platform's stock could not be read (%1); the preview cannot tell which "
                       "cards are already in stock.")
                        .arg(list.error));
            }
            updateButtons();
            Q_EMIT stockLoaded(list.ok);
        });
}

void CardImportDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open card file"), {},
                                                      tr("Card files (*.txt *.csv);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool CardImportDialog::openFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_status->setText(tr("Cannot read %1: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        return false;
    }
    if (file.size() > kMaxFileBytes) {
        m_status->setText(tr("%1 is larger than %2 MB: not a card file.")
                              .arg(QFileInfo(path).fileName())
                              .arg(kMaxFileBytes >> 20));
        return false;
    }
    m_fileBytes = file.readAll();
    m_filePath = path;
    m_fileLabel->setText(tr("File %1 (%2 KB); the text area is not used.")
                             .arg(QFileInfo(path).fileName())
                             .arg((m_fileBytes.size() + 1023) / 1024));
    invalidate();
    return true;
}

void CardImportDialog::clearFile()
{
    m_filePath.clear();
    m_fileBytes.clear();
    m_fileLabel->setText(tr("Paste the cards below, one per line, or open a .txt or .csv file."));
    invalidate();
}

void CardImportDialog::invalidate()
{
    if (m_uploading)
        return;
    if (m_previewThread != nullptr)
        m_job.reset(); // the running preview is for other input: its result is dropped
    m_outcome.reset();
    m_uploaded.reset();
    m_uploadKey.clear();
    m_problems->setRows({});
    m_summary->clear();
    updateButtons();
}

std::optional<core::CardFormat> CardImportDialog::currentFormat(QString* error) const
{
    auto format = core::CardFormat::parse(m_format->currentData().toString(), m_separator->text());
    if (!format) {
        *error = format.error().detail;
        return std::nullopt;
    }
    return format.value();
}

qint64 CardImportDialog::expiresAt() const
{
    if (!m_expires->isChecked())
        return 0;
    // The end of the chosen day in the shop's time zone (business days are Asia/Shanghai days).
    return QDateTime(m_expiryDate->date(), QTime(23, 59, 59), QTimeZone("Asia/Shanghai")).toSecsSinceEpoch();
}

void CardImportDialog::startPreview()
{
    if (m_previewThread != nullptr || m_uploading || m_direct)
        return;
    QString error;
    const auto format = currentFormat(&error);
    if (!format) {
        m_status->setText(tr("The card format is not usable: %1").arg(error));
        return;
    }
    invalidate();
    auto job = std::make_shared<Job>();
    job->input.format = *format;
    job->input.fromFile = !m_filePath.isEmpty();
    if (job->input.fromFile) {
        job->input.bytes = m_fileBytes;
        job->input.source = core::CardImport::sourceForFileName(m_filePath);
        const int encoding = m_encoding->currentData().toInt();
        if (encoding >= 0)
            job->input.encoding = static_cast<core::TextEncoding>(encoding);
        m_expectedLines = m_fileBytes.count('\n') + 1;
    } else {
        job->input.text = m_text->toPlainText();
        m_expectedLines = job->input.text.count(u'\n') + 1;
    }
    if (m_stock)
        job->input.inStock = *m_stock;
    m_job = job;
    m_previewThread =
        QThread::create([job] { job->result = models::cardimport::run(job->input, &job->checked); });
    connect(m_previewThread, &QThread::finished, this, &CardImportDialog::finishPreview);
    if (m_poll == nullptr) {
        m_poll = new QTimer(this);
        m_poll->setInterval(100);
        connect(m_poll, &QTimer::timeout, this, [this] {
            if (m_job)
                m_progress->setValue(
                    static_cast<int>(qMin<qint64>(m_job->checked.load(), m_progress->maximum())));
        });
    }
    m_progress->setRange(0, static_cast<int>(qMin<qint64>(m_expectedLines, std::numeric_limits<int>::max())));
    m_progress->setValue(0);
    m_progress->setFormat(tr("Checking… %p%"));
    m_progress->setVisible(true);
    m_poll->start();
    m_previewThread->start();
    updateButtons();
}

void CardImportDialog::finishPreview()
{
    m_poll->stop();
    m_progress->setVisible(false);
    const std::shared_ptr<Job> job = std::exchange(m_job, nullptr);
    m_previewThread->deleteLater();
    m_previewThread = nullptr;
    if (!job) { // cancelled, or the input changed meanwhile
        updateButtons();
        Q_EMIT previewFinished();
        return;
    }
    if (!job->result) {
        m_status->setText(tr("The file could not be read: %1").arg(job->result.error().detail));
        updateButtons();
        Q_EMIT previewFinished();
        return;
    }
    m_outcome = std::move(job->result).value();
    m_uploadKey = models::CardStockBackend::newUploadKey();
    QList<models::CardProblemModel::Row> rows;
    rows.reserve(m_outcome->problems.size());
    const int fields = job->input.format.fieldCount;
    for (const models::cardimport::Problem& p : m_outcome->problems) {
        switch (p.kind) {
        case models::cardimport::Problem::Kind::Invalid:
            rows.append({p.line, tr("Invalid"), problemText(p.problem, fields), p.masked});
            break;
        case models::cardimport::Problem::Kind::DuplicateInFile:
            rows.append({p.line, tr("Duplicate"), tr("Same card as line %1").arg(p.firstLine), p.masked});
            break;
        case models::cardimport::Problem::Kind::AlreadyInStock:
            rows.append(
                {p.line, tr("Already in stock"), tr("The platform already holds this card"), p.masked});
            break;
        }
    }
    m_problems->setRows(std::move(rows));
    showSummary();
    const core::CardImportPreview& p = m_outcome->preview;
    QString note = tr("%n lines read", nullptr, static_cast<int>(p.lines));
    if (job->input.fromFile)
        note += tr(", encoding %1").arg(core::textEncodingName(p.encoding));
    if (p.headerSkipped)
        note += tr(", the column titles on the first line skipped");
    if (!m_stock)
        note += tr(". The platform's stock is unknown: nothing counts as already in stock");
    m_status->setText(tr("%1.", "the end of a sentence").arg(note));
    updateButtons();
    Q_EMIT previewFinished();
}

void CardImportDialog::showSummary()
{
    if (!m_outcome)
        return;
    const core::CardImportPreview& p = m_outcome->preview;
    QString text = tr("New %1 · duplicate in the input %2 · already in stock %3 · invalid %4")
                       .arg(p.newSecrets.size())
                       .arg(p.duplicateInFile.size())
                       .arg(p.alreadyInStock.size())
                       .arg(p.invalid.size());
    if (m_uploaded)
        text += u'\n' + tr("Platform: added %1 · duplicate %2 · invalid %3")
                            .arg(m_uploaded->added)
                            .arg(m_uploaded->duplicate)
                            .arg(m_uploaded->invalid);
    m_summary->setText(text);
}

void CardImportDialog::updateButtons()
{
    const bool previewing = m_previewThread != nullptr;
    const bool idle = !previewing && !m_uploading;
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_format, m_separator, m_open, m_text, m_expires, m_loop})
        w->setEnabled(idle && !m_direct);
    m_expiryDate->setEnabled(idle && m_expires->isChecked());
    m_encoding->setEnabled(idle && !m_filePath.isEmpty());
    m_clearFile->setVisible(!m_filePath.isEmpty());
    m_clearFile->setEnabled(idle);
    m_text->setVisible(m_filePath.isEmpty());
    m_preview->setEnabled(idle && !m_direct);
    const QString why = m_backend != nullptr ? m_backend->whyNotManage()
                                             : tr("Offline: the cards cannot be uploaded from here.");
    const qsizetype fresh = m_outcome ? m_outcome->preview.newSecrets.size() : 0;
    const bool done = m_uploaded && m_uploaded->ok;
    m_upload->setEnabled(idle && fresh > 0 && why.isEmpty() && !done);
    m_upload->setText(m_uploaded && !m_uploaded->ok
                          ? tr("Continue upload")
                          : tr("Upload %n new cards", nullptr, static_cast<int>(fresh)));
    m_upload->setToolTip(!why.isEmpty() ? why
                         : m_outcome    ? QString()
                                        : tr("Preview first: only previewed cards are uploaded."));
    m_close->setText(previewing ? tr("Cancel preview") : (done ? tr("Close") : tr("Cancel")));
    m_close->setEnabled(!m_uploading);
}

void CardImportDialog::startUpload()
{
    if (!m_outcome || m_uploading || m_backend == nullptr || m_uploadKey.isEmpty())
        return;
    const core::CardImportPreview& p = m_outcome->preview;
    QList<models::StockUploadLine> lines;
    lines.reserve(p.newSecrets.size());
    const qint64 expiry = expiresAt();
    for (const QString& secret : p.newSecrets)
        lines.append({secret, expiry, m_loop->isChecked()});
    m_uploading = true;
    m_progress->setRange(0, static_cast<int>(lines.size()));
    m_progress->setValue(0);
    m_progress->setFormat(tr("Uploading… %v / %m"));
    m_progress->setVisible(true);
    m_status->setText(tr("Uploading to the platform…"));
    updateButtons();
    m_backend->upload(
        m_goodsId, lines, m_uploadKey, this,
        [this](qint64 sent, qint64) { m_progress->setValue(static_cast<int>(sent)); },
        [this](models::StockUploadResult result) {
            m_uploading = false;
            m_progress->setVisible(false);
            const qint64 before = m_uploaded ? m_uploaded->lines.size() : 0;
            QList<models::CardProblemModel::Row> rows;
            const core::CardImportPreview& previewed = m_outcome->preview;
            for (qsizetype i = before; i < result.lines.size(); ++i) {
                const models::StockLineResult& l = result.lines[i];
                if (l.kind == models::StockLineResult::Kind::Added || l.index >= previewed.newLines.size())
                    continue;
                const QString masked = models::cardimport::maskLine(previewed.newSecrets[l.index]);
                if (l.kind == models::StockLineResult::Kind::Duplicate)
                    rows.append({previewed.newLines[l.index], tr("Platform"),
                                 tr("Platform: the goods already holds this card"), masked});
                else
                    rows.append(
                        {previewed.newLines[l.index], tr("Platform"), platformReason(l.reason), masked});
            }
            m_problems->append(rows);
            m_uploaded = result;
            showSummary();
            if (result.ok)
                m_status->setText(tr("Uploaded: the goods now has %1 cards available on the platform.")
                                      .arg(result.stockAvailable));
            else
                m_status->setText(
                    tr("The upload stopped: %1 Continue to send the rest; nothing is added twice.")
                        .arg(result.error));
            updateButtons();
            if (result.added > 0)
                Q_EMIT cardsUploaded(m_goodsId, result.added);
            Q_EMIT uploadFinished(result.ok);
            if (result.ok)
                loadStock(false); // a new preview counts these cards as in stock
        });
}

void CardImportDialog::reject()
{
    if (m_uploading)
        return; // the batches are on their way; the answer comes within seconds
    if (m_previewThread != nullptr) {
        m_job.reset(); // the preview's result is dropped when it ends
        m_status->setText(tr("Preview cancelled."));
        updateButtons();
        return;
    }
    QDialog::reject();
}

} // namespace cardops::ui
