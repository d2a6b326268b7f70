using Dapper;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;
using Npgsql;

namespace HkStrategy.Data.Status;

/// <summary>Reads <see cref="DatabaseStatus"/> without changing anything, whatever shape the database is in.</summary>
public static class DatabaseStatusReader
{
    public static async Task<DatabaseStatus> ReadAsync(Database database, SchemaMigrator migrator, CancellationToken cancellationToken, TimeProvider? clock = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var schema = await migrator.InspectAsync(connection, cancellationToken);
        var serverVersion = await connection.ExecuteScalarAsync<string?>("SHOW server_version", cancellationToken) ?? "";
        var tables = (await connection.QueryAsync<NamedCount>(StatusQueries.TableCounts, cancellationToken))
            .ToDictionary(t => t.Name, t => t.Rows, StringComparer.Ordinal);
        var multiPortfolio = schema.Detected.IsMultiPortfolio;
        var hasPositions = tables.ContainsKey("portfolio_positions");
        var hasPortfolios = tables.ContainsKey("portfolios");

        var portfolios = multiPortfolio
            ? (await connection.QueryAsync<PortfolioStatus>(StatusQueries.Portfolios, cancellationToken)).ToList()
            : hasPortfolios ? await UnassignedPortfoliosAsync(connection, cancellationToken) : [];
        var (positions, marketValue) = hasPositions
            ? await connection.QuerySingleAsync<PositionTotals>(StatusQueries.PositionTotals, cancellationToken)
            : new PositionTotals(0, 0m);
        var totals = new StatusTotals(hasPortfolios ? (int)tables["portfolios"] : 0, positions, marketValue);

        var warnings = SchemaWarnings(schema, tables).ToList();
        if (multiPortfolio)
        {
            warnings.AddRange(await DataWarningsAsync(connection, tables, cancellationToken));
        }
        var notices = new List<string>();
        var orphaned = tables.Where(t => t.Key.StartsWith("hks_orphaned.", StringComparison.Ordinal)).Sum(t => t.Value);
        if (orphaned > 0)
        {
            notices.Add($"{orphaned} rule(s) or signal(s) of positions deleted while rolled back are kept in schema hks_orphaned (not shown anywhere else)");
        }
        if (tables.ContainsKey("portfolio_positions") && await DemoSeededAtAsync(connection, cancellationToken) is { } seededAt)
        {
            notices.Add($"demo data: seeded {seededAt:yyyy-MM-dd HH:mm} UTC; its price history is synthetic, not market data");
        }
        var today = DateOnly.FromDateTime(HkStrategy.Core.Calendar.MarketClock.HongKongTime((clock ?? TimeProvider.System).GetUtcNow()));
        if (!HkStrategy.Core.Calendar.TradingCalendar.Hkex.Covers(today))
        {
            notices.Add($"the HKEX holiday calendar covers {HkStrategy.Core.Calendar.TradingCalendar.Hkex.FirstYear}–{HkStrategy.Core.Calendar.TradingCalendar.Hkex.LastYear}: "
                + $"in {today.Year} holidays count as trading days (stale prices, fetch, vetoes) until this year's are added");
        }
        var unmanaged = (await connection.QueryAsync<PublicRelation>(StatusQueries.PublicRelations, cancellationToken))
            .Where(r => !ManagedRelations.Names.Contains(r.Name))
            .Select(r => new UnmanagedRelation(r.Name, r.Kind, tables.TryGetValue(r.Name, out var rows) ? rows : null))
            .ToList();
        var (lastTradingDay, stale) = multiPortfolio
            ? await HkStrategy.Data.Prices.StalePrices.FindAsync(connection, (clock ?? TimeProvider.System).GetUtcNow(), cancellationToken)
            : (default(DateOnly), []);
        return new DatabaseStatus(database.Target.Display, serverVersion, schema.RecordedVersion, schema.Detected.Version,
            schema.Detected.Label, schema.Pending.Select(m => m.Version).ToList(), tables, portfolios, totals, warnings, notices)
        {
            StalePrices = stale,
            LastTradingDay = multiPortfolio ? lastTradingDay : null,
            Unmanaged = unmanaged,
        };
    }

    private static async Task<List<PortfolioStatus>> UnassignedPortfoliosAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<PortfolioStatus>(
            """SELECT portfolio_id AS "PortfolioId", name AS "Name", 0 AS "Positions", 0::numeric AS "MarketValue" FROM portfolios ORDER BY created_at NULLS LAST, portfolio_id""", cancellationToken)).ToList();

    private static IEnumerable<string> SchemaWarnings(SchemaState schema, IReadOnlyDictionary<string, long> tables)
    {
        if (schema.IsNewerThanProgram)
        {
            yield return $"schema version {schema.RecordedVersion} is newer than this program knows ({schema.Catalog.Latest}): upgrade hks";
        }
        foreach (var edited in schema.Edited)
        {
            yield return $"migration {edited.Version} ({edited.Name}) was edited after it was applied (checksum mismatch)";
        }
        if (schema.Detected.Shape == SchemaShape.Unknown)
        {
            yield return $"the tables match no known schema version: {schema.Detected.Reason}";
        }
        else if (schema.RecordedVersion is { } recorded && recorded <= SchemaClassifier.HighestRecognisedVersion && schema.Detected.Version != recorded)
        {
            yield return $"recorded schema version {recorded} but the tables look like {schema.Detected.Label}";
        }
        if (!schema.IsRecorded && schema.Detected.Recreates.Count > 0)
        {
            yield return $"tables the prototype's scripts left out or took away: adopting creates, empty: {string.Join("; ", schema.Detected.Recreates)}";
        }
        if (schema.Pending.Count > 0)
        {
            yield return $"{schema.Pending.Count} migration(s) pending ({string.Join(", ", schema.Pending.Select(m => m.Version))}): run 'hks db migrate'";
        }
        if (!schema.IsRecorded && schema.Detected.Shape is SchemaShape.SinglePortfolio or SchemaShape.Transitional && tables.GetValueOrDefault("portfolio_positions") > 0)
        {
            yield return "positions are not assigned to portfolios yet (single-portfolio schema): 'hks db migrate' assigns them";
        }
        if (tables.Keys.Any(t => t.StartsWith("hks_archive.", StringComparison.Ordinal)))
        {
            yield return "a rollback archive (schema hks_archive) holds rows version 1 cannot; 'hks db migrate' brings them back";
        }
        if (tables.Keys.Any(t => t.StartsWith("hks_archive_v3.", StringComparison.Ordinal)))
        {
            yield return "a rollback archive (schema hks_archive_v3) holds the version-3 tables; 'hks db migrate' brings them back";
        }
        if (tables.Keys.Any(t => t.StartsWith("hks_archive_v4.", StringComparison.Ordinal)))
        {
            yield return "a rollback archive (schema hks_archive_v4) holds the positions' overlays; 'hks db migrate' brings them back";
        }
        if (tables.Keys.Any(t => t.StartsWith("hks_archive_v5.", StringComparison.Ordinal)))
        {
            yield return "a rollback archive (schema hks_archive_v5) holds the activity ledger and its journal; 'hks db migrate' brings them back";
        }
        if (tables.Keys.Any(t => t.StartsWith("hks_archive_v6.", StringComparison.Ordinal)))
        {
            yield return "a rollback archive (schema hks_archive_v6) holds the broker profiles; 'hks db migrate' brings them back";
        }
    }

    private static async Task<IEnumerable<string>> DataWarningsAsync(NpgsqlConnection connection, IReadOnlyDictionary<string, long> tables, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        foreach (var (table, rows) in await connection.QueryAsync<NamedCount>(StatusQueries.NullPortfolioIds, cancellationToken))
        {
            if (rows > 0)
            {
                warnings.Add($"{rows} row(s) of {table} have no portfolio_id");
            }
        }
        foreach (var (what, rows) in await connection.QueryAsync<NamedCount>(StatusQueries.Orphans, cancellationToken))
        {
            if (rows > 0)
            {
                warnings.Add($"{rows} orphan(s): {what}");
            }
        }
        if (tables.ContainsKey("portfolio_holdings"))
        {
            foreach (var (portfolio, holdings) in await connection.QueryAsync<HoldingsOnly>(StatusQueries.HoldingsWithoutPositions, cancellationToken))
            {
                warnings.Add($"portfolio {portfolio} has {holdings} holding(s) but no positions: 'hks db migrate --holdings-as-positions' turns them into positions");
            }
        }
        return warnings;
    }

    private static async Task<DateTime?> DemoSeededAtAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await MigrationLedger.ExistsAsync(connection, cancellationToken)
            ? await connection.ExecuteScalarAsync<DateTime?>(StatusQueries.DemoSeeded, cancellationToken)
            : null;
}
