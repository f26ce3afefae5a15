#pragma once

#include <QString>
#include <utility>
#include <variant>

namespace cardops::core {

// What went wrong, as a code the UI turns into words (ui/ and app/ translate; core never does).
enum class ErrorCode {
    InvalidArgument,
    Parse,            // malformed text: money, CSV, JSON
    Encoding,         // bytes that are neither strict UTF-8 nor GB18030
    Io,               // a device could not be read or written (disk full, permission)
    Crypto,           // decryption or authentication failed
    PermissionDenied, // the acting operator's role may not do this
    NotFound,
    Conflict,
    Storage,         // SQLite reported an error
    NotADatabase,    // the file is not SQLite at all
    NotCardOps,      // an SQLite file of some other program
    CorruptDatabase, // SQLite file that fails its integrity check
    NewerSchema,     // written by a newer CardOps
    Busy,            // another process holds the write lock past the busy timeout
};

// A failure: a code plus technical detail (English, for logs and diagnostics).
struct Error
{
    ErrorCode code = ErrorCode::InvalidArgument;
    QString detail;
};

// Either a value or an Error. Small on purpose: no monadic chain, just ok()/value()/error().
template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_v(std::in_place_index<0>, std::move(value))
    {}
    Result(Error error)
        : m_v(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<0>(m_v); }
    T& value() & { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    const T& operator*() const& { return value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<1>(m_v); }
    T valueOr(T fallback) const& { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> m_v;
};

template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_ok(false)
    {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

inline Error makeError(ErrorCode code, QString detail = {})
{
    return Error{code, std::move(detail)};
}

} // namespace cardops::core
