#pragma once

#include "models/consolebackend.h"
#include "models/ordertimeline.h"
#include "storage/orderdetail.h"

#include <QDialog>
#include <QList>
#include <array>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace cardops::models {
class DataSource;
}

namespace cardops::ui {

// 订单详情: everything the cache knows about one order (header, fields, timeline) and its cards,
// which come masked from the platform; a secret is shown only after confirmation, for a role that
// may, and is wiped when the dialog hides. The cache is read off the UI thread and re-read when a
// commit touches the order's tables. UI thread.
class OrderDetailDialog : public QDialog
{
    Q_OBJECT
public:
    OrderDetailDialog(models::DataSource& source, models::ConsoleBackend& backend, qint64 orderId,
                      QWidget* parent = nullptr);

    qint64 orderId() const { return m_orderId; }

Q_SIGNALS:
    // The cache answered (the order, or why it cannot be shown).
    void loaded();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    enum Field {
        Goods,
        Member,
        Quantity,
        UnitPrice,
        Amount,
        Paid,
        Refunded,
        Cost,
        Margin,
        PayChannel,
        ChargeAccount,
        Contact,
        CreatedAt,
        PaidAt,
        DeliveredAt,
        ReviewReason,
        FieldCount
    };

    QWidget* buildHeader();
    QWidget* buildFields();
    QWidget* buildTimeline();
    QWidget* buildCards();
    QLabel* addField(QFormLayout* form, Field field, const QString& title);
    void setField(Field field, const QString& text);

    void reload();
    void showMessage(const QString& text);
    void showDetail(const storage::OrderDetail& detail);
    void showTimeline(const QList<models::TimelineEvent>& events);
    void copyTimeline();

    void loadCards(const storage::OrderDetail& detail);
    void showCards(const models::OrderCards& answer);
    void updateCardButtons();
    void askToReveal();
    void reveal(const models::OrderCard& card);
    void hideSecret();

    models::DataSource& m_source;
    models::ConsoleBackend& m_backend;
    const qint64 m_orderId;
    bool m_cardsRequested = false;
    bool m_revealPending = false;

    QStackedWidget* m_stack = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_orderNo = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_summary = nullptr;
    std::array<QLabel*, FieldCount> m_fields{};
    std::array<QFormLayout*, FieldCount> m_forms{};

    QTreeWidget* m_timeline = nullptr;
    QList<models::TimelineEvent> m_events;

    QLabel* m_cardsMessage = nullptr;
    QTreeWidget* m_cards = nullptr;
    QPushButton* m_reveal = nullptr;
    QWidget* m_secretRow = nullptr;
    QLabel* m_secretTitle = nullptr;
    QLineEdit* m_secret = nullptr;
    QList<models::OrderCard> m_cardList;
};

} // namespace cardops::ui
