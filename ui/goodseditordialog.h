#pragma once

#include "core/access.h"
#include "models/goodseditor.h"

#include <QDialog>
#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace cardops::models {
class DataSource;
}

namespace cardops::ui {

class ListingEditWidget;

// 商品编辑: one goods' platform fields in three tabs — 基本 (category, sort, status, owner,
// low-stock threshold), 价格 (price, tier and contract prices with the cost and margin live; a price
// below cost is red and needs an explicit confirmation) and 商品详情 (title, spec, description
// checked live against the listing template, with its preview and 套用模板). Ctrl+S stages the
// changed fields through models::GoodsEditor (本地待同步 until the platform accepts them); Esc
// with unsaved changes asks first. Money is typed as text and parsed exactly; bad input stays in
// its field, marked. Not modal. UI thread.
class GoodsEditorDialog : public QDialog
{
    Q_OBJECT
public:
    GoodsEditorDialog(models::DataSource& source, const core::Actor& actor, qint64 goodsId,
                      QWidget* parent = nullptr);

    // The goods' editor among `parent`'s children, raised, or a new one shown (one window a goods).
    static GoodsEditorDialog* open(models::DataSource& source, const core::Actor& actor, qint64 goodsId,
                                   QWidget* parent);

    // Asks the operator (title, question, the accepting button's text); tests answer without a box.
    using Confirm = std::function<bool(const QString& title, const QString& question, const QString& accept)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    qint64 goodsId() const;
    models::GoodsEditor& editor() const { return *m_editor; }
    // The fields' values; nothing while a field holds text that is not a value (`error` says which).
    std::optional<models::GoodsEdit> currentEdit(QString* error = nullptr) const;
    bool hasUnsavedChanges() const;
    // Checks, asks where needed (listing problems, prices below cost), then stages.
    void save();
    // Esc and 关闭: asks first when there are unsaved changes.
    void reject() override;

    QTabWidget& tabs() const { return *m_tabs; }
    QLineEdit& priceField() const { return *m_price; }
    QLabel& marginLabel() const { return *m_margin; }
    QLabel& statusLabel() const { return *m_status; }
    ListingEditWidget& listing() const { return *m_listing; }

Q_SIGNALS:
    // The goods is shown (after each read).
    void loaded();
    // A save finished: the staged outbox item (0 when only the template changed), or an error.
    void saveFinished(bool ok, const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QWidget* buildBasics();
    QWidget* buildPrices();
    void populate();
    void fillTiers();
    void addContractRow(qint64 memberId, const QString& price);
    void refresh();
    void refreshPrices(const models::GoodsEdit* edit);
    void manageTemplates();
    void finishSave(models::GoodsEditor::Outcome outcome, qint64 outboxId, const QString& detail);
    void setStatus(const QString& text, bool error = false);
    bool confirmDiscard();
    bool ask(const QString& title, const QString& question, const QString& accept);

    models::DataSource& m_source;
    models::GoodsEditor* m_editor = nullptr;
    Confirm m_confirm;
    bool m_populated = false;
    bool m_populating = false;
    bool m_closing = false;
    models::GoodsEdit m_shown;  // the values the fields were last filled with
    models::GoodsEdit m_saving; // the values being saved
    bool m_keptGoods = false;   // the last read kept the goods as first read (an edit was in progress)

    QTabWidget* m_tabs = nullptr;
    QLabel* m_name = nullptr;
    QLabel* m_sku = nullptr;
    QLabel* m_kind = nullptr;
    QComboBox* m_category = nullptr;
    QSpinBox* m_sort = nullptr;
    QCheckBox* m_onSale = nullptr;
    QComboBox* m_owner = nullptr;
    QSpinBox* m_threshold = nullptr;
    QLabel* m_stock = nullptr;

    QLineEdit* m_price = nullptr;
    QLabel* m_priceError = nullptr;
    QLabel* m_cost = nullptr;
    QLabel* m_margin = nullptr;
    QLabel* m_belowCost = nullptr;
    QWidget* m_tierBox = nullptr;
    QList<std::pair<qint64, QLineEdit*>> m_tierFields;
    QList<QLabel*> m_tierMargins;
    QTableWidget* m_contracts = nullptr;

    ListingEditWidget* m_listing = nullptr;

    QLabel* m_status = nullptr;
    QPushButton* m_saveButton = nullptr;
};

} // namespace cardops::ui
