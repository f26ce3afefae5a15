#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace cardops::models {

// The problem lines of a card import (ui/cardimportdialog): the preview's invalid, duplicate and
// already-in-stock lines, then the lines the platform did not add. Columns: line, kind, reason,
// the text masked. The texts come translated from the dialog. UI thread.
class CardProblemModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    struct Row
    {
        qint64 line = 0;
        QString kind;
        QString reason;
        QString masked;
    };
    enum Column { Line, Kind, Reason, Masked, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(QList<Row> rows);
    void append(const QList<Row>& rows);
    const QList<Row>& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<Row> m_rows;
};

} // namespace cardops::models
