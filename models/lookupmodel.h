#pragma once

#include "storage/listqueries.h"

#include <QAbstractListModel>

namespace cardops::models {

class DataSource;

// Suggestions for a field that takes a member or a goods: "name  #id · contact/SKU" rows read off
// the UI thread as the operator types (storage::lists::lookup). Older answers are dropped. UI
// thread only.
class LookupModel : public QAbstractListModel
{
    Q_OBJECT
public:
    static constexpr int MaxRows = 20;
    enum Role { IdRole = Qt::UserRole + 1 };

    LookupModel(DataSource& source, storage::ListKind kind, QObject* parent = nullptr);

    void search(const QString& text);
    // The text a chosen suggestion puts into the field: "name #id".
    static QString fieldText(const QString& name, qint64 id);
    // The id in a field's text: digits alone ("88"), or a trailing "#88"; 0 when there is none.
    static qint64 idFromFieldText(const QString& text, bool* ok);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void answered();

private:
    DataSource& m_source;
    storage::ListKind m_kind;
    quint64 m_generation = 0;
    storage::ReadSession::Rows m_rows;
};

} // namespace cardops::models
