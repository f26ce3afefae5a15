#include "ui/batchorderdialog.h"

#include "models/batchorderrun.h"
#include "models/consolebackend.h"
#include "models/datasource.h"
#include "models/lookupmodel.h"
#include "storage/readsession.h"

#include <QCheckBox>
#include <QCompleter>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {

namespace eb = storage::enterprisebatches;

void BatchOrderDialog::open(models::DataSource& source, models::ConsoleBackend& backend, qint64 memberId,
                            QWidget* parent)
{
    auto* dialog = new BatchOrderDialog(source, backend, memberId, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

BatchOrderDialog::BatchOrderDialog(models::DataSource& source, models::ConsoleBackend& backend,
                                   qint64 memberId, QWidget* parent)
    : QDialog(parent)
    , m_source(source)
    , m_backend(backend)
{
    setWindowTitle(tr("Batch order (企业批量下单)"));
    resize(900, 640);
    m_member = lookupField(int(storage::ListKind::Members));
    m_member->setPlaceholderText(tr("Enterprise member: name or id"));
    m_goods = lookupField(int(storage::ListKind::Goods));
    m_goods->setPlaceholderText(tr("Goods: name, SKU or id"));
    m_price = new QLabel(tr("Choose the member and the goods to see the price."), this);
    m_price->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Member"), m_member);
    form->addRow(tr("Goods"), m_goods);
    form->addRow(tr("Unit price"), m_price);

    m_text = new QPlainTextEdit(this);
    m_text->setPlaceholderText(
        tr("One line per order: charge account[,quantity]\n13800000001\n13800000002,3"));
    auto* importButton = new QPushButton(tr("Import from file…"), this);
    m_encoding = new QLabel(this);
    auto* textBar = new QHBoxLayout;
    textBar->addWidget(importButton);
    textBar->addWidget(m_encoding, 1);
    auto* textBox = new QWidget(this);
    auto* textLayout = new QVBoxLayout(textBox);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->addWidget(m_text);
    textLayout->addLayout(textBar);

    m_preview = new QTableWidget(0, ColumnCount, this);
    m_preview->setHorizontalHeaderLabels({tr("Line"), tr("Charge account"), tr("Quantity"), tr("Unit price"),
                                          tr("Total"), tr("Problem"), tr("Result")});
    m_preview->verticalHeader()->hide();
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_preview->horizontalHeader()->setStretchLastSection(true);
    m_preview->setColumnWidth(ColLine, 48);
    m_preview->setColumnWidth(ColAccount, 150);
    m_preview->setColumnWidth(ColQuantity, 64);
    m_preview->setColumnWidth(ColUnit, 90);
    m_preview->setColumnWidth(ColTotal, 90);
    m_preview->setColumnWidth(ColProblem, 240);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(textBox);
    split->addWidget(m_preview);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);

    m_totals = new QLabel(this);
    m_totals->setWordWrap(true);
    m_accept = new QCheckBox(tr("Order the lines with a warning too (duplicate accounts)"), this);
    m_accept->hide();
    m_progress = new QProgressBar(this);
    m_progress->hide();
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_create = new QPushButton(tr("Create orders"), this);
    m_create->setDefault(true);
    m_create->setShortcut(QKeySequence(u"Ctrl+Return"_s));
    m_cancel = new QPushButton(tr("Stop"), this);
    m_cancel->hide();
    m_continue = new QPushButton(tr("Continue (继续)"), this);
    m_continue->hide();
    auto* close = new QPushButton(tr("Close"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_progress, 1);
    buttons->addStretch(0);
    buttons->addWidget(m_continue);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_create);
    buttons->addWidget(close);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(split, 1);
    layout->addWidget(m_totals);
    layout->addWidget(m_accept);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &BatchOrderDialog::revalidate);
    connect(m_text, &QPlainTextEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import charge accounts"), QString(),
                                                          tr("Text and CSV (*.txt *.csv);;All files (*)"));
        if (path.isEmpty())
            return;
        if (const QString error = importFile(path); !error.isEmpty())
            QMessageBox::warning(this, tr("Import charge accounts"), error);
    });
    connect(m_member, &QLineEdit::editingFinished, this, [this] {
        bool ok = false;
        const qint64 id = models::LookupModel::idFromFieldText(m_member->text(), &ok);
        if (ok && id != m_memberId)
            setMember(id);
    });
    connect(m_goods, &QLineEdit::editingFinished, this, [this] {
        bool ok = false;
        const qint64 id = models::LookupModel::idFromFieldText(m_goods->text(), &ok);
        if (ok && id != m_goodsId)
            setGoods(id);
    });
    connect(m_accept, &QCheckBox::toggled, this, &BatchOrderDialog::updateState);
    connect(m_create, &QPushButton::clicked, this, &BatchOrderDialog::askAndCreate);
    connect(m_continue, &QPushButton::clicked, this, &BatchOrderDialog::continueNow);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_run)
            m_run->cancel();
        m_status->setText(tr("Stopping after the line in flight…"));
    });
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    if (memberId > 0)
        setMember(memberId);
    updateState();
}

QLineEdit* BatchOrderDialog::lookupField(int kind)
{
    auto* edit = new QLineEdit(this);
    auto* model = new models::LookupModel(m_source, storage::ListKind(kind), edit);
    auto* completer = new QCompleter(model, edit);
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    edit->setCompleter(completer);
    connect(edit, &QLineEdit::textEdited, model, [model](const QString& text) {
        if (!text.trimmed().isEmpty() && !text.contains(u'#'))
            model->search(text);
    });
    connect(model, &models::LookupModel::answered, edit, [edit, completer, model] {
        if (edit->hasFocus() && model->rowCount() > 0)
            completer->complete();
    });
    connect(completer, qOverload<const QString&>(&QCompleter::activated), edit,
            [edit] { Q_EMIT edit->editingFinished(); });
    return edit;
}

void BatchOrderDialog::setMember(qint64 memberId)
{
    m_memberId = memberId;
    loadBuyer();
}

void BatchOrderDialog::setGoods(qint64 goodsId)
{
    m_goodsId = goodsId;
    loadBuyer();
}

void BatchOrderDialog::setText(const QString& text)
{
    m_text->setPlainText(text);
    m_debounce->stop();
    revalidate();
}

QString BatchOrderDialog::importFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("%1 cannot be read: %2").arg(QFileInfo(path).fileName(), file.errorString());
    const QByteArray bytes = file.read(8 * 1024 * 1024);
    auto decoded = core::TextDecoder::decode(bytes);
    if (!decoded)
        return tr("%1 is neither UTF-8 nor GB18030: %2")
            .arg(QFileInfo(path).fileName(), decoded.error().detail);
    setText(decoded->text);
    m_encoding->setText(
        tr("%1 · %2").arg(QFileInfo(path).fileName(), core::textEncodingName(decoded->encoding)));
    return {};
}

void BatchOrderDialog::loadBuyer()
{
    const qint64 memberId = m_memberId;
    const qint64 goodsId = m_goodsId;
    m_source.reader().post<core::Result<eb::BuyerGoods>>(
        this, [=](const storage::ReadSession& read) { return eb::buyerGoods(read, memberId, goodsId); },
        [this, memberId, goodsId](core::Result<eb::BuyerGoods> info) {
            if (memberId != m_memberId || goodsId != m_goodsId)
                return;
            m_info = info ? info.value() : eb::BuyerGoods{};
            if (m_info.member)
                m_member->setText(models::LookupModel::fieldText(m_info.member->name, m_info.member->id));
            if (m_info.goods)
                m_goods->setText(models::LookupModel::fieldText(m_info.goods->name, m_info.goods->id));
            if (!m_info.member || !m_info.goods) {
                m_price->setText(
                    !info ? tr("The cache cannot be read: %1").arg(info.error().detail)
                    : m_memberId > 0 && !m_info.member ? tr("Member #%1 is not in the cache.").arg(m_memberId)
                    : m_goodsId > 0 && !m_info.goods   ? tr("Goods #%1 is not in the cache.").arg(m_goodsId)
                                                       : tr("Choose the member and the goods."));
            } else {
                m_unitPrice =
                    core::memberPrice(*m_info.goods, m_info.member->id, m_info.member->tierId, m_info.tiers);
                QString text = tr("%1 yuan (%2; list price %3)")
                                   .arg(m_unitPrice.price.toString(4),
                                        core::BatchOrderText::priceSource(m_unitPrice.source),
                                        m_info.goods->price.toString(2));
                if (m_info.member->kind != u"enterprise")
                    text += u"  "_s + tr("Note: this member is not an enterprise buyer.");
                if (m_info.goods->kind == u"card")
                    text +=
                        u"  "_s + tr("A card goods: leave the account empty, give the quantity (\",5\").");
                m_price->setText(text);
            }
            revalidate();
            findOpenBatch();
            if (isPriced())
                Q_EMIT priced();
        });
}

void BatchOrderDialog::findOpenBatch()
{
    const qint64 memberId = m_memberId;
    m_source.reader().post<std::pair<qint64, int>>(
        this,
        [memberId](const storage::ReadSession& read) -> std::pair<qint64, int> {
            auto open = eb::openBatches(read, memberId);
            if (!open || open->isEmpty())
                return {0, 0};
            auto lines = eb::unfinished(read, open->first().id);
            return {open->first().id, lines ? int(lines->size()) : 0};
        },
        [this, memberId](std::pair<qint64, int> open) {
            if (memberId != m_memberId || m_run)
                return;
            m_openBatch = open.second > 0 && open.first != m_batchId ? open.first : 0;
            m_openLines = open.second;
            if (m_openBatch > 0)
                m_status->setText(
                    tr("Batch %1 of this member has %n unfinished line(s): 继续 sends them with "
                       "their keys.",
                       nullptr, m_openLines)
                        .arg(m_openBatch));
            updateState();
        });
}

void BatchOrderDialog::revalidate()
{
    if (m_run)
        return; // the preview shows the run's lines meanwhile
    core::BatchParse parsed = core::parseBatchText(m_text->toPlainText());
    m_lines = parsed.lines;
    if (m_info.goods)
        core::validateBatch(m_lines, m_info.goods->kind, m_unitPrice.price);
    m_results.clear();
    m_batchId = 0;
    m_unfinished = 0;
    present();
    updateState();
}

int BatchOrderDialog::rowOfLine(qint64 lineNo) const
{
    for (int r = 0; r < m_lines.size(); ++r)
        if (m_lines.at(r).lineNo == lineNo)
            return r;
    return -1;
}

void BatchOrderDialog::present()
{
    m_preview->setRowCount(int(m_lines.size()));
    const bool priced = isPriced();
    for (int r = 0; r < m_lines.size(); ++r) {
        const core::BatchOrderLine& l = m_lines.at(r);
        const QStringList cells = {QString::number(l.lineNo),
                                   l.chargeAccount,
                                   l.quantity > 0 ? QString::number(l.quantity) : QString(),
                                   priced ? l.unitPrice.toString(4) : QString(),
                                   priced && l.quantity > 0 && !l.blocked() ? l.total.toString(2) : QString(),
                                   core::BatchOrderText::problem(l),
                                   m_results.value(l.lineNo)};
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            if (c == ColLine || c == ColQuantity || c == ColUnit || c == ColTotal)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c == ColProblem && l.problem != core::BatchProblem::None)
                item->setForeground(l.blocked() ? QColor(0xb0, 0x1c, 0x1c) : QColor(0x9a, 0x60, 0x00));
            m_preview->setItem(r, c, item);
        }
    }
    const core::BatchTotals t = core::batchTotals(m_lines);
    if (m_lines.isEmpty()) {
        m_totals->setText(tr("Paste the charge accounts above, or import a file."));
    } else {
        QString text = tr("%n line(s) to order", nullptr, int(t.lines)) + u" · "_s +
                       tr("%n unit(s)", nullptr, int(t.units));
        if (priced)
            text += u" · "_s + tr("total %1 yuan").arg(t.amount.toString(2));
        if (t.blocked > 0)
            text += u" · "_s + tr("%n line(s) left out", nullptr, int(t.blocked));
        if (t.warnings > 0)
            text += u" · "_s + tr("%n warning(s)", nullptr, int(t.warnings));
        m_totals->setText(text);
    }
    m_accept->setVisible(t.warnings > 0);
}

void BatchOrderDialog::updateState()
{
    models::MemberDeskBackend* desk = m_backend.memberDesk();
    QString why;
    if (!desk)
        why = tr("Orders are created on the platform, and this console cannot reach one now.");
    else
        desk->canAct(&why);
    const core::BatchTotals t = core::batchTotals(m_lines);
    const bool running = m_run != nullptr;
    m_create->setEnabled(why.isEmpty() && !running && isPriced() && t.lines > 0 && m_batchId == 0 &&
                         (t.warnings == 0 || m_accept->isChecked()));
    m_continue->setVisible(((m_batchId > 0 && m_unfinished > 0) || m_openBatch > 0) && !running);
    m_continue->setEnabled(why.isEmpty());
    m_cancel->setVisible(running);
    m_text->setReadOnly(running);
    m_member->setEnabled(!running);
    m_goods->setEnabled(!running);
    if (!why.isEmpty())
        m_status->setText(why);
}

void BatchOrderDialog::askAndCreate()
{
    const core::BatchTotals t = core::batchTotals(m_lines);
    if (!isPriced() || t.lines == 0)
        return;
    const QString question =
        tr("Create %n order(s) for %1 on the platform, %2 yuan in all?", nullptr, int(t.lines))
            .arg(m_info.member->name, t.amount.toString(2));
    if (QMessageBox::question(this, tr("Create orders"), question) != QMessageBox::Yes)
        return;
    createNow();
}

void BatchOrderDialog::createNow()
{
    models::MemberDeskBackend* desk = m_backend.memberDesk();
    const core::BatchTotals t = core::batchTotals(m_lines);
    if (!desk || !isPriced() || m_run || t.lines == 0 || (t.warnings > 0 && !m_accept->isChecked()))
        return;
    auto* run = new models::BatchOrderRun(m_source, *desk, m_backend.actor(), this);
    attachRun(run);
    run->start(m_info.member->id, m_info.goods->id, m_lines);
}

void BatchOrderDialog::continueNow()
{
    models::MemberDeskBackend* desk = m_backend.memberDesk();
    const qint64 batch = m_batchId > 0 && m_unfinished > 0 ? m_batchId : m_openBatch;
    if (!desk || m_run || batch == 0)
        return;
    if (batch == m_openBatch)
        m_openBatch = 0; // its lines answer in the status line; the preview shows this dialog's lines
    auto* run = new models::BatchOrderRun(m_source, *desk, m_backend.actor(), this);
    attachRun(run);
    run->resume(batch);
}

void BatchOrderDialog::attachRun(models::BatchOrderRun* run)
{
    m_run = run;
    m_progress->show();
    m_progress->setRange(0, 0);
    m_status->setText(tr("Saving the batch…"));
    updateState();
    connect(run, &models::BatchOrderRun::started, this, [this](qint64 batchId, int lines) {
        m_batchId = batchId;
        m_progress->setRange(0, qMax(lines, 1));
        m_progress->setValue(0);
        m_status->setText(tr("Batch %1: sending %n line(s)…", nullptr, lines).arg(batchId));
    });
    connect(run, &models::BatchOrderRun::progress, this,
            [this](int done, int) { m_progress->setValue(done); });
    connect(run, &models::BatchOrderRun::lineFinished, this,
            [this](qint64 lineNo, const models::OrderOutcome& o) {
                const QString text =
                    o.orderId > 0 && o.error.isEmpty()
                        ? tr("order %1").arg(o.orderNo.isEmpty() ? QString::number(o.orderId) : o.orderNo)
                        : o.error;
                m_results.insert(lineNo, text);
                if (const int r = rowOfLine(lineNo); r >= 0 && m_preview->item(r, ColResult)) {
                    m_preview->item(r, ColResult)->setText(text);
                    m_preview->item(r, ColResult)
                        ->setForeground(o.error.isEmpty() ? QColor(0x1d, 0x6b, 0x2a)
                                                          : QColor(0xb0, 0x1c, 0x1c));
                }
            });
    connect(run, &models::BatchOrderRun::finished, this,
            [this, run](qint64 batchId, int created, int failed, int unfinished, const QString& error) {
                if (batchId > 0)
                    m_batchId = batchId;
                m_unfinished = unfinished;
                m_progress->hide();
                QString text = tr("%n order(s) created", nullptr, created) + u" · "_s +
                               tr("%n line(s) failed", nullptr, failed);
                if (unfinished > 0)
                    text += u" · "_s + tr("%n line(s) unfinished: 继续 sends them again with the same keys",
                                          nullptr, unfinished);
                if (!error.isEmpty())
                    text += u"\n"_s + error;
                m_status->setText(text);
                run->deleteLater();
                m_run = nullptr;
                updateState();
                if (created > 0)
                    m_backend.syncNow(); // the orders come into the cache with the feed
                Q_EMIT runFinished(created, failed, unfinished);
            });
}

} // namespace cardops::ui
