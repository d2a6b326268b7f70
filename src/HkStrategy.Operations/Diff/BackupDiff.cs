using Dapper;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;
using Npgsql;

namespace HkStrategy.Operations.Diff;

/// <summary>Per table: rows only in the backup, only in the live database, and rows present in both but changed.</summary>
public sealed record TableDiff(string Table, long OnlyInBackup, long OnlyLive, long Changed, IReadOnlyList<string> Examples)
{
    public bool IsSame => OnlyInBackup == 0 && OnlyLive == 0 && Changed == 0;
}

/// <summary>
/// Per portfolio: positions missing from live or extra in live (by symbol), the change in market value, the activities
/// of the ledger only in the backup or only live (matched by content, as many times as each occurs: an activity
/// removed and recorded again is the same activity), and whether the broker profile differs.
/// </summary>
public sealed record PortfolioDiff(string PortfolioId, bool MissingLive, bool MissingInBackup, IReadOnlyList<string> MissingPositions, IReadOnlyList<string> ExtraPositions, IReadOnlyList<string> ChangedPositions, decimal BackupValue, decimal LiveValue)
{
    public decimal ValueDifference => LiveValue - BackupValue;

    public int ActivitiesOnlyInBackup { get; init; }

    public int ActivitiesOnlyLive { get; init; }

    public bool BrokerProfileChanged { get; init; }

    public bool IsSame => !MissingLive && !MissingInBackup && MissingPositions.Count + ExtraPositions.Count + ChangedPositions.Count == 0
        && ActivitiesOnlyInBackup + ActivitiesOnlyLive == 0 && !BrokerProfileChanged;
}

public sealed record DiffReport(IReadOnlyList<TableDiff> Tables, IReadOnlyList<PortfolioDiff> Portfolios)
{
    public bool IsSame => Tables.All(t => t.IsSame) && Portfolios.All(p => p.IsSame);
}

/// <summary>
/// <c>hks diff FILE</c>, the seed's "identify scope of data loss": the backup (restored into a scratch copy) against
/// the live database, row by row (matched by primary key, compared by content) and portfolio by portfolio.
/// </summary>
public static class BackupDiff
{
    private const string Tables = """
        SELECT c.relname AS "Table", string_agg(format('%I', a.attname), ', ' ORDER BY array_position(i.indkey, a.attnum)) AS "Key"
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)
        WHERE c.relkind = 'r'
        GROUP BY c.relname ORDER BY c.relname
        """;

    /// <summary>A position's content (<see cref="TableColumns.PositionContent"/>) as one hash, so any column that changed shows.</summary>
    private static readonly string Positions = $"""
        SELECT portfolio_id AS "PortfolioId", symbol AS "Symbol", md5(row({TableColumns.List(TableColumns.PositionContent)})::text) AS "Hash", market_value AS "Value"
        FROM portfolio_positions
        """;

    public static async Task<DiffReport> CompareAsync(DatabaseTarget backup, DatabaseTarget live, CancellationToken cancellationToken)
    {
        await using var backupConnection = await Open(backup, cancellationToken);
        await using var liveConnection = await Open(live, cancellationToken);
        var backupTables = (await backupConnection.QueryAsync<TableKey>(Tables, cancellationToken)).ToDictionary(t => t.Table, t => t.Key, StringComparer.Ordinal);
        var liveTables = (await liveConnection.QueryAsync<TableKey>(Tables, cancellationToken)).ToDictionary(t => t.Table, t => t.Key, StringComparer.Ordinal);
        var tables = new List<TableDiff>();
        foreach (var table in backupTables.Keys.Union(liveTables.Keys).Order(StringComparer.Ordinal))
        {
            var inBackup = backupTables.TryGetValue(table, out var key) ? await RowsAsync(backupConnection, table, key, cancellationToken) : [];
            var inLive = liveTables.TryGetValue(table, out var liveKey) ? await RowsAsync(liveConnection, table, liveKey, cancellationToken) : [];
            var changed = inBackup.Where(r => inLive.TryGetValue(r.Key, out var hash) && hash != r.Value).Select(r => r.Key).ToList();
            var onlyBackup = inBackup.Keys.Where(k => !inLive.ContainsKey(k)).ToList();
            var onlyLive = inLive.Keys.Where(k => !inBackup.ContainsKey(k)).ToList();
            var examples = onlyBackup.Take(3).Select(k => $"only in backup: {k}")
                .Concat(onlyLive.Take(3).Select(k => $"only live: {k}")).Concat(changed.Take(3).Select(k => $"changed: {k}")).ToList();
            tables.Add(new TableDiff(table, onlyBackup.Count, onlyLive.Count, changed.Count, examples));
        }
        return new DiffReport(tables, await PortfoliosAsync(backupConnection, liveConnection, cancellationToken));
    }

    private static async Task<Dictionary<string, string>> RowsAsync(NpgsqlConnection connection, string table, string key, CancellationToken cancellationToken)
    {
        var quoted = "public." + "\"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var rows = await connection.QueryAsync<RowHash>($"SELECT ({key})::text AS \"Key\", md5(row_to_json(t)::text) AS \"Hash\" FROM {quoted} t", cancellationToken);
        return rows.ToDictionary(r => r.Key, r => r.Hash, StringComparer.Ordinal);
    }

    private static async Task<IReadOnlyList<PortfolioDiff>> PortfoliosAsync(NpgsqlConnection backup, NpgsqlConnection live, CancellationToken cancellationToken)
    {
        var backupIds = (await backup.QueryAsync<string>("SELECT portfolio_id FROM portfolios", cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var liveIds = (await live.QueryAsync<string>("SELECT portfolio_id FROM portfolios", cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var backupPositions = (await backup.QueryAsync<PositionRow>(Positions, cancellationToken)).ToLookup(p => p.PortfolioId);
        var livePositions = (await live.QueryAsync<PositionRow>(Positions, cancellationToken)).ToLookup(p => p.PortfolioId);
        var backupActivities = await ContentsAsync(backup, Activities, cancellationToken);
        var liveActivities = await ContentsAsync(live, Activities, cancellationToken);
        var backupBrokers = await ContentsAsync(backup, Brokers, cancellationToken);
        var liveBrokers = await ContentsAsync(live, Brokers, cancellationToken);
        return backupIds.Union(liveIds).Order(StringComparer.Ordinal).Select(id =>
        {
            var inBackup = backupPositions[id].ToDictionary(p => p.Symbol, StringComparer.Ordinal);
            var inLive = livePositions[id].ToDictionary(p => p.Symbol, StringComparer.Ordinal);
            return new PortfolioDiff(id, !liveIds.Contains(id), !backupIds.Contains(id),
                inBackup.Keys.Where(s => !inLive.ContainsKey(s)).Order(StringComparer.Ordinal).ToList(),
                inLive.Keys.Where(s => !inBackup.ContainsKey(s)).Order(StringComparer.Ordinal).ToList(),
                inBackup.Values.Where(p => inLive.TryGetValue(p.Symbol, out var l) && l.Hash != p.Hash).Select(p => p.Symbol).Order(StringComparer.Ordinal).ToList(),
                inBackup.Values.Sum(p => p.Value ?? 0), inLive.Values.Sum(p => p.Value ?? 0))
            {
                ActivitiesOnlyInBackup = OnlyIn(backupActivities?[id] ?? [], liveActivities?[id] ?? []),
                ActivitiesOnlyLive = OnlyIn(liveActivities?[id] ?? [], backupActivities?[id] ?? []),
                // A backup from before version 6 knows nothing of broker profiles: nothing to compare.
                BrokerProfileChanged = backupBrokers is not null && liveBrokers is not null && !backupBrokers[id].SequenceEqual(liveBrokers[id], StringComparer.Ordinal),
            };
        }).ToList();
    }

    /// <summary>An activity's content, what a user gave (not its id, not the position it leaves, which follows from the rest).</summary>
    private const string Activities = """
        SELECT portfolio_id AS "PortfolioId", md5(row(activity_type, trade_date, settlement_date, symbol, quantity, price, amount, currency, fx_rate,
            ratio_from, ratio_to, stamp_duty, sfc_levy, afrc_levy, trading_fee, settlement_fee, commission, note)::text) AS "Hash"
        FROM activities
        """;

    private const string Brokers = """
        SELECT portfolio_id AS "PortfolioId", md5(row(broker, commission_rate, commission_minimum, platform_fee)::text) AS "Hash" FROM broker_profiles
        """;

    /// <summary>Each portfolio's content hashes of a table; none when the database has not the table (an older version).</summary>
    private static async Task<ILookup<string, string>?> ContentsAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var table = sql.Contains("FROM activities", StringComparison.Ordinal) ? "public.activities" : "public.broker_profiles";
        if (!await connection.ExecuteScalarAsync<bool>("SELECT to_regclass(@table) IS NOT NULL", new { table, cancellationToken }))
        {
            return null;
        }
        return (await connection.QueryAsync<ContentRow>(sql, cancellationToken)).ToLookup(r => r.PortfolioId, r => r.Hash, StringComparer.Ordinal);
    }

    /// <summary>How many of the first's hashes the second lacks, each counted as many times as it occurs.</summary>
    private static int OnlyIn(IEnumerable<string> first, IEnumerable<string> second)
    {
        var counts = second.GroupBy(h => h, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var only = 0;
        foreach (var hash in first)
        {
            if (counts.TryGetValue(hash, out var left) && left > 0)
            {
                counts[hash] = left - 1;
            }
            else
            {
                only++;
            }
        }
        return only;
    }

    internal sealed record ContentRow(string PortfolioId, string Hash);

    private static async Task<NpgsqlConnection> Open(DatabaseTarget target, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(target.ConnectionString + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    internal sealed record PositionRow(string PortfolioId, string Symbol, string Hash, decimal? Value);

    internal sealed record TableKey(string Table, string Key);

    internal sealed record RowHash(string Key, string Hash);
}
