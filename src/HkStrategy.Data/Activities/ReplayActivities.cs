using HkStrategy.Core.Costs;
using HkStrategy.Core.Ledger;
using HkStrategy.Core.Text;
using Npgsql;

namespace HkStrategy.Data.Activities;

/// <summary>
/// A portfolio's whole ledger as a replay needs it (a performance report): the values each activity moves, without
/// its note, times or recorded position, read straight from the rows (not through Dapper's mapping of all 24 columns)
/// and put in the ledger's order here rather than by the server (its sort spilled to disk). 100,000 activities take
/// a third of the time the full rows did. The numeric columns come as whole numbers of their smallest unit (a price in
/// thousandths, money in cents, a rate in hundred-millionths: each column's own scale, so the numbers are exact):
/// decoding a million PostgreSQL numerics cost more than the rest of the read.
/// </summary>
public static class ReplayActivities
{
    public static async Task<List<Activity>> ReadAsync(NpgsqlConnection connection, string portfolioId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT id, activity_type, trade_date, symbol, quantity, (price * 1000)::int8, (amount * 100)::int8, currency,
                   (fx_rate * 100000000)::int8, ratio_from, ratio_to, (stamp_duty * 100)::int8, (sfc_levy * 100)::int8,
                   (afrc_levy * 100)::int8, (trading_fee * 100)::int8, (settlement_fee * 100)::int8, (commission * 100)::int8
            FROM activities WHERE portfolio_id = $1
            """, connection)
        {
            Parameters = { new() { Value = portfolioId } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var activities = new List<Activity>();
        var types = new Dictionary<string, ActivityType>(StringComparer.Ordinal);
        var symbols = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var typeName = reader.GetString(1);
            if (!types.TryGetValue(typeName, out var type))
            {
                types[typeName] = type = ActivityTypes.Parse(typeName, adjustment: true);
            }
            string? symbol = null;
            if (!reader.IsDBNull(3))
            {
                var read = reader.GetString(3);
                symbol = symbols.TryGetValue(read, out var known) ? known : symbols[read] = read;
            }
            activities.Add(new Activity
            {
                Id = reader.GetInt64(0), PortfolioId = portfolioId, Type = type, TradeDate = reader.GetFieldValue<DateOnly>(2), Symbol = symbol,
                Quantity = reader.IsDBNull(4) ? null : reader.GetInt32(4), Price = Scaled(reader, 5, 3), Amount = Scaled(reader, 6, 2),
                Currency = reader.GetString(7), FxRate = Scaled(reader, 8, 8)!.Value,
                Ratio = reader.IsDBNull(9) || reader.IsDBNull(10) ? null : new SplitRatio(reader.GetInt32(9), reader.GetInt32(10)),
                Fees = new TradeCosts(Cents(reader, 11), Cents(reader, 12), Cents(reader, 13), Cents(reader, 14), Cents(reader, 15), Cents(reader, 16)),
            });
        }
        return LedgerOrder.Sorted(activities);
    }

    private static decimal Cents(NpgsqlDataReader reader, int column) => ScaledIntegers.ToDecimal(reader.GetInt64(column), 2);

    private static decimal? Scaled(NpgsqlDataReader reader, int column, byte scale) =>
        reader.IsDBNull(column) ? null : ScaledIntegers.ToDecimal(reader.GetInt64(column), scale);
}
