using HkStrategy.Core.Prices;
using Npgsql;

namespace HkStrategy.Data.Prices;

/// <summary>Reads a symbol's daily bars, oldest first, straight into columns.</summary>
public static class BarReader
{
    public static async Task<BarSeries> ReadAsync(NpgsqlConnection connection, string symbol, DateOnly? to, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT trade_date, open, high, low, close, volume FROM daily_bars
            WHERE symbol = @symbol AND (@to::date IS NULL OR trade_date <= @to) ORDER BY trade_date
            """, connection);
        command.Parameters.AddWithValue("symbol", symbol);
        command.Parameters.Add(new NpgsqlParameter<DateOnly?>("to", NpgsqlTypes.NpgsqlDbType.Date) { TypedValue = to });
        var (dates, open, high, low, close, volume) = (new List<DateOnly>(), new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            dates.Add(reader.GetFieldValue<DateOnly>(0));
            open.Add((double)reader.GetDecimal(1));
            high.Add((double)reader.GetDecimal(2));
            low.Add((double)reader.GetDecimal(3));
            close.Add((double)reader.GetDecimal(4));
            volume.Add(reader.GetInt64(5));
        }
        return new BarSeries(symbol, [.. dates], [.. open], [.. high], [.. low], [.. close], [.. volume]);
    }

    /// <summary>The newest bar of each symbol (for prices refresh and staleness).</summary>
    public static async Task<IReadOnlyDictionary<string, DailyBar>> LatestAsync(NpgsqlConnection connection, IReadOnlyCollection<string> symbols, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT DISTINCT ON (symbol) symbol, trade_date, open, high, low, close, volume FROM daily_bars
            WHERE symbol = ANY(@symbols) ORDER BY symbol, trade_date DESC
            """, connection);
        command.Parameters.AddWithValue("symbols", symbols.ToArray());
        var latest = new Dictionary<string, DailyBar>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var bar = new DailyBar(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetDecimal(2), reader.GetDecimal(3),
                reader.GetDecimal(4), reader.GetDecimal(5), reader.GetInt64(6));
            latest[bar.Symbol] = bar;
        }
        return latest;
    }
}
