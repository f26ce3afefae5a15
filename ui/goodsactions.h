#pragma once

#include "core/access.h"
#include "models/goodsbulkeditor.h"

#include <QObject>
#include <functional>

class QAction;
class QFrame;
class QLabel;
class QMenu;
class QPushButton;
class QToolButton;

namespace cardops::models {
class ConsoleBackend;
class DataSource;
} // namespace cardops::models

namespace cardops::ui {

class GoodsPage;

// The goods page's actions on the chosen goods (issue #9): the bulk operations (on/off sale,
// category, low-stock threshold, owner) with a confirmation and an undo bar until synced (Ctrl+Z),
// and the dialogs that work on one goods. The chosen goods are the selected rows, or every goods
// of the current filter when nothing (or everything) is selected. UI thread.
class GoodsActions : public QObject
{
    Q_OBJECT
public:
    GoodsActions(models::DataSource& source, GoodsPage& page);

    // The row of buttons above the table, and the bar that offers to undo the last bulk change.
    QWidget* toolbar() const { return m_toolbar; }
    QFrame* undoBar() const { return m_undoBar; }
    QMenu* bulkMenu() const { return m_bulkMenu; }
    models::GoodsBulkEditor& bulk() const { return *m_bulk; }

    void setActor(const core::Actor& actor);
    void setBackend(models::ConsoleBackend* backend) { m_backend = backend; }

    // Asks before a bulk change (title, question); tests answer without a dialog.
    using Confirm = std::function<bool(const QString& title, const QString& question)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    // The bulk changes on the chosen goods, each after the confirmation.
    void changeStatus(bool on);
    void changeOwner(const QString& owner);
    void changeThreshold(qint64 threshold);
    void changeCategory(qint64 categoryId, const QString& name);
    // Ask for the value first (a threshold, a category), then change.
    void askThreshold();
    void askCategory();
    // Listing templates (CardOps's own data): every chosen goods follows `templateId` (none: nullopt).
    void changeTemplate(std::optional<qint64> templateId, const QString& name);
    void askTemplate();

    // The dialogs on one goods: 补货 (the restock figures and 一键补货).
    void openRestock(qint64 goodsId);
    // 批量改价 on the chosen goods; 定价规则 (rules and the 上游变价 alerts).
    void openReprice();
    void openPricingRules(bool alerts = false);
    // 导入卡密 and 卡密 of one goods (the platform's card stock); 模板 (the listing templates).
    void openCardImport(qint64 goodsId);
    void openCardList(qint64 goodsId);
    void openTemplates();
    // The menu of a goods row: edit, restock, and the bulk changes.
    void showRowMenu(qint64 goodsId, const QPoint& globalPos);

private:
    // The chosen goods' ids (read on the loader thread for the whole filter), then `then`.
    void withChosen(std::function<void(QList<qint64>)> then);
    void applyBulk(models::GoodsBulkEditor::Field field, const QJsonValue& value, const QString& verb);
    void showUndo(const QString& text);
    void updateActions();

    models::DataSource& m_source;
    GoodsPage& m_page;
    models::GoodsBulkEditor* m_bulk = nullptr;
    models::ConsoleBackend* m_backend = nullptr;
    core::Actor m_actor;
    QWidget* m_toolbar = nullptr;
    QToolButton* m_bulkButton = nullptr;
    QMenu* m_bulkMenu = nullptr;
    QFrame* m_undoBar = nullptr;
    QLabel* m_undoText = nullptr;
    QPushButton* m_undoButton = nullptr;
    QAction* m_undoAction = nullptr;
    Confirm m_confirm;
};

} // namespace cardops::ui
