#pragma once

#include "core/result.h"

#include <QObject>
#include <QString>
#include <QTest>
#include <optional>
#include <utility>

namespace cardops::test {

// Starts an asynchronous call that answers a core::Result<T> through a callback with a context,
// and waits for the answer in the event loop. start(context, done) makes the call. A timeout is an
// Error (code Busy, detail "timed out"); the context dies with this function, so a late answer
// never touches the finished frame.
template<typename T, typename Start> core::Result<T> awaitResult(Start start, int timeoutMs = 20000)
{
    std::optional<core::Result<T>> answer;
    QObject context;
    start(&context, [&answer](core::Result<T> result) { answer.emplace(std::move(result)); });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, timeoutMs))
        return core::makeError(core::ErrorCode::Busy, QStringLiteral("timed out"));
    return std::move(*answer);
}

} // namespace cardops::test
