using System.Globalization;
using Dapper;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Ledger;
using Npgsql;

namespace HkStrategy.Operations.Ledger;

/// <summary>
/// The HK$ rate of a currency on a day: the close of its pair (<c>CNYHKD=X</c>) that day, or on the last day with a
/// close within the week before (a holiday of the rate's market). Older is refused, not guessed.
/// </summary>
public static class FxRates
{
    public static async Task<decimal> OnAsync(NpgsqlConnection connection, string currency, DateOnly day, CancellationToken cancellationToken)
    {
        if (Currencies.RateSymbol(currency) is not { } pair)
        {
            return 1m;
        }
        var rate = await connection.ExecuteScalarAsync<decimal?>("""
            SELECT close FROM daily_bars WHERE symbol = @pair AND trade_date <= @day AND trade_date > @day - 7 AND close > 0
            ORDER BY trade_date DESC LIMIT 1
            """, new { pair, day, cancellationToken });
        return rate ?? throw HksException.Usage("FxRateMissing", string.Create(CultureInfo.InvariantCulture,
            $"no {pair} rate on {day:yyyy-MM-dd} or in the week before: fetch it with 'hks prices fetch --symbols {pair}' or give --fx-rate"));
    }
}
