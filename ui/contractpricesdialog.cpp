#include "ui/contractpricesdialog.h"

#include "core/batchorderlines.h"
#include "core/pricing.h"
#include "models/consolebackend.h"
#include "models/datasource.h"
#include "models/lookupmodel.h"
#include "storage/databasewriter.h"
#include "storage/enterprisebatches.h"
#include "storage/readsession.h"

#include <QCompleter>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {

namespace eb = storage::enterprisebatches;

namespace {

enum Column { ColGoods, ColList, ColTier, ColContract, ColMargin, ColumnCount };

struct Loaded
{
    core::Result<eb::BuyerGoods> buyer = core::Error{};
    core::Result<QList<core::Goods>> goods = core::Error{};
};

QString marginText(core::Money price, core::Money cost)
{
    const qint64 bp = core::marginBasisPoints(price, cost);
    return u"%1 (%2%)"_s.arg((price - cost).toString(2)).arg(double(bp) / 100.0, 0, 'f', 2);
}

} // namespace

void ContractPricesDialog::open(models::DataSource& source, models::ConsoleBackend& backend, qint64 memberId,
                                QWidget* parent)
{
    auto* dialog = new ContractPricesDialog(source, backend, memberId, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

ContractPricesDialog::ContractPricesDialog(models::DataSource& source, models::ConsoleBackend& backend,
                                           qint64 memberId, QWidget* parent)
    : QDialog(parent)
    , m_source(source)
    , m_backend(backend)
    , m_memberId(memberId)
{
    setWindowTitle(tr("Contract prices (合同价)"));
    resize(760, 460);
    m_heading = new QLabel(this);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels(
        {tr("Goods"), tr("List price"), tr("Tier price"), tr("Contract price"), tr("Margin vs cost")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(ColGoods, QHeaderView::Stretch);

    m_goodsField = new QLineEdit(this);
    m_goodsField->setPlaceholderText(tr("Goods: name, SKU or id"));
    auto* lookup = new models::LookupModel(source, storage::ListKind::Goods, m_goodsField);
    auto* completer = new QCompleter(lookup, m_goodsField);
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_goodsField->setCompleter(completer);
    connect(m_goodsField, &QLineEdit::textEdited, lookup, [lookup](const QString& text) {
        if (!text.trimmed().isEmpty() && !text.contains(u'#'))
            lookup->search(text);
    });
    connect(lookup, &models::LookupModel::answered, m_goodsField, [this, completer, lookup] {
        if (m_goodsField->hasFocus() && lookup->rowCount() > 0)
            completer->complete();
    });
    m_priceField = new QLineEdit(this);
    m_priceField->setPlaceholderText(tr("Contract price, e.g. 96.50"));
    m_priceField->setMaximumWidth(160);
    m_set = new QPushButton(tr("Set price"), this);
    m_remove = new QPushButton(tr("Remove"), this);
    auto* edit = new QHBoxLayout;
    edit->addWidget(m_goodsField, 2);
    edit->addWidget(m_priceField, 1);
    edit->addWidget(m_set);
    edit->addWidget(m_remove);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto* close = new QPushButton(tr("Close"), this);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(close);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_table, 1);
    layout->addLayout(edit);
    layout->addLayout(bottom);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0 || row >= m_goods.size())
            return;
        const core::Goods& g = m_goods.at(row);
        m_goodsField->setText(models::LookupModel::fieldText(g.name, g.id));
        for (const auto& c : core::parseContractPrices(g.contractPrices))
            if (c.memberId == m_memberId)
                m_priceField->setText(c.price.toString(2));
    });
    connect(m_set, &QPushButton::clicked, this, [this] {
        bool ok = false;
        askAndStage(models::LookupModel::idFromFieldText(m_goodsField->text(), &ok), false);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        bool ok = false;
        askAndStage(models::LookupModel::idFromFieldText(m_goodsField->text(), &ok), true);
    });
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    connect(&m_source, &models::DataSource::tablesChanged, this, [this](const QSet<QString>& tables) {
        if (tables.contains(u"goods"_s))
            reload();
    });
    const bool may =
        m_source.writer() && core::roleAllows(m_backend.actor().role, core::Permission::EditGoods);
    m_set->setEnabled(may);
    m_remove->setEnabled(may);
    if (!may)
        m_status->setText(tr("Your role may not change prices, or this cache is read-only."));
    reload();
}

void ContractPricesDialog::reload()
{
    const qint64 memberId = m_memberId;
    m_source.reader().post<Loaded>(
        this,
        [memberId](const storage::ReadSession& read) {
            return Loaded{eb::buyerGoods(read, memberId, 0), eb::contractGoods(read, memberId)};
        },
        [this](Loaded answer) {
            if (!answer.buyer || !answer.goods) {
                m_heading->setText(
                    tr("The contract prices cannot be read: %1")
                        .arg((!answer.buyer ? answer.buyer.error() : answer.goods.error()).detail));
                return;
            }
            const auto& member = answer.buyer->member;
            m_tierId = member ? member->tierId : 0;
            m_tiers = answer.buyer->tiers;
            m_goods = answer.goods.value();
            m_heading->setText(
                member ? tr("%1 (#%2): %n goods with a contract price", nullptr, int(m_goods.size()))
                             .arg(member->name)
                             .arg(member->id)
                       : tr("Member #%1 is not in the cache.").arg(m_memberId));
            m_table->setRowCount(int(m_goods.size()));
            for (int r = 0; r < m_goods.size(); ++r) {
                const core::Goods& g = m_goods.at(r);
                core::Goods noContract = g;
                noContract.contractPrices = "[]";
                const core::MemberPrice tier = core::memberPrice(noContract, m_memberId, m_tierId, m_tiers);
                core::Money contract;
                for (const auto& c : core::parseContractPrices(g.contractPrices))
                    if (c.memberId == m_memberId)
                        contract = c.price;
                const QStringList cells = {models::LookupModel::fieldText(g.name, g.id), g.price.toString(2),
                                           tier.price.toString(2), contract.toString(2),
                                           marginText(contract, g.cost)};
                for (int c = 0; c < ColumnCount; ++c) {
                    auto* item = new QTableWidgetItem(cells.at(c));
                    if (c != ColGoods)
                        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                    if (c == ColMargin && contract < g.cost)
                        item->setForeground(QColor(0xb0, 0x1c, 0x1c));
                    m_table->setItem(r, c, item);
                }
            }
            Q_EMIT loaded();
        });
}

void ContractPricesDialog::askAndStage(qint64 goodsId, bool remove)
{
    if (goodsId <= 0) {
        m_status->setText(tr("Choose a goods first."));
        return;
    }
    const QString priceText = m_priceField->text().trimmed();
    auto price = core::Money::parse(priceText);
    if (!remove && (!price || price->units() <= 0)) {
        m_status->setText(tr("\"%1\" is not a price in yuan.").arg(priceText));
        return;
    }
    const qint64 memberId = m_memberId;
    m_source.reader().post<core::Result<eb::BuyerGoods>>(
        this, [=](const storage::ReadSession& read) { return eb::buyerGoods(read, memberId, goodsId); },
        [this, goodsId, remove, priceText, price](core::Result<eb::BuyerGoods> info) {
            if (!info || !info->goods) {
                m_status->setText(tr("Goods #%1 is not in the cache.").arg(goodsId));
                return;
            }
            const core::Goods& g = *info->goods;
            QString question = remove ? tr("Remove the contract price of %1 for this member?").arg(g.name)
                                      : tr("Set the contract price of %1 for this member to %2 yuan?")
                                            .arg(g.name, price->toString(2));
            if (!remove && price.value() < g.cost)
                question +=
                    u"\n\n"_s + tr("This is BELOW the cost of %1 yuan: every unit sold loses %2 yuan.")
                                    .arg(g.cost.toString(2), (g.cost - price.value()).toString(2));
            const auto icon =
                !remove && price.value() < g.cost ? QMessageBox::Warning : QMessageBox::Question;
            QMessageBox box(icon, tr("Contract price"), question, QMessageBox::Yes | QMessageBox::No, this);
            box.setDefaultButton(icon == QMessageBox::Warning ? QMessageBox::No : QMessageBox::Yes);
            if (box.exec() != QMessageBox::Yes)
                return;
            stage(goodsId, remove ? QString() : priceText);
        });
}

void ContractPricesDialog::stage(qint64 goodsId, const QString& price)
{
    std::optional<core::Money> value;
    if (!price.isEmpty()) {
        auto parsed = core::Money::parse(price);
        if (!parsed)
            return Q_EMIT staged(false, parsed.error().detail);
        value = parsed.value();
    }
    if (!m_source.writer())
        return Q_EMIT staged(false, u"read-only"_s);
    const core::Actor actor = m_backend.actor();
    const qint64 memberId = m_memberId;
    auto* watcher = new QFutureWatcher<core::Result<bool>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const auto r = watcher->result();
        watcher->deleteLater();
        if (!r)
            m_status->setText(tr("The change was not staged: %1").arg(r.error().detail));
        else
            m_status->setText(
                r.value() ? tr("Staged: the platform gets the new list with the next sync (本地待同步).")
                          : tr("Nothing changed."));
        m_source.notifyChanged({u"goods"_s, u"outbox"_s, u"audit_log"_s});
        Q_EMIT staged(r.ok(), r ? QString() : r.error().detail);
    });
    watcher->setFuture(
        m_source.writer()->submit<bool>(u"goods.contract_price"_s, [=](storage::WriteContext& ctx) {
            return eb::stageContractPrice(ctx, actor, goodsId, memberId, value);
        }));
}

} // namespace cardops::ui
