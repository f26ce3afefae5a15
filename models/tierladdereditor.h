#pragma once

#include "core/access.h"
#include "core/money.h"
#include "core/platformtypes.h"
#include "core/tierrules.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <functional>

namespace cardops::models {

class DataSource;

// One tier of the ladder being edited.
struct EditableTier
{
    qint64 id = 0;      // the platform's id; a provisional one above every real id while isNew
    bool isNew = false; // added here, not on the platform yet (pushed without an id)
    QString name;
    core::Rate discount = core::Rate::fromPpm(1'000'000);
    QList<core::Rate> commissionRates; // [k]: the rate of the ancestor at depth k+1
    core::UpgradeConditions conditions;
    core::DowngradePolicy downgrade = core::DowngradePolicy::None;

    bool operator==(const EditableTier& other) const;
};

// How many members one (from → to) move would concern.
struct TierMoveCount
{
    qint64 fromTier = 0;
    QString fromName;
    qint64 toTier = 0;
    QString toName;
    bool up = true;
    qint64 members = 0;
};

// What the edited ladder would do to today's members, beside what the current ladder does.
struct TierWhatIf
{
    bool ok = false;
    QString error; // translated
    qint64 members = 0;
    qint64 up = 0;
    qint64 down = 0;
    QList<TierMoveCount> moves; // by from rank, then to rank
    qint64 currentUp = 0;       // the moves the current ladder makes on the same figures
    qint64 currentDown = 0;
    qint64 removedTierMembers = 0; // members holding a tier the edit removes
    qint64 at = 0;
};

// 等级阶梯编辑: an editable copy of the cached ladder (name, discount, commission rates by depth,
// the upgrade conditions of core::UpgradeConditions, CardOps's downgrade policy), every edit
// validated before it is taken (nothing changes on a bad value), the ladder checked with
// core::checkTierRules, and a what-if: the edited rules evaluated over the current members' figures
// on the loader thread, as if a business-day boundary had just passed (so downgrades show too).
// UI thread.
class TierLadderEditor : public QObject
{
    Q_OBJECT
public:
    enum Field {
        Name,
        Discount,
        CommissionRates,
        CumulativeSpend,
        CumulativeRecharge,
        DownlineGmv30d,
        OwnGmv30d,
        ActiveDownlines,
        Downgrade,
        FieldCount
    };

    explicit TierLadderEditor(DataSource& source, QObject* parent = nullptr);

    // Loads the cached ladder and policies on the loader thread; loaded() follows. Drops edits.
    void reload();
    bool isLoaded() const { return m_loaded; }
    bool isModified() const { return m_loaded && m_tiers != m_original; }
    // The ladder version the edit started from (If-Match of the push).
    qint64 baseVersion() const { return m_version; }
    const QList<EditableTier>& tiers() const { return m_tiers; }
    const QList<EditableTier>& original() const { return m_original; }

    // A cell as text: "98%", "2%, 1%", "1000.00", "" for an unset condition, "none"/"sliding_window".
    QString text(int row, Field field) const;
    // Takes a cell's text; answers "" or a translated error, and changes nothing on an error.
    // Conditions: empty = not required. Rates: "2%" or "0.02", separated by commas. Downgrade:
    // "none" or "sliding_window".
    QString setText(int row, Field field, const QString& text);
    // A new tier on top of the ladder (the highest rank), named by the caller; answers its row.
    int addTier(const QString& name);
    // Removes a tier; the lowest tier (the floor) stays. "" or a translated error.
    QString removeTier(int row);

    // "" when the ladder may be pushed, else the first problem, translated.
    QString validate() const;
    // Rows in rank order; new tiers with their provisional ids.
    QList<core::TierRule> rules() const;
    // The ladder to push: ranks 1…n in row order, new tiers with id 0, version = baseVersion().
    core::TierLadder ladder() const;
    // One translated line per change against the loaded ladder (for the push confirmation).
    QStringList changes() const;

    // The moment of the what-if's figures; 0 (default) = now.
    void setMoment(qint64 at) { m_moment = at; }
    // Evaluates on the loader thread; whatIfReady() follows (ok = false with the reason when the
    // edited ladder does not validate).
    void computeWhatIf();

    // Stores the downgrade policies (CardOps's own setting) of the cached ladder's tiers, matched to
    // the edited rows by rank: after a push, when the platform has numbered the new tiers. Audited.
    void savePolicies(const core::Actor& actor, std::function<void(QString error)> done);

    // The texts of a downgrade policy for the operator.
    static QString policyName(core::DowngradePolicy policy);
    static QString conditionsText(const core::UpgradeConditions& conditions);
    // A recorded move's rule (core::TierMove::rule, stable English) in the operator's words:
    // "Upgrade: own GMV 30d 500.00 ≥ 500.00"; an unknown form is shown as it is.
    static QString describeRule(const QString& rule);

Q_SIGNALS:
    void loaded();
    void changed();
    void whatIfReady(const cardops::models::TierWhatIf& result);

private:
    DataSource& m_source;
    QList<EditableTier> m_tiers;
    QList<EditableTier> m_original;
    qint64 m_version = 0;
    qint64 m_moment = 0;
    bool m_loaded = false;
    quint64 m_whatIfSerial = 0;
};

} // namespace cardops::models
