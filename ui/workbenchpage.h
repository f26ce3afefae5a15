#pragma once

#include "ui/page.h"

#include <QList>

class QLabel;
class QPushButton;

namespace cardops::models {
class ConsoleState;
}

namespace cardops::ui {

// 工作台: the live to-do counts from the counter table, each opening its list, and the cache's
// totals. UI thread.
class WorkbenchPage : public Page
{
    Q_OBJECT
public:
    explicit WorkbenchPage(models::ConsoleState& state, QWidget* parent = nullptr);

    bool isReady() const override;
    // The count shown on the tile of a counter (tests read what the operator sees).
    QString tileText(const QString& counter) const;

Q_SIGNALS:
    void diagnosticsRequested();

private:
    struct Tile
    {
        QString counter;
        QPushButton* button = nullptr;
        QLabel* count = nullptr;
        QLabel* label = nullptr;
    };
    void addTile(const QString& counter, const QString& label, const QString& hint, PageId page,
                 const QString& filter);
    void update();

    models::ConsoleState& m_state;
    QList<Tile> m_tiles;
    QLabel* m_shop = nullptr;
    QLabel* m_totals = nullptr;
};

} // namespace cardops::ui
