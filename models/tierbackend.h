#pragma once

#include "core/platformtypes.h"

#include <QObject>
#include <QString>
#include <functional>

namespace cardops::models {

// The tier ladder on the platform (issue #10 item 3): the editor's ladder pushed with `PUT
// /v1/tiers` (If-Match = the ladder version it was edited from), the answer written to the cache.
// Implemented in the composition root over sync/tierrequests; tests give a fake. UI thread.
class TierBackend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Whether a push can be made now; `why` says what is missing (no platform, a role that may not).
    virtual bool canPush(QString* why) const = 0;
    // Sends `ladder` (its `version` is the version it was edited from; tiers with id ≤ 0 are new).
    // `done("")` once the platform took it and the cache holds its answer, or a translated error;
    // it runs in `context`'s thread.
    virtual void pushLadder(const core::TierLadder& ladder, QObject* context,
                            std::function<void(QString error)> done) = 0;
};

} // namespace cardops::models
