using System.Globalization;
using Dapper;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Content;
using HkStrategy.Operations.Integrity;
using Npgsql;

namespace HkStrategy.Operations.Validation;

/// <summary>
/// <c>hks validate</c>: the seed's Recovery Validation Checklist as code. Connection, schema version, expected
/// portfolios, positions and total value (within a tolerance), a clean integrity check, every portfolio's positions
/// readable (portfolio switching), signals readable and, when given, the dashboard's readiness.
/// </summary>
public sealed class RecoveryValidation(SchemaMigrator migrator, HttpClient http, TimeProvider? clock = null)
{
    public async Task<IReadOnlyList<ChecklistItem>> RunAsync(Database database, ValidationExpectations expected, CancellationToken cancellationToken)
    {
        var items = new List<ChecklistItem>();
        NpgsqlConnection connection;
        try
        {
            connection = await database.OpenAsync(cancellationToken);
        }
        catch (HkStrategy.Core.Failures.HksException failure)
        {
            return [new("Database connection successful", false, failure.Message)];
        }
        await using (connection)
        {
            items.Add(new("Database connection successful", true, database.Target.Display));
            var schema = await migrator.InspectAsync(connection, cancellationToken);
            var recorded = schema.RecordedVersion?.ToString(CultureInfo.InvariantCulture) ?? "none";
            items.Add(expected.SchemaVersion is { } version
                ? new(version == 0 ? "Schema as restored (a legacy dump, not adopted)" : string.Create(CultureInfo.InvariantCulture, $"Schema at version {version}, as restored"),
                    (schema.RecordedVersion ?? 0) == version && schema.Edited.Count == 0,
                    $"recorded {recorded}, this program's latest {migrator.Catalog.Latest}", Flagged: version != migrator.Catalog.Latest)
                : new("Schema at the latest version", schema.RecordedVersion == migrator.Catalog.Latest && schema.Edited.Count == 0,
                    $"recorded {recorded}, this program's latest {migrator.Catalog.Latest}"));
            if (!schema.Detected.IsMultiPortfolio)
            {
                // A single-portfolio database restored as such is what was asked for; anywhere else it is a failure.
                var asRestored = expected.SchemaVersion is { } restored && restored < 2;
                items.Add(new("Portfolio data readable", asRestored, asRestored
                    ? $"the tables are {schema.Detected.Label}, as restored: 'hks db migrate' brings them up to date"
                    : $"the tables look like {schema.Detected.Label}", Flagged: asRestored));
                return items;
            }
            var content = await ContentReader.ReadAsync(connection, null, cancellationToken);
            items.AddRange(Expectations(content, expected));
            var findings = await new IntegrityCheck(migrator).RunAsync(database, cancellationToken);
            var errors = findings.Where(f => f.Severity == Severity.Error).ToList();
            items.Add(new("Integrity check clean", errors.Count == 0, errors.Count == 0 ? $"{findings.Count} checks passed" : string.Join("; ", errors.Select(e => e.Message))));
            items.Add(await PortfolioSwitchingAsync(connection, content, cancellationToken));
            items.Add(await SignalsAsync(connection, cancellationToken));
            var (lastTradingDay, stale) = await HkStrategy.Data.Prices.StalePrices.FindAsync(connection, (clock ?? TimeProvider.System).GetUtcNow(), cancellationToken);
            items.Add(new("Position prices current", true, stale.Count == 0
                ? $"every held position has a bar of {lastTradingDay:yyyy-MM-dd}, the last trading day"
                : HkStrategy.Data.Prices.StalePrices.Describe(lastTradingDay, stale), Flagged: stale.Count > 0));
        }
        if (expected.Dashboard is { } dashboard)
        {
            items.Add(await DashboardAsync(dashboard, cancellationToken));
        }
        return items;
    }

    private static IEnumerable<ChecklistItem> Expectations(ContentSummary content, ValidationExpectations expected)
    {
        if (expected.Portfolios is { } portfolios)
        {
            yield return new($"All expected portfolios present ({portfolios})", content.Portfolios.Count == portfolios, $"{content.Portfolios.Count} found");
        }
        if (expected.Portfolio is { } id && expected.Positions is { } positions)
        {
            var found = content.Portfolios.FirstOrDefault(p => p.PortfolioId == id);
            yield return new($"Portfolio {id} contains {positions} positions", found?.Positions == positions, found is null ? "the portfolio is missing" : $"{found.Positions} found");
        }
        if (expected.TotalValue is { } value)
        {
            var off = value == 0 ? (content.TotalMarketValue == 0 ? 0 : 100) : Math.Abs(content.TotalMarketValue - value) / value * 100;
            yield return new(string.Create(CultureInfo.InvariantCulture, $"Total portfolio value = HK${value:N2} (±{expected.TolerancePercent}%)"),
                off <= expected.TolerancePercent, string.Create(CultureInfo.InvariantCulture, $"HK${content.TotalMarketValue:N2} ({off:0.##}% off)"));
        }
    }

    private static async Task<ChecklistItem> PortfolioSwitchingAsync(NpgsqlConnection connection, ContentSummary content, CancellationToken cancellationToken)
    {
        foreach (var portfolio in content.Portfolios)
        {
            var rows = await connection.QueryAsync(
                "SELECT symbol, quantity, avg_cost, current_price, market_value, unrealized_pnl FROM portfolio_positions WHERE portfolio_id = @id ORDER BY symbol",
                new { id = portfolio.PortfolioId, cancellationToken });
            if (rows.Count() != portfolio.Positions)
            {
                return new("Portfolio switching works", false, $"portfolio {portfolio.PortfolioId} read {rows.Count()} positions, counted {portfolio.Positions}");
            }
        }
        return new("Portfolio switching works", true, $"positions of all {content.Portfolios.Count} portfolios read");
    }

    private static async Task<ChecklistItem> SignalsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var signals = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM (SELECT s.* FROM trading_signals s JOIN portfolio_positions p USING (portfolio_id, symbol) ORDER BY s.created_at DESC LIMIT 1000) recent", cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('public.signals') IS NOT NULL", cancellationToken))
        {
            return new("Trading signals readable", true, $"{signals} recent signal(s) read with their positions");
        }
        // TXYZN signals must read with their strategy and parse as evidence.
        var txyzn = await connection.ExecuteScalarAsync<long>(
            """
            SELECT COUNT(*) FROM (SELECT s.code, c.name, s.evidence->'reasons' FROM signals s JOIN signal_strategies c ON c.code = s.strategy_code
                                  ORDER BY s.trade_date DESC LIMIT 1000) recent
            """, cancellationToken);
        return new("Trading signals readable", true, $"{signals} recent prototype signal(s) with their positions and {txyzn} TXYZN signal(s) with their strategies read");
    }

    private async Task<ChecklistItem> DashboardAsync(Uri dashboard, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(dashboard, "/health/ready"), cancellationToken);
            return new("Dashboard answers", response.IsSuccessStatusCode, $"{dashboard}health/ready: {(int)response.StatusCode}");
        }
        catch (HttpRequestException error)
        {
            return new("Dashboard answers", false, $"{dashboard}: {error.Message}");
        }
    }
}
