using Dapper;
using HkStrategy.Core.Signals;
using Npgsql;

namespace HkStrategy.Data.Positions;

/// <summary>
/// Events of a symbol (results, dividends, meetings): a company's dates are the same in every portfolio holding it,
/// so they are kept per symbol. Each vetoes new buy signals just before it.
/// </summary>
public static class EventStore
{
    public static async Task<bool> AddAsync(NpgsqlConnection connection, string symbol, SymbolEvent symbolEvent, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null) =>
        await connection.ExecuteAsync(
            """
            INSERT INTO symbol_events (symbol, event_date, description) VALUES (@symbol, @Date, @Description)
            ON CONFLICT (symbol, event_date, description) DO NOTHING
            """, new { symbol, symbolEvent.Date, symbolEvent.Description, cancellationToken }, transaction) > 0;

    public static async Task<int> RemoveAsync(NpgsqlConnection connection, string symbol, DateOnly date, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null) =>
        await connection.ExecuteAsync(
            "DELETE FROM symbol_events WHERE symbol = @symbol AND event_date = @date", new { symbol, date, cancellationToken }, transaction);

    public static async Task<IReadOnlyDictionary<string, List<SymbolEvent>>> ForSymbolsAsync(NpgsqlConnection connection, IReadOnlyCollection<string> symbols, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<SymbolEventRow>(
            "SELECT symbol AS \"Symbol\", event_date AS \"Date\", description AS \"Description\" FROM symbol_events WHERE symbol = ANY(@symbols) ORDER BY event_date",
            new { symbols = symbols.ToArray(), cancellationToken }))
        .GroupBy(e => e.Symbol, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(e => new SymbolEvent(e.Date, e.Description)).ToList(), StringComparer.Ordinal);

    internal sealed record SymbolEventRow(string Symbol, DateOnly Date, string Description);
}
