#pragma once

#include "core/access.h"
#include "ui/page.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class QTreeView;

namespace cardops::models {
class CategoryEditor;
class CategoryTreeModel;
class ConsoleBackend;
class DataSource;
class GoodsModel;
} // namespace cardops::models

namespace cardops::ui {

class GoodsActions;

// 商品: the category tree (with counts, 全部 on top) beside a table of 10,000+ goods with their
// tier prices, cost, margin, stock, 7-day sales and days of stock left; a search (name, SKU,
// supplier product id) that waits for a 300 ms pause, filters by owner, status, stock and supplier
// link, sorting on the catalogue's own columns, and the number of matching goods. Enter on a row
// emits openGoods. UI thread.
class GoodsPage : public Page
{
    Q_OBJECT
public:
    explicit GoodsPage(models::DataSource& source, QWidget* parent = nullptr);

    models::GoodsModel& model() const { return *m_model; }
    models::CategoryTreeModel& categories() const { return *m_categories; }
    QTableView& view() const { return *m_view; }
    QTreeView& tree() const { return *m_tree; }
    QLineEdit& searchField() const { return *m_search; }
    QComboBox& ownerFilter() const { return *m_owner; }
    QComboBox& statusFilter() const { return *m_status; }
    QComboBox& stockFilter() const { return *m_stock; }
    QComboBox& linkFilter() const { return *m_link; }
    QLabel& footer() const { return *m_footer; }
    models::CategoryEditor& categoryEditor() const { return *m_editor; }
    GoodsActions& actions() const { return *m_actions; }
    // The operator who renames and reorders categories (the tree's context menu) and makes bulk
    // changes; until set, those actions are disabled.
    void setActor(const core::Actor& actor);
    // The program behind the console (card stock, supplier purchases); may stay unset.
    void setBackend(models::ConsoleBackend* backend);

    // The goods of the current row; 0 when there is none (or it is not loaded yet).
    qint64 currentGoodsId() const;

    qint64 mainRows() const override;
    bool isReady() const override;
    void focusSearch() override;
    // "low_stock" (the work bench's 低库存 tile): goods on sale below their threshold in every
    // category, as the tile counts them; "on"/"off": a status; "linked"/"unlinked": a link filter;
    // "pricing_alerts" (上游变价) opens the pricing rules on their alerts.
    void applyFilter(const QString& filter) override;

    // The delay between the last keystroke and the search.
    static constexpr int SearchDelayMs = 300;

Q_SIGNALS:
    void openGoods(qint64 goodsId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QComboBox* addFilter(const QList<QPair<QString, int>>& choices, const QString& tip);
    void applyFilters();
    void updateFooter();
    void openCurrent();
    void selectCategory(qint64 categoryId);
    void showCategoryMenu(const QPoint& at);
    // Asks for a name, then has the platform create the category under `parentId` (0: top level).
    void createCategory(qint64 parentId, const QString& parentName);

    models::GoodsModel* m_model = nullptr;
    models::CategoryTreeModel* m_categories = nullptr;
    models::CategoryEditor* m_editor = nullptr;
    GoodsActions* m_actions = nullptr;
    models::ConsoleBackend* m_backend = nullptr;
    QTableView* m_view = nullptr;
    QTreeView* m_tree = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_owner = nullptr;
    QComboBox* m_status = nullptr;
    QComboBox* m_stock = nullptr;
    QComboBox* m_link = nullptr;
    QLabel* m_footer = nullptr;
    QTimer* m_searchDelay = nullptr;
    bool m_ready = false;
    bool m_sized = false;
};

} // namespace cardops::ui
