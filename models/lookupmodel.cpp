#include "models/lookupmodel.h"

#include "models/datasource.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cardops::models {

LookupModel::LookupModel(DataSource& source, storage::ListKind kind, QObject* parent)
    : QAbstractListModel(parent)
    , m_source(source)
    , m_kind(kind)
{}

void LookupModel::search(const QString& text)
{
    const quint64 generation = ++m_generation;
    const storage::ListKind kind = m_kind;
    m_source.reader().post<core::Result<storage::ReadSession::Rows>>(
        this,
        [kind, text](const storage::ReadSession& s) {
            return storage::lists::lookup(s, kind, text, MaxRows);
        },
        [this, generation](core::Result<storage::ReadSession::Rows> r) {
            if (generation != m_generation)
                return;
            beginResetModel();
            m_rows = r ? std::move(r).value() : storage::ReadSession::Rows();
            endResetModel();
            Q_EMIT answered();
        });
}

QString LookupModel::fieldText(const QString& name, qint64 id)
{
    return name + u" #"_s + QString::number(id);
}

qint64 LookupModel::idFromFieldText(const QString& text, bool* ok)
{
    static const QRegularExpression digits(u"^\\s*#?(\\d{1,18})\\s*$"_s);
    static const QRegularExpression trailing(u"#(\\d{1,18})\\s*$"_s);
    QRegularExpressionMatch m = digits.match(text);
    if (!m.hasMatch())
        m = trailing.match(text);
    *ok = m.hasMatch();
    return *ok ? m.captured(1).toLongLong() : 0;
}

int LookupModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant LookupModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariantList& row = m_rows[index.row()];
    const qint64 id = row.value(0).toLongLong();
    switch (role) {
    case Qt::EditRole: // what the completer puts into the field
        return fieldText(row.value(1).toString(), id);
    case Qt::DisplayRole: {
        const QString detail = row.value(2).toString();
        return detail.isEmpty() ? fieldText(row.value(1).toString(), id)
                                : fieldText(row.value(1).toString(), id) + u"  · "_s + detail;
    }
    case IdRole:
        return id;
    default:
        return {};
    }
}

} // namespace cardops::models
