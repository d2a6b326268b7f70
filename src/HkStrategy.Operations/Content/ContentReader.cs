using Dapper;
using Npgsql;

namespace HkStrategy.Operations.Content;

/// <summary>Reads a <see cref="ContentSummary"/> on a connection, inside whatever transaction (snapshot) it is in.</summary>
public static class ContentReader
{
    private const string TableCounts = """
        SELECT c.relname AS "Name",
               (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM public.%I', c.relname), false, true, '')))[1]::text::bigint AS "Rows"
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
        ORDER BY c.relname
        """;

    private const string Portfolios = """
        SELECT p.portfolio_id AS "PortfolioId", COUNT(pp.id)::int AS "Positions", COALESCE(SUM(pp.market_value), 0) AS "MarketValue"
        FROM portfolios p LEFT JOIN portfolio_positions pp ON pp.portfolio_id = p.portfolio_id
        GROUP BY p.portfolio_id ORDER BY p.portfolio_id
        """;

    private const string Shape = """
        SELECT to_regclass('public.portfolios') IS NOT NULL
           AND EXISTS (SELECT 1 FROM information_schema.columns
                       WHERE table_schema = 'public' AND table_name = 'portfolio_positions' AND column_name = 'portfolio_id')
        """;

    public static async Task<ContentSummary> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var tables = (await connection.QueryAsync<TableRows>(TableCounts, cancellationToken, transaction))
            .ToDictionary(t => t.Name, t => t.Rows, StringComparer.Ordinal);
        var portfolios = await connection.ExecuteScalarAsync<bool>(Shape, cancellationToken, transaction)
            ? (await connection.QueryAsync<PortfolioContent>(Portfolios, cancellationToken, transaction)).ToList()
            : [];
        var total = tables.ContainsKey("portfolio_positions")
            ? await connection.ExecuteScalarAsync<decimal>(
                "SELECT COALESCE(SUM(market_value), 0) FROM portfolio_positions", cancellationToken, transaction)
            : 0m;
        return new ContentSummary(tables, portfolios, total);
    }

    /// <summary>Differences between what was expected and what is there, one line each; empty when they agree.</summary>
    public static IReadOnlyList<string> Compare(ContentSummary expected, ContentSummary actual)
    {
        var differences = new List<string>();
        foreach (var (table, rows) in expected.Tables)
        {
            var found = actual.Tables.TryGetValue(table, out var count) ? count : (long?)null;
            if (found != rows)
            {
                differences.Add(found is null ? $"table {table} is missing" : $"table {table}: {found} rows, expected {rows}");
            }
        }
        var actualPortfolios = actual.Portfolios.ToDictionary(p => p.PortfolioId, StringComparer.Ordinal);
        foreach (var portfolio in expected.Portfolios)
        {
            if (!actualPortfolios.TryGetValue(portfolio.PortfolioId, out var found))
            {
                differences.Add($"portfolio {portfolio.PortfolioId} is missing");
            }
            else if (found.Positions != portfolio.Positions || found.MarketValue != portfolio.MarketValue)
            {
                differences.Add($"portfolio {portfolio.PortfolioId}: {found.Positions} positions worth {found.MarketValue:N2}, expected {portfolio.Positions} worth {portfolio.MarketValue:N2}");
            }
        }
        if (expected.TotalMarketValue != actual.TotalMarketValue)
        {
            differences.Add($"total market value {actual.TotalMarketValue:N2}, expected {expected.TotalMarketValue:N2}");
        }
        return differences;
    }

    internal sealed record TableRows(string Name, long Rows);
}
