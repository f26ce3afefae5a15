#pragma once

#include <QDialog>
#include <QString>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace cardops::models {
class OrderActionBackend;
}

namespace cardops::ui {

// 补发: picks the card the buyer reports as bad among the order's delivered cards (read from the
// platform, masked) and asks why; the platform voids it and delivers a replacement from stock.
// UI thread.
class ReissueDialog : public QDialog
{
    Q_OBJECT
public:
    ReissueDialog(models::OrderActionBackend& backend, qint64 orderId, const QString& orderNo,
                  QWidget* parent = nullptr);

    qint64 cardId() const; // 0 until a card is picked
    QString reason() const;
    QListWidget& cardList() const { return *m_cards; }
    QLineEdit& reasonField() const { return *m_reason; }

private:
    void check();

    QListWidget* m_cards = nullptr;
    QLineEdit* m_reason = nullptr;
    QLabel* m_state = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace cardops::ui
