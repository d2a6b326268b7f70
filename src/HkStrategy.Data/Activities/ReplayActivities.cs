using HkStrategy.Core.Costs;
using HkStrategy.Core.Ledger;
using HkStrategy.Core.Text;
using HkStrategy.Data.Copy;
using Npgsql;

namespace HkStrategy.Data.Activities;

/// <summary>
/// A portfolio's whole ledger as a replay needs it (a performance report): the values each activity moves, without
/// its note, times or recorded position, put in the ledger's order here rather than by the server (its sort spilled
/// to disk). The rows come as the server's binary COPY, read by <see cref="BinaryCopyReader"/>: each numeric straight
/// from its digit groups to a whole number of its column's smallest unit (a price in thousandths, money in cents, a
/// rate in hundred-millionths), so the numbers are exact. Decoding 800,000 numerics through Npgsql's decimals, or
/// having the server cast them to integers first, cost more than the rest of the read.
/// </summary>
public static class ReplayActivities
{
    private const short Fields = 17;

    /// <param name="transaction">The transaction to read in (a report's snapshot): COPY takes no parameters, so the portfolio is a setting of it.</param>
    public static async Task<List<Activity>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string portfolioId, CancellationToken cancellationToken)
    {
        await using (var setting = new NpgsqlCommand("SELECT set_config('hks.replay_portfolio', $1, true)", connection, transaction) { Parameters = { new() { Value = portfolioId } } })
        {
            await setting.ExecuteNonQueryAsync(cancellationToken);
        }
        var activities = new List<Activity>();
        var types = new Dictionary<string, ActivityType>(StringComparer.Ordinal);
        await using var copy = await connection.BeginRawBinaryCopyAsync("""
            COPY (SELECT id, activity_type, trade_date, symbol, quantity, price, amount, currency, fx_rate, ratio_from, ratio_to,
                         stamp_duty, sfc_levy, afrc_levy, trading_fee, settlement_fee, commission
                  FROM activities WHERE portfolio_id = current_setting('hks.replay_portfolio')) TO STDOUT (FORMAT BINARY)
            """, cancellationToken);
        var rows = new BinaryCopyReader(copy);
        await rows.ReadHeaderAsync(cancellationToken);
        while (await rows.ReadRowAsync(Fields, cancellationToken))
        {
            var id = rows.ReadInt64();
            var typeName = rows.ReadText();
            if (!types.TryGetValue(typeName, out var type))
            {
                types[typeName] = type = ActivityTypes.Parse(typeName, adjustment: true);
            }
            var tradeDate = rows.ReadDate();
            var symbol = rows.ReadNullableText();
            var quantity = rows.ReadNullableInt32();
            var price = Scaled(rows.ReadNullableScaledNumeric(3), 3);
            var amount = Scaled(rows.ReadNullableScaledNumeric(2), 2);
            var currency = rows.ReadText();
            var fxRate = ScaledIntegers.ToDecimal(rows.ReadScaledNumeric(8), 8);
            var (from, to) = (rows.ReadNullableInt32(), rows.ReadNullableInt32());
            activities.Add(new Activity
            {
                Id = id, PortfolioId = portfolioId, Type = type, TradeDate = tradeDate, Symbol = symbol, Quantity = quantity, Price = price, Amount = amount,
                Currency = currency, FxRate = fxRate, Ratio = from is { } f && to is { } t ? new SplitRatio(f, t) : null,
                Fees = Costs(rows),
            });
        }
        return LedgerOrder.Sorted(activities);
    }

    /// <summary>No costs, each as the columns give it (to the cent: 0.00).</summary>
    private static readonly TradeCosts NoCosts = new(0.00m, 0.00m, 0.00m, 0.00m, 0.00m, 0.00m);

    /// <summary>The six costs in cents; the activities without any (dividends, deposits) share one <see cref="NoCosts"/>.</summary>
    private static TradeCosts Costs(BinaryCopyReader rows)
    {
        var (stampDuty, sfcLevy, afrcLevy) = (rows.ReadScaledNumeric(2), rows.ReadScaledNumeric(2), rows.ReadScaledNumeric(2));
        var (tradingFee, settlementFee, commission) = (rows.ReadScaledNumeric(2), rows.ReadScaledNumeric(2), rows.ReadScaledNumeric(2));
        return (stampDuty | sfcLevy | afrcLevy | tradingFee | settlementFee | commission) == 0 ? NoCosts
            : new TradeCosts(Cents(stampDuty), Cents(sfcLevy), Cents(afrcLevy), Cents(tradingFee), Cents(settlementFee), Cents(commission));
    }

    private static decimal Cents(long cents) => ScaledIntegers.ToDecimal(cents, 2);

    private static decimal? Scaled(long? value, byte scale) => value is { } v ? ScaledIntegers.ToDecimal(v, scale) : null;
}
