#include "models/tierladdereditor.h"

#include "models/datasource.h"
#include "storage/databasewriter.h"
#include "storage/tierstore.h"
#include "storage/writecontext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace cardops::models {
namespace {

using core::Money;
using core::Rate;

bool sameConditions(const core::UpgradeConditions& a, const core::UpgradeConditions& b)
{
    return a.cumulativeSpend == b.cumulativeSpend && a.cumulativeRecharge == b.cumulativeRecharge &&
           a.downlineGmv30d == b.downlineGmv30d && a.ownGmv30d == b.ownGmv30d &&
           a.activeDownlines == b.activeDownlines;
}

QString percent(Rate rate)
{
    const qint64 ppm = rate.ppm();
    QString fraction = QString::number(ppm % 10'000).rightJustified(4, u'0');
    while (fraction.endsWith(u'0'))
        fraction.chop(1);
    return QString::number(ppm / 10'000) + (fraction.isEmpty() ? QString() : u'.' + fraction) + u'%';
}

// Yuan with 2 places, or 4 when a threshold has parts of a cent.
QString moneyText(Money m)
{
    return m.toString(m.units() % Money::UnitsPerCent == 0 ? 2 : 4);
}

QString ratesText(const QList<Rate>& rates)
{
    QStringList out;
    for (Rate r : rates)
        out << percent(r);
    return out.join(u", "_s);
}

QByteArray ratesJson(const QList<Rate>& rates)
{
    QJsonArray out;
    for (Rate r : rates)
        out.append(percent(r));
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

QByteArray conditionsJson(const core::UpgradeConditions& c)
{
    QJsonObject o;
    const auto money = [&o](const char* key, const std::optional<Money>& m) {
        if (m)
            o.insert(QLatin1String(key), m->toString(4));
    };
    money("cumulative_spend", c.cumulativeSpend);
    money("cumulative_recharge", c.cumulativeRecharge);
    money("downline_gmv_30d", c.downlineGmv30d);
    money("own_gmv_30d", c.ownGmv30d);
    if (c.activeDownlines)
        o.insert(u"active_downlines"_s, *c.activeDownlines);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<Money>* moneySlot(core::UpgradeConditions& c, TierLadderEditor::Field field)
{
    switch (field) {
    case TierLadderEditor::CumulativeSpend:
        return &c.cumulativeSpend;
    case TierLadderEditor::CumulativeRecharge:
        return &c.cumulativeRecharge;
    case TierLadderEditor::DownlineGmv30d:
        return &c.downlineGmv30d;
    case TierLadderEditor::OwnGmv30d:
        return &c.ownGmv30d;
    default:
        return nullptr;
    }
}

struct Loaded
{
    QString error;
    QList<EditableTier> tiers;
    qint64 version = 0;
};

Loaded load(const storage::ReadSession& read)
{
    Loaded out;
    auto ladder = storage::tierstore::ladder(read);
    auto policies = storage::tierstore::policies(read);
    if (!ladder || !policies) {
        out.error = !ladder ? ladder.error().detail : policies.error().detail;
        return out;
    }
    out.version = ladder->version;
    for (const core::Tier& t : ladder->tiers) {
        EditableTier e;
        e.id = t.id;
        e.name = t.name;
        e.discount = t.discount;
        const QJsonArray rates = QJsonDocument::fromJson(t.commissionRates).array();
        for (const QJsonValue& v : rates)
            if (auto r = Rate::parse(v.toString()))
                e.commissionRates.append(r.value());
        if (auto c = core::upgradeConditionsFrom(t.upgrade.isEmpty() ? QByteArray("{}") : t.upgrade))
            e.conditions = c.value();
        e.downgrade = policies->value(t.id, core::DowngradePolicy::None);
        out.tiers.append(e);
    }
    return out;
}

} // namespace

bool EditableTier::operator==(const EditableTier& o) const
{
    return id == o.id && isNew == o.isNew && name == o.name && discount == o.discount &&
           commissionRates == o.commissionRates && sameConditions(conditions, o.conditions) &&
           downgrade == o.downgrade;
}

TierLadderEditor::TierLadderEditor(DataSource& source, QObject* parent)
    : QObject(parent)
    , m_source(source)
{}

void TierLadderEditor::reload()
{
    m_source.reader().post<Loaded>(this, load, [this](Loaded result) {
        m_tiers = result.tiers;
        m_original = result.tiers;
        m_version = result.version;
        m_loaded = result.error.isEmpty();
        Q_EMIT loaded();
        Q_EMIT changed();
    });
}

QString TierLadderEditor::policyName(core::DowngradePolicy policy)
{
    return policy == core::DowngradePolicy::SlidingWindow ? tr("Sliding 30 days") : tr("Keep");
}

QString TierLadderEditor::conditionsText(const core::UpgradeConditions& c)
{
    QStringList parts;
    if (c.cumulativeSpend)
        parts << tr("spend ≥ %1").arg(moneyText(*c.cumulativeSpend));
    if (c.cumulativeRecharge)
        parts << tr("recharge ≥ %1").arg(moneyText(*c.cumulativeRecharge));
    if (c.downlineGmv30d)
        parts << tr("downline GMV 30d ≥ %1").arg(moneyText(*c.downlineGmv30d));
    if (c.ownGmv30d)
        parts << tr("own GMV 30d ≥ %1").arg(moneyText(*c.ownGmv30d));
    if (c.activeDownlines)
        parts << tr("active downlines ≥ %1").arg(*c.activeDownlines);
    return parts.isEmpty() ? tr("assigned by hand") : parts.join(u", "_s);
}

QString TierLadderEditor::describeRule(const QString& rule)
{
    static const QRegularExpression shape(u"^(upgrade|downgrade) \\w+\\((.*)\\)$"_s);
    static const QRegularExpression part(u"^(\\w+) (-?[0-9.]+)(>=|<)(-?[0-9.]+)$"_s);
    const QRegularExpressionMatch whole = shape.match(rule);
    if (!whole.hasMatch())
        return rule;
    QStringList out;
    for (const QString& piece : whole.captured(2).split(u", "_s, Qt::SkipEmptyParts)) {
        const QRegularExpressionMatch m = part.match(piece);
        if (!m.hasMatch())
            return rule;
        const QString key = m.captured(1);
        QString label = key;
        if (key == u"cumulative_spend")
            label = tr("spend");
        else if (key == u"cumulative_recharge")
            label = tr("recharge");
        else if (key == u"downline_gmv_30d")
            label = tr("downline GMV 30d");
        else if (key == u"own_gmv_30d")
            label = tr("own GMV 30d");
        else if (key == u"active_downlines")
            label = tr("active downlines");
        const auto figure = [](const QString& text) {
            auto money = Money::parse(text);
            return money && text.contains(u'.') ? moneyText(money.value()) : text;
        };
        out << u"%1 %2 %3 %4"_s.arg(label, figure(m.captured(2)), m.captured(3) == u">=" ? u"≥"_s : u"<"_s,
                                    figure(m.captured(4)));
    }
    return (whole.captured(1) == u"upgrade" ? tr("Upgrade: %1") : tr("Downgrade: %1")).arg(out.join(u", "_s));
}

QString TierLadderEditor::text(int row, Field field) const
{
    if (row < 0 || row >= m_tiers.size())
        return {};
    const EditableTier& t = m_tiers.at(row);
    switch (field) {
    case Name:
        return t.name;
    case Discount:
        return percent(t.discount);
    case CommissionRates:
        return ratesText(t.commissionRates);
    case CumulativeSpend:
    case CumulativeRecharge:
    case DownlineGmv30d:
    case OwnGmv30d: {
        core::UpgradeConditions c = t.conditions;
        const std::optional<Money>* slot = moneySlot(c, field);
        return *slot ? moneyText(**slot) : QString();
    }
    case ActiveDownlines:
        return t.conditions.activeDownlines ? QString::number(*t.conditions.activeDownlines) : QString();
    case Downgrade:
        return t.downgrade == core::DowngradePolicy::SlidingWindow ? u"sliding_window"_s : u"none"_s;
    case FieldCount:
        break;
    }
    return {};
}

QString TierLadderEditor::setText(int row, Field field, const QString& input)
{
    if (row < 0 || row >= m_tiers.size())
        return tr("No such tier.");
    const QString text = input.trimmed();
    EditableTier t = m_tiers.at(row);
    switch (field) {
    case Name:
        if (text.isEmpty())
            return tr("A tier needs a name.");
        for (int i = 0; i < m_tiers.size(); ++i)
            if (i != row && m_tiers.at(i).name == text)
                return tr("Another tier is already called %1.").arg(text);
        t.name = text;
        break;
    case Discount: {
        auto rate = Rate::parse(text);
        if (!rate || rate->ppm() <= 0 || rate->ppm() > Rate::PartsPerUnit)
            return tr("A discount is a share of the price above 0 and at most 100%, such as 98%.");
        t.discount = rate.value();
        break;
    }
    case CommissionRates: {
        QList<Rate> rates;
        const QStringList parts = text.split(QRegularExpression(u"[,，;；\\s]+"_s), Qt::SkipEmptyParts);
        for (const QString& part : parts) {
            auto rate = Rate::parse(part);
            if (!rate || rate->ppm() < 0 || rate->ppm() >= Rate::PartsPerUnit)
                return tr("\"%1\" is not a commission rate: write rates by depth such as 2%, 1%, 0.5%.")
                    .arg(part);
            rates.append(rate.value());
        }
        t.commissionRates = rates;
        break;
    }
    case CumulativeSpend:
    case CumulativeRecharge:
    case DownlineGmv30d:
    case OwnGmv30d: {
        std::optional<Money>* slot = moneySlot(t.conditions, field);
        if (text.isEmpty()) {
            *slot = std::nullopt;
            break;
        }
        auto amount = Money::parse(text);
        if (!amount || amount->isNegative())
            return tr("\"%1\" is not an amount in yuan (at most 4 decimals, not negative); leave it empty "
                      "for no condition.")
                .arg(text);
        *slot = amount.value();
        break;
    }
    case ActiveDownlines: {
        if (text.isEmpty()) {
            t.conditions.activeDownlines = std::nullopt;
            break;
        }
        bool ok = false;
        const qint64 count = text.toLongLong(&ok);
        if (!ok || count < 0)
            return tr("\"%1\" is not a number of downlines; leave it empty for no condition.").arg(text);
        t.conditions.activeDownlines = count;
        break;
    }
    case Downgrade:
        if (text == u"sliding_window")
            t.downgrade = core::DowngradePolicy::SlidingWindow;
        else if (text == u"none")
            t.downgrade = core::DowngradePolicy::None;
        else
            return tr("Unknown downgrade policy.");
        break;
    case FieldCount:
        return tr("No such field.");
    }
    if (t == m_tiers.at(row))
        return {};
    m_tiers[row] = t;
    Q_EMIT changed();
    return {};
}

int TierLadderEditor::addTier(const QString& name)
{
    qint64 maxId = 0;
    for (const EditableTier& t : std::as_const(m_tiers))
        maxId = std::max(maxId, t.id);
    for (const EditableTier& t : std::as_const(m_original))
        maxId = std::max(maxId, t.id);
    EditableTier t;
    t.id = maxId + 1;
    t.isNew = true;
    t.name = name;
    if (!m_tiers.isEmpty()) {
        t.discount = m_tiers.last().discount;
        t.commissionRates = m_tiers.last().commissionRates;
    }
    m_tiers.append(t);
    Q_EMIT changed();
    return int(m_tiers.size()) - 1;
}

QString TierLadderEditor::removeTier(int row)
{
    if (row < 0 || row >= m_tiers.size())
        return tr("No such tier.");
    if (row == 0)
        return tr("The lowest tier is every member's floor and cannot be removed.");
    m_tiers.removeAt(row);
    Q_EMIT changed();
    return {};
}

QList<core::TierRule> TierLadderEditor::rules() const
{
    QList<core::TierRule> out;
    for (int i = 0; i < m_tiers.size(); ++i)
        out.append({m_tiers.at(i).id, i + 1, m_tiers.at(i).conditions, m_tiers.at(i).downgrade});
    return out;
}

QString TierLadderEditor::validate() const
{
    if (m_tiers.isEmpty())
        return tr("The ladder needs at least one tier.");
    QStringList names;
    for (const EditableTier& t : m_tiers) {
        if (t.name.trimmed().isEmpty())
            return tr("A tier needs a name.");
        if (names.contains(t.name))
            return tr("Two tiers are called %1.").arg(t.name);
        names << t.name;
    }
    if (auto checked = core::checkTierRules(rules()); !checked)
        return tr("The ladder is not valid: %1").arg(checked.error().detail);
    return {};
}

core::TierLadder TierLadderEditor::ladder() const
{
    core::TierLadder out;
    out.version = m_version;
    for (int i = 0; i < m_tiers.size(); ++i) {
        const EditableTier& e = m_tiers.at(i);
        core::Tier t;
        t.id = e.isNew ? 0 : e.id;
        t.name = e.name;
        t.rank = i + 1;
        t.discount = e.discount;
        t.commissionRates = ratesJson(e.commissionRates);
        t.upgrade = conditionsJson(e.conditions);
        out.tiers.append(t);
    }
    return out;
}

QStringList TierLadderEditor::changes() const
{
    QStringList out;
    for (const EditableTier& o : m_original)
        if (std::none_of(m_tiers.cbegin(), m_tiers.cend(),
                         [&o](const EditableTier& t) { return t.id == o.id; }))
            out << tr("Remove tier %1").arg(o.name);
    for (int i = 0; i < m_tiers.size(); ++i) {
        const EditableTier& t = m_tiers.at(i);
        const auto old = std::find_if(m_original.cbegin(), m_original.cend(),
                                      [&t](const EditableTier& o) { return o.id == t.id && !t.isNew; });
        if (old == m_original.cend()) {
            out << tr("Add tier %1 (rank %2): %3").arg(t.name).arg(i + 1).arg(conditionsText(t.conditions));
            continue;
        }
        QStringList what;
        if (old->name != t.name)
            what << tr("name %1 → %2").arg(old->name, t.name);
        if (old->discount != t.discount)
            what << tr("discount %1 → %2").arg(percent(old->discount), percent(t.discount));
        if (old->commissionRates != t.commissionRates)
            what << tr("commission %1 → %2")
                        .arg(ratesText(old->commissionRates), ratesText(t.commissionRates));
        if (!sameConditions(old->conditions, t.conditions))
            what << tr("upgrade %1 → %2").arg(conditionsText(old->conditions), conditionsText(t.conditions));
        if (old->downgrade != t.downgrade)
            what << tr("downgrade %1 → %2").arg(policyName(old->downgrade), policyName(t.downgrade));
        if (old - m_original.cbegin() != i)
            what << tr("rank %1 → %2").arg(old - m_original.cbegin() + 1).arg(i + 1);
        if (!what.isEmpty())
            out << tr("Tier %1: %2").arg(t.name, what.join(u"; "_s));
    }
    return out;
}

void TierLadderEditor::computeWhatIf()
{
    const quint64 serial = ++m_whatIfSerial;
    const QString problem = validate();
    if (!problem.isEmpty()) {
        TierWhatIf r;
        r.error = problem;
        return Q_EMIT whatIfReady(r);
    }
    const qint64 at = m_moment > 0 ? m_moment : QDateTime::currentSecsSinceEpoch();
    const QList<core::TierRule> edited = rules();
    QHash<qint64, QString> names;
    QHash<qint64, int> ranks;
    for (int i = 0; i < m_tiers.size(); ++i)
        names.insert(m_tiers.at(i).id, m_tiers.at(i).name), ranks.insert(m_tiers.at(i).id, i);
    for (const EditableTier& o : m_original)
        if (!names.contains(o.id))
            names.insert(o.id, o.name);
    std::function<TierWhatIf(const storage::ReadSession&)> work = [edited, names, ranks,
                                                                   at](const storage::ReadSession& read) {
        TierWhatIf r;
        r.at = at;
        auto current = storage::tierstore::rules(read);
        auto figures = storage::tierstore::figures(read, at);
        if (!current || !figures) {
            r.error = tr("The members' figures could not be read (%1).")
                          .arg(!current ? current.error().detail : figures.error().detail);
            return r;
        }
        r.members = figures->size();
        // As if a business-day boundary had just passed: downgrades show with the upgrades.
        auto next = core::evaluateTiers(edited, figures.value(), at - 86400, at);
        if (!next) {
            r.error = tr("The ladder is not valid: %1").arg(next.error().detail);
            return r;
        }
        if (!current->isEmpty())
            if (auto now = core::evaluateTiers(current.value(), figures.value(), at - 86400, at)) {
                for (const core::TierMove& m : now->moves)
                    (m.direction == core::TierDirection::Up ? r.currentUp : r.currentDown) += 1;
            }
        r.removedTierMembers = next->unknownTierMembers.size();
        QHash<QPair<qint64, qint64>, qint64> counts;
        for (const core::TierMove& m : next->moves) {
            counts[{m.fromTier, m.toTier}] += 1;
            (m.direction == core::TierDirection::Up ? r.up : r.down) += 1;
        }
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            r.moves.append({it.key().first, names.value(it.key().first), it.key().second,
                            names.value(it.key().second),
                            ranks.value(it.key().second) > ranks.value(it.key().first), it.value()});
        std::sort(r.moves.begin(), r.moves.end(), [&ranks](const TierMoveCount& a, const TierMoveCount& b) {
            return std::pair(ranks.value(a.fromTier), ranks.value(a.toTier)) <
                   std::pair(ranks.value(b.fromTier), ranks.value(b.toTier));
        });
        r.ok = true;
        return r;
    };
    m_source.reader().post<TierWhatIf>(this, std::move(work), [this, serial](TierWhatIf r) {
        if (serial == m_whatIfSerial) // a later request supersedes this one
            Q_EMIT whatIfReady(r);
    });
}

void TierLadderEditor::savePolicies(const core::Actor& actor, std::function<void(QString error)> done)
{
    storage::DatabaseWriter* writer = m_source.writer();
    if (!writer)
        return done(tr("This cache is read-only."));
    QList<core::DowngradePolicy> byRank;
    for (const EditableTier& t : std::as_const(m_tiers))
        byRank << t.downgrade;
    auto future = writer->submit(u"tiers.policies"_s,
                                 [actor, byRank](storage::WriteContext& ctx) -> core::Result<void> {
                                     auto rows = ctx.select(u"SELECT id FROM tiers ORDER BY rank, id"_s);
                                     if (!rows)
                                         return rows.error();
                                     for (qsizetype i = 0; i < rows->size() && i < byRank.size(); ++i) {
                                         auto r = storage::tierstore::setPolicy(
                                             ctx, actor, rows->at(i).value(0).toLongLong(), byRank.at(i));
                                         if (!r)
                                             return r;
                                     }
                                     return {};
                                 });
    auto* watcher = new QFutureWatcher<core::Result<void>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, done] {
        const core::Result<void> r = watcher->result();
        watcher->deleteLater();
        done(r ? QString() : tr("The downgrade policies could not be stored (%1).").arg(r.error().detail));
    });
    watcher->setFuture(future);
}

} // namespace cardops::models
