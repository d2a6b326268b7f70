using System.Globalization;
using Dapper;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Ledger;
using Npgsql;

namespace HkStrategy.Operations.Ledger;

/// <summary>A close of a currency pair.</summary>
internal sealed record PairClose(string Symbol, DateOnly TradeDate, decimal Close);

/// <summary>
/// The HK$ rate of a currency on a day: the close of its pair (<c>CNYHKD=X</c>) that day, or on the last day with a
/// close within the week before (a holiday of the rate's market). Older is refused, not guessed.
/// </summary>
public static class FxRates
{
    /// <summary>How many days back a close still gives a day's rate: the day itself and the six before it.</summary>
    private const int Window = 7;

    public static async Task<decimal> OnAsync(NpgsqlConnection connection, string currency, DateOnly day, CancellationToken cancellationToken)
    {
        if (Currencies.RateSymbol(currency) is not { } pair)
        {
            return 1m;
        }
        var closes = (await connection.QueryAsync<PairClose>("""
            SELECT symbol AS "Symbol", trade_date AS "TradeDate", close AS "Close" FROM daily_bars WHERE symbol = @pair AND trade_date <= @day AND trade_date > @day - 7 AND close > 0
            ORDER BY trade_date
            """, new { pair, day, cancellationToken })).ToList();
        return On(closes, pair, day);
    }

    /// <summary>The rate on the day from a pair's closes in date order: the last of them on the day or within the week before.</summary>
    internal static decimal On(IReadOnlyList<PairClose> closes, string pair, DateOnly day)
    {
        int low = 0, high = closes.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            if (closes[middle].TradeDate <= day)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return found >= 0 && closes[found].TradeDate.DayNumber > day.DayNumber - Window
            ? closes[found].Close
            : throw HksException.Usage("FxRateMissing", string.Create(CultureInfo.InvariantCulture,
                $"no {pair} rate on {day:yyyy-MM-dd} or in the week before: fetch it with 'hks prices fetch --symbols {pair}' or give --fx-rate"));
    }
}

/// <summary>
/// Every close of the currency pairs, read in one statement, for many activities whose rates are looked up while the
/// connection cannot be asked (an import writing its COPY as it reads the file). The rule is <see cref="FxRates"/>'.
/// </summary>
public sealed class FxRateBook
{
    private readonly Dictionary<string, List<PairClose>> _closes;

    private FxRateBook(Dictionary<string, List<PairClose>> closes) => _closes = closes;

    public static async Task<FxRateBook> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var pairs = Currencies.All.Select(Currencies.RateSymbol).OfType<string>().ToArray();
        var closes = await connection.QueryAsync<PairClose>(
            """SELECT symbol AS "Symbol", trade_date AS "TradeDate", close AS "Close" FROM daily_bars WHERE symbol = ANY(@pairs) AND close > 0 ORDER BY symbol, trade_date""",
            new { pairs, cancellationToken }, transaction);
        return new FxRateBook(closes.GroupBy(c => c.Symbol, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal));
    }

    public decimal On(string currency, DateOnly day) =>
        Currencies.RateSymbol(currency) is not { } pair ? 1m : FxRates.On(_closes.GetValueOrDefault(pair) ?? [], pair, day);
}
