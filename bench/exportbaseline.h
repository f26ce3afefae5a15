#pragma once

// The sqlite3 CLI baseline of export_orders_csv_ms (performance.md): a script that makes the CLI
// print exactly the bytes of models::CsvExports::orders() with no filter — UTF-8 BOM, CRLF, the
// column formats of domain.md done in SQL (printf, datetime, CASE). Shared with the test that
// checks the two outputs are byte-identical (tests/models/tst_csvexports.cpp).

#include <QList>
#include <QString>
#include <QStringList>
#include <utility>

namespace cardops::bench {

using Labels = QList<std::pair<QString, QString>>;

inline QString L(const char* text)
{
    return QString::fromUtf8(text);
}

inline QString sqlLiteral(const QString& text)
{
    return u'\'' + QString(text).replace(u'\'', L("''")) + u'\'';
}

// Quoting of core::CsvWriter: a field holding , " CR or LF, or starting or ending with a space.
inline QString needsQuotes(const QString& x, bool mayStartWithSpace)
{
    return L("(instr(") + x + L(", ',') > 0 OR instr(") + x + L(", '\"') > 0 OR instr(") + x +
           L(", char(13)) > 0 OR instr(") + x + L(", char(10)) > 0 OR substr(") + x + L(", -1) = ' '") +
           (mayStartWithSpace ? L(" OR substr(") + x + L(", 1, 1) = ' '") : QString()) + L(")");
}

inline QString quoted(const QString& prefix, const QString& x, bool mayStartWithSpace)
{
    return L("CASE WHEN ") + needsQuotes(x, mayStartWithSpace) + L(" THEN '\"' || ") + prefix +
           L(" || replace(") + x + L(", '\"', '\"\"') || '\"' ELSE ") + prefix + L(" || ") + x + L(" END");
}

// core::CsvColumnKind::Text: a leading = + - @ TAB CR or ' gets a '.
inline QString neutralizer(const QString& x)
{
    return L("CASE WHEN substr(") + x +
           L(", 1, 1) IN ('=', '+', '-', '@', char(9), char(13), '''') THEN '''' ELSE '' END");
}

inline QString textCell(const QString& x)
{
    // A neutralized value starts with the quote, so only an unneutralized one can start with a space.
    return quoted(neutralizer(x), x, true);
}

// Identifier: a TAB before the (neutralized) value; an empty value stays empty.
inline QString identifierCell(const QString& x)
{
    return L("CASE WHEN ") + x + L(" = '' THEN '' ELSE ") +
           quoted(L("char(9) || ") + neutralizer(x), x, false) + L(" END");
}

// Money in 1/10000 yuan with `places` decimals, rounded half away from zero.
inline QString moneyCell(const QString& x, int places)
{
    int divisor = 1;
    for (int p = places; p < 4; ++p)
        divisor *= 10;
    int scale = 1;
    for (int p = 0; p < places; ++p)
        scale *= 10;
    const QString r = L("((abs(") + x + L(") + ") + QString::number(divisor / 2) + L(") / ") +
                      QString::number(divisor) + L(")");
    return L("printf('%s%d.") + L("%0") + QString::number(places) + L("d', CASE WHEN ") + x + L(" < 0 AND ") +
           r + L(" > 0 THEN '-' ELSE '' END, ") + r + L(" / ") + QString::number(scale) + L(", ") + r +
           L(" % ") + QString::number(scale) + L(")");
}

inline QString timeCell(const QString& x, bool zeroIsEmpty)
{
    const QString t = L("datetime(") + x + L(" + 28800, 'unixepoch')");
    return zeroIsEmpty ? L("CASE WHEN ") + x + L(" > 0 THEN ") + t + L(" END") : t;
}

inline QString labelCell(const QString& x, const Labels& labels)
{
    QString sql = L("CASE ") + x;
    for (const auto& [code, label] : labels)
        sql += L(" WHEN ") + sqlLiteral(code) + L(" THEN ") + sqlLiteral(label);
    return sql + L(" ELSE ") + x + L(" END");
}

// The whole script for `sqlite3 -readonly DB < script` (or ".read script"). `header` is the header
// record as the export writes it (without BOM and CRLF).
inline QString exportOrdersScript(const QString& header, const Labels& statuses, const Labels& channels)
{
    const QStringList cells = {
        identifierCell(L("t.order_no")),
        timeCell(L("t.created_at"), false),
        timeCell(L("t.paid_at"), true),
        identifierCell(L("CAST(t.member_id AS TEXT)")),
        textCell(L("COALESCE(m.name, '')")),
        textCell(L("COALESCE(g.name, '#' || t.goods_id)")),
        L("t.quantity"),
        moneyCell(L("t.unit_price"), 4),
        moneyCell(L("t.amount"), 2),
        moneyCell(L("t.paid_amount"), 2),
        moneyCell(L("t.cost_at_order"), 2),
        moneyCell(L("t.refund_amount"), 2),
        labelCell(L("t.status"), statuses),
        labelCell(L("t.pay_channel"), channels),
        identifierCell(L("t.charge_account")),
        identifierCell(L("t.contact")),
    };
    return L(".mode list\n.headers off\n.separator \",\" \"\\r\\n\"\n"
             "SELECT char(65279) || ") +
           sqlLiteral(header) + L(";\nSELECT ") + cells.join(L(",\n  ")) +
           L("\nFROM orders t LEFT JOIN members m ON m.id = t.member_id LEFT JOIN goods g ON g.id = "
             "t.goods_id"
             "\nORDER BY t.created_at, t.id;\n");
}

} // namespace cardops::bench
