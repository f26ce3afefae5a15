#pragma once

#include "core/clock.h"
#include "core/signing.h"
#include "suppliers/rawjson.h"
#include "suppliers/supplier.h"
#include "tests/suppliers/fakesupplierserver.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QTimer>
#include <QtTest>

// Shared pieces of the supplier adapter tests: public test credentials, fast options, waiting for a
// future, canned Fulu answers.
namespace cardops::test {

using namespace std::chrono_literals;

// Fulu's public sandbox credentials (protocols.md §1.2).
inline const QByteArray kFuluAppKey = "i4esv1l+76l/7NQCL3QudG90Fq+YgVfFGJAWgT+7qO1Bm9o/adG/1iwO2qXsAXNB";
inline const QByteArray kFuluSecret = "0a091b3aa4324435aab703142518a8f7";
// acg-faka's vector credentials (protocols.md §2.1).
inline const QByteArray kAcgAppId = "1000";
inline const QByteArray kAcgAppKey = "TESTKEY123";

// 2024-01-01 12:00:00 in Asia/Shanghai: the time of the §1.2 request vectors.
inline qint64 fuluVectorMs()
{
    return QDateTime(QDate(2024, 1, 1), QTime(4, 0), Qt::UTC).toMSecsSinceEpoch();
}

// Runs the event loop until the future finishes (at most 10 s) and returns its result; a future
// that does not finish fails the calling test through the returned Cancelled-looking default.
template<typename T> T await(QFuture<T> future, int timeoutMs = 10000)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        loop.exec();
    }
    if (!future.isFinished()) {
        qWarning("future did not finish in time");
        return T();
    }
    return future.result();
}

// {"code":…,"message":…,"result":"<result as a JSON string>","sign":…}; the sign is computed with
// `secret` over `result` (empty secret: no sign member).
inline QByteArray fuluAnswer(int code, const QString& message, const QString& result,
                             const QByteArray& secret = kFuluSecret)
{
    QByteArray out = "{\"code\":" + QByteArray::number(code) +
                     ",\"message\":" + suppliers::rawjson::quote(message) +
                     ",\"result\":" + suppliers::rawjson::quote(result);
    if (!secret.isEmpty())
        out += ",\"sign\":\"" + core::signing::fuluResultSign(result, secret) + '"';
    return out + '}';
}

// The biz_content of a received Fulu request, decoded.
inline QByteArray fuluBizContent(const SupplierRequest& request)
{
    const auto parsed = suppliers::rawjson::parse(request.body);
    if (!parsed.ok())
        return {};
    const suppliers::rawjson::Node* biz = parsed.root->member(u"biz_content");
    return biz && biz->isString() ? biz->text.toUtf8() : QByteArray();
}

inline QByteArray fuluMethod(const SupplierRequest& request)
{
    const auto parsed = suppliers::rawjson::parse(request.body);
    if (!parsed.ok())
        return {};
    const suppliers::rawjson::Node* method = parsed.root->member(u"method");
    return method && method->isString() ? method->text.toUtf8() : QByteArray();
}

} // namespace cardops::test
