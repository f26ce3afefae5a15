#include "ui/orderfilterbar.h"

#include "core/clock.h"
#include "core/money.h"
#include "models/lookupmodel.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace cardops::ui {

namespace {

const QString kSavedGroup = u"orders/saved_filters"_s;
const QDate kEpoch(1970, 1, 1);

enum Period { AnyTime, Today, Yesterday, Last7, Last30, ThisMonth, Custom };

qint64 dayStart(const QDate& date)
{
    return core::businessDayStart(kEpoch.daysTo(date));
}

QDate dayOf(qint64 unixSeconds)
{
    return kEpoch.addDays(core::businessDay(unixSeconds));
}

QDate shanghaiToday()
{
    return dayOf(QDateTime::currentSecsSinceEpoch());
}

QString yuanText(qint64 units)
{
    return core::Money::fromUnits(units).toString(units % core::Money::UnitsPerCent == 0 ? 2 : 4);
}

} // namespace

OrderFilterBar::OrderFilterBar(models::DataSource* source, QWidget* parent)
    : QWidget(parent)
    , m_today(shanghaiToday())
{
    build();
    reloadSaved();
    if (source) {
        suggest(m_member, *source, storage::ListKind::Members);
        suggest(m_goods, *source, storage::ListKind::Goods);
    }
}

void OrderFilterBar::suggest(QLineEdit* edit, models::DataSource& source, storage::ListKind kind)
{
    auto* model = new models::LookupModel(source, kind, edit);
    auto* completer = new QCompleter(model, edit);
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    completer->setMaxVisibleItems(12);
    edit->setCompleter(completer);
    connect(edit, &QLineEdit::textEdited, model, [model](const QString& text) {
        bool isId = false;
        models::LookupModel::idFromFieldText(text, &isId);
        if (!text.trimmed().isEmpty() && (!isId || !text.contains(u'#')))
            model->search(text);
    });
    connect(model, &models::LookupModel::answered, edit, [edit, completer, model] {
        if (edit->hasFocus() && model->rowCount() > 0)
            completer->complete();
    });
}

void OrderFilterBar::build()
{
    m_period = new QComboBox(this);
    m_period->addItems({tr("Any time"), tr("Today"), tr("Yesterday"), tr("Last 7 days"), tr("Last 30 days"),
                        tr("This month"), tr("Dates…")});
    m_from = new QDateEdit(this);
    m_to = new QDateEdit(this);
    for (QDateEdit* d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(u"yyyy-MM-dd"_s);
        d->setDate(m_today);
        d->setVisible(false);
    }
    m_from->setToolTip(tr("First day (Asia/Shanghai business day)"));
    m_to->setToolTip(tr("Last day, included"));

    const auto edit = [this](const QString& placeholder, const QString& tip, int width) {
        auto* e = new QLineEdit(this);
        e->setPlaceholderText(placeholder);
        e->setToolTip(tip);
        e->setProperty("tip", tip);
        e->setClearButtonEnabled(true);
        e->setMinimumWidth(width);
        return e;
    };
    m_orderNo = edit(tr("Order no. starts with"), tr("The start of the order number (digits)"), 170);
    m_account =
        edit(tr("Charge account starts with"), tr("The start of the charge account (QQ, phone…)"), 170);
    m_member = edit(tr("Member"), tr("Only this member's orders: type a name, contact or ID"), 150);
    m_goods = edit(tr("Goods"), tr("Only orders of this goods: type a name, SKU or ID"), 150);
    m_amountMin = edit(tr("Amount from"), tr("Lowest amount in yuan, included"), 90);
    m_amountMax = edit(tr("Amount to"), tr("Highest amount in yuan, included"), 90);

    m_clear = new QPushButton(tr("Clear filters"), this);
    m_save = new QPushButton(tr("Save filter…"), this);
    m_saved = new QComboBox(this);
    m_saved->setMinimumWidth(150);
    m_saved->setToolTip(tr("Apply a saved filter"));
    m_removeSaved = new QPushButton(tr("Delete"), this);
    m_removeSaved->setToolTip(tr("Delete the saved filter shown on the left"));

    auto* dates = new QLabel(u"–"_s, this);
    dates->hide();
    auto* amounts = new QLabel(u"–"_s, this);
    auto* first = new QHBoxLayout;
    first->addWidget(new QLabel(tr("Created"), this));
    first->addWidget(m_period);
    first->addWidget(m_from);
    first->addWidget(dates);
    first->addWidget(m_to);
    first->addSpacing(12);
    first->addWidget(m_orderNo);
    first->addWidget(m_account);
    first->addStretch(1);
    auto* second = new QHBoxLayout;
    second->addWidget(new QLabel(tr("Amount"), this));
    second->addWidget(m_amountMin);
    second->addWidget(amounts);
    second->addWidget(m_amountMax);
    second->addSpacing(12);
    second->addWidget(m_member);
    second->addWidget(m_goods);
    second->addSpacing(12);
    second->addWidget(m_clear);
    second->addWidget(m_save);
    second->addWidget(m_saved);
    second->addWidget(m_removeSaved);
    second->addStretch(1);
    m_relations = new QWidget(this);
    m_relationText = new QLabel(m_relations);
    m_relationText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* removeRelations = new QPushButton(tr("Remove these conditions"), m_relations);
    removeRelations->setToolTip(tr("Keep the other filters, drop the conditions the dashboard added"));
    connect(removeRelations, &QPushButton::clicked, this, &OrderFilterBar::clearRelations);
    auto* third = new QHBoxLayout(m_relations);
    third->setContentsMargins(0, 0, 0, 0);
    third->addWidget(new QLabel(tr("From the dashboard:"), m_relations));
    third->addWidget(m_relationText);
    third->addWidget(removeRelations);
    third->addStretch(1);
    m_relations->hide();
    auto* rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->addLayout(first);
    rows->addLayout(second);
    rows->addWidget(m_relations);
    m_dateDash = dates;

    m_delay = new QTimer(this);
    m_delay->setSingleShot(true);
    m_delay->setInterval(300);
    connect(m_delay, &QTimer::timeout, this, &OrderFilterBar::readFields);
    for (QLineEdit* e : {m_orderNo, m_account, m_member, m_goods, m_amountMin, m_amountMax}) {
        connect(e, &QLineEdit::textChanged, this, [this] {
            if (!m_loading)
                m_delay->start();
        });
        connect(e, &QLineEdit::returnPressed, this, [this] {
            m_delay->stop();
            readFields();
        });
    }
    for (QDateEdit* d : {m_from, m_to})
        connect(d, &QDateEdit::dateChanged, this, [this] {
            if (!m_loading)
                m_delay->start();
        });
    connect(m_period, &QComboBox::currentIndexChanged, this, &OrderFilterBar::presetChanged);
    connect(m_clear, &QPushButton::clicked, this, &OrderFilterBar::clear);
    connect(m_save, &QPushButton::clicked, this, &OrderFilterBar::askSaveName);
    connect(m_saved, &QComboBox::activated, this, [this](int i) {
        if (i > 0)
            applySaved(m_saved->itemText(i));
    });
    connect(m_removeSaved, &QPushButton::clicked, this, [this] {
        if (m_saved->currentIndex() > 0)
            removeSaved(m_saved->currentText());
    });
}

void OrderFilterBar::presetChanged(int index)
{
    const bool custom = index == Custom;
    for (QWidget* w : {static_cast<QWidget*>(m_from), static_cast<QWidget*>(m_to), m_dateDash})
        w->setVisible(custom);
    if (m_loading)
        return;
    m_delay->stop();
    readFields();
}

bool OrderFilterBar::markValid(QLineEdit* edit, bool valid, const QString& problem)
{
    edit->setProperty("invalid", !valid);
    edit->setStyleSheet(valid ? QString() : u"QLineEdit { border: 1px solid #d93025; }"_s);
    edit->setToolTip(valid ? edit->property("tip").toString() : problem);
    return valid;
}

void OrderFilterBar::readFields()
{
    storage::OrderFilter f;
    switch (m_period->currentIndex()) {
    case Today:
        f.createdFrom = dayStart(m_today);
        f.createdTo = dayStart(m_today.addDays(1));
        break;
    case Yesterday:
        f.createdFrom = dayStart(m_today.addDays(-1));
        f.createdTo = dayStart(m_today);
        break;
    case Last7:
        f.createdFrom = dayStart(m_today.addDays(-6));
        f.createdTo = dayStart(m_today.addDays(1));
        break;
    case Last30:
        f.createdFrom = dayStart(m_today.addDays(-29));
        f.createdTo = dayStart(m_today.addDays(1));
        break;
    case ThisMonth:
        f.createdFrom = dayStart(QDate(m_today.year(), m_today.month(), 1));
        f.createdTo = dayStart(m_today.addDays(1));
        break;
    case Custom: {
        const QDate from = std::min(m_from->date(), m_to->date());
        const QDate to = std::max(m_from->date(), m_to->date());
        f.createdFrom = dayStart(from);
        f.createdTo = dayStart(to.addDays(1));
        break;
    }
    default:
        break;
    }
    f.orderNoPrefix = m_orderNo->text().trimmed();
    f.chargeAccountPrefix = m_account->text().trimmed();

    const auto readId = [this](QLineEdit* e) -> qint64 {
        const QString text = e->text().trimmed();
        bool ok = text.isEmpty();
        const qint64 id = ok ? 0 : models::LookupModel::idFromFieldText(text, &ok);
        markValid(e, ok, tr("Choose from the suggestions, or enter an ID."));
        return ok ? id : 0;
    };
    f.memberId = readId(m_member);
    f.goodsId = readId(m_goods);

    const auto readAmount = [this](QLineEdit* e) -> std::optional<qint64> {
        const QString text = e->text().trimmed();
        if (text.isEmpty()) {
            markValid(e, true, {});
            return std::nullopt;
        }
        auto money = core::Money::parse(text);
        const bool ok = money.ok() && !money->isNegative();
        markValid(e, ok, tr("Enter an amount in yuan, e.g. 98.5 (at most 4 decimals)."));
        return ok ? std::optional<qint64>(money->units()) : std::nullopt;
    };
    f.amountMin = readAmount(m_amountMin);
    f.amountMax = readAmount(m_amountMax);
    // The dashboard's conditions have no field: they stay until removed or cleared.
    f.categoryId = m_dash.categoryId;
    f.memberKind = m_dash.memberKind;
    f.branchOf = m_dash.branchOf;
    f.weekday = m_dash.weekday;
    f.hour = m_dash.hour;

    if (f == m_filter)
        return;
    m_filter = f;
    Q_EMIT filterChanged(m_filter);
}

void OrderFilterBar::setFilter(const storage::OrderFilter& filter)
{
    m_loading = true;
    storage::OrderFilter f = filter;
    f.tab = storage::OrderTab::All;
    m_period->setCurrentIndex(AnyTime);
    if (f.createdFrom > 0 || f.createdTo > 0) {
        m_period->setCurrentIndex(Custom);
        m_from->setDate(f.createdFrom > 0 ? dayOf(f.createdFrom) : m_today);
        m_to->setDate(f.createdTo > 0 ? dayOf(f.createdTo - 1) : m_today);
    }
    m_orderNo->setText(f.orderNoPrefix);
    m_account->setText(f.chargeAccountPrefix);
    m_member->setText(f.memberId > 0 ? QString::number(f.memberId) : QString());
    m_goods->setText(f.goodsId > 0 ? QString::number(f.goodsId) : QString());
    m_amountMin->setText(f.amountMin ? yuanText(*f.amountMin) : QString());
    m_amountMax->setText(f.amountMax ? yuanText(*f.amountMax) : QString());
    m_dash = storage::OrderFilter();
    m_dash.categoryId = f.categoryId;
    m_dash.memberKind = f.memberKind;
    m_dash.branchOf = f.branchOf;
    m_dash.weekday = f.weekday;
    m_dash.hour = f.hour;
    m_loading = false;
    m_delay->stop();
    readFields();
    showRelations();
}

QString OrderFilterBar::relationText() const
{
    const storage::OrderFilter& f = m_dash;
    QStringList parts;
    if (f.categoryId > 0)
        parts << tr("category #%1").arg(f.categoryId);
    if (f.memberKind == u"consumer")
        parts << tr("consumers");
    else if (f.memberKind == u"agent")
        parts << tr("agents");
    else if (f.memberKind == u"enterprise")
        parts << tr("enterprise buyers");
    else if (f.memberKind == storage::OrderFilter::UncachedMember)
        parts << tr("buyers not in the cache");
    if (f.branchOf > 0)
        parts << tr("members below agent #%1").arg(f.branchOf);
    if (f.weekday >= 0)
        parts << QLocale().dayName(f.weekday + 1);
    if (f.hour >= 0)
        parts << tr("%1:00–%2:00").arg(f.hour, 2, 10, QChar(u'0')).arg(f.hour + 1, 2, 10, QChar(u'0'));
    return parts.join(u" · "_s);
}

void OrderFilterBar::showRelations()
{
    const QString text = relationText();
    m_relationText->setText(text);
    m_relations->setVisible(!text.isEmpty());
}

void OrderFilterBar::clearRelations()
{
    m_dash = storage::OrderFilter();
    showRelations();
    m_delay->stop();
    readFields();
}

void OrderFilterBar::clear()
{
    setFilter({});
}

void OrderFilterBar::focusFirst()
{
    m_orderNo->setFocus(Qt::ShortcutFocusReason);
    m_orderNo->selectAll();
}

QStringList OrderFilterBar::savedNames() const
{
    QSettings settings;
    settings.beginGroup(kSavedGroup);
    QStringList names;
    for (const QString& key : settings.childKeys())
        names << QString::fromUtf8(QByteArray::fromPercentEncoding(key.toLatin1()));
    names.sort(Qt::CaseInsensitive);
    return names;
}

bool OrderFilterBar::saveAs(const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return false;
    readFields();
    QSettings settings;
    settings.beginGroup(kSavedGroup);
    settings.setValue(QString::fromLatin1(trimmed.toUtf8().toPercentEncoding()),
                      QString::fromUtf8(QJsonDocument(m_filter.toJson()).toJson(QJsonDocument::Compact)));
    settings.sync();
    reloadSaved();
    m_saved->setCurrentIndex(m_saved->findText(trimmed));
    return true;
}

bool OrderFilterBar::applySaved(const QString& name)
{
    QSettings settings;
    settings.beginGroup(kSavedGroup);
    const QString json = settings.value(QString::fromLatin1(name.toUtf8().toPercentEncoding())).toString();
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (!doc.isObject())
        return false;
    setFilter(storage::OrderFilter::fromJson(doc.object()));
    m_saved->setCurrentIndex(m_saved->findText(name));
    return true;
}

void OrderFilterBar::removeSaved(const QString& name)
{
    QSettings settings;
    settings.beginGroup(kSavedGroup);
    settings.remove(QString::fromLatin1(name.toUtf8().toPercentEncoding()));
    settings.sync();
    reloadSaved();
}

void OrderFilterBar::askSaveName()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Save filter"), tr("Name of this filter:"), QLineEdit::Normal,
                              m_saved->currentIndex() > 0 ? m_saved->currentText() : QString(), &ok);
    if (ok)
        saveAs(name);
}

void OrderFilterBar::reloadSaved()
{
    m_saved->clear();
    const QStringList names = savedNames();
    m_saved->addItem(names.isEmpty() ? tr("No saved filters") : tr("Saved filters"));
    m_saved->addItems(names);
    m_saved->setEnabled(!names.isEmpty());
    m_removeSaved->setEnabled(!names.isEmpty());
}

} // namespace cardops::ui
