using Dapper;
using Npgsql;

namespace HkStrategy.Data.Positions;

/// <summary>Which symbols the portfolios hold, and under what company name: for fetching prices and for a symbol's page.</summary>
public static class HeldSymbols
{
    /// <summary>Every symbol held, by one portfolio or by any, in order.</summary>
    public static async Task<IReadOnlyList<string>> ListAsync(NpgsqlConnection connection, string? portfolioId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(
            "SELECT DISTINCT symbol FROM portfolio_positions WHERE @portfolioId::varchar IS NULL OR portfolio_id = @portfolioId ORDER BY symbol",
            new { portfolioId, cancellationToken })).ToList();

    /// <summary>The company names the portfolios that hold the symbol gave it, named ones first; none when no portfolio holds it.</summary>
    public static async Task<IReadOnlyList<string?>> CompanyNamesAsync(NpgsqlConnection connection, string symbol, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(
            "SELECT company_name FROM portfolio_positions WHERE symbol = @symbol ORDER BY company_name IS NULL, portfolio_id",
            new { symbol, cancellationToken })).ToList<string?>();
}
