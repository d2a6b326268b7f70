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
                Fees = new TradeCosts(Cents(rows), Cents(rows), Cents(rows), Cents(rows), Cents(rows), Cents(rows)),
            });
        }
        return LedgerOrder.Sorted(activities);
    }

    private static decimal Cents(BinaryCopyReader rows) => ScaledIntegers.ToDecimal(rows.ReadScaledNumeric(2), 2);

    private static decimal? Scaled(long? value, byte scale) => value is { } v ? ScaledIntegers.ToDecimal(v, scale) : null;
}
