#pragma once

#include "models/cardstockbackend.h"

#include <QDialog>
#include <QList>
#include <QString>
#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace cardops::models {
class DataSource;
}

namespace cardops::ui {

class StockCardModel;

// 卡密库存 of one goods (issue #9 item 4): the cards on the platform, metadata only (masked, status,
// expiry, order), with a status filter; lock, unlock and void the selected cards (void asks
// first); reveal one card's secret for a role that may, after a confirmation (recorded in the
// operation log; shown once, copied only on request, gone when the window closes). Cards expiring
// within 7 days are highlighted and counted ("N 张卡密 7 天内到期"). UI thread.
class CardListDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr qint64 ExpiryWarningSeconds = 7 * 86400;

    // backend: null = no platform (the dialog says so and lists nothing).
    CardListDialog(models::DataSource& source, models::CardStockBackend* backend, qint64 goodsId,
                   QWidget* parent = nullptr);
    ~CardListDialog() override;

    // Reads the list again from the platform.
    void reload();
    // Now in unix seconds, for the expiry highlight (default: the system clock).
    void setClock(std::function<qint64()> nowSeconds);
    // The selected cards' ids (in the filtered table).
    QList<qint64> selectedIds() const;
    // Lock / unlock / void the selected cards (void asks for confirmation first).
    void lockSelected();
    void unlockSelected();
    void voidSelected();
    // Asks, then reveals the one selected card.
    void revealSelected();
    // Cards of the goods expiring within 7 days (available or locked, not yet expired).
    qint64 expiringSoon() const;

Q_SIGNALS:
    void listLoaded(bool ok);
    void changeFinished(bool ok);
    void revealFinished(bool ok);
    // Cards of the goods changed on the platform through this window.
    void stockChanged(qint64 goodsId);

protected:
    void hideEvent(QHideEvent* event) override;

private:
    void buildUi();
    // Reads the list; `message` goes to the status line once it is there.
    void load(const QString& message);
    void change(models::StockChange change, const QList<qint64>& ids);
    void reveal(const models::StockCard& card);
    void hideSecret();
    void updateButtons();
    void showCounts();

    models::DataSource& m_source;
    models::CardStockBackend* m_backend = nullptr;
    qint64 m_goodsId = 0;
    std::function<qint64()> m_now;
    bool m_busy = false;

    QLabel* m_title = nullptr;
    QLabel* m_alert = nullptr;
    QLabel* m_counts = nullptr;
    QComboBox* m_filter = nullptr;
    QTableView* m_table = nullptr;
    StockCardModel* m_model = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_reload = nullptr;
    QPushButton* m_lock = nullptr;
    QPushButton* m_unlock = nullptr;
    QPushButton* m_void = nullptr;
    QPushButton* m_reveal = nullptr;
    QWidget* m_secretRow = nullptr;
    QLabel* m_secretTitle = nullptr;
    QLineEdit* m_secret = nullptr;
    QPushButton* m_copy = nullptr;
};

} // namespace cardops::ui
