#pragma once

#include "core/access.h"

#include <QObject>
#include <QString>

namespace cardops::models {

class DataSource;

// Renames and reorders goods categories (高频品类前置) through the platform's outbox, entity
// "categories": each change is one writer job that stages the edits (cache row, outbox row with its
// idempotency key, audit entry), shown as 本地待同步 until the platform accepts them. Creating a
// category needs a POST the outbox does not send yet. UI thread.
class CategoryEditor : public QObject
{
    Q_OBJECT
public:
    explicit CategoryEditor(DataSource& source, QObject* parent = nullptr);

    // The operator who edits; nobody (id 0) until set.
    void setActor(const core::Actor& actor) { m_actor = actor; }
    // A writer and an operator are there.
    bool canEdit() const;

    void rename(qint64 categoryId, const QString& name);
    // Moves the category one place up (delta < 0) or down among its siblings: the two swap their
    // sort values (siblings that share one are numbered 0, 1, 2… first). Nothing at either end.
    void move(qint64 categoryId, int delta);

Q_SIGNALS:
    // After the job: ok, or the error's English detail.
    void finished(bool ok, const QString& detail);

private:
    DataSource& m_source;
    core::Actor m_actor;
};

} // namespace cardops::models
