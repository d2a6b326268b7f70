using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Processes;
using Npgsql;

namespace HkStrategy.Operations.Databases;

/// <summary>
/// Databases on the target's server, managed from its maintenance database: scratch databases for drills and
/// restores (named with the creating process id, so leftovers of dead processes are recognised), renames, drops.
/// </summary>
public sealed partial class ServerDatabases(DatabaseTarget target)
{
    public const string ScratchPrefix = "hks_scratch_";

    public DatabaseTarget Target => target;

    public async Task<NpgsqlConnection> OpenMaintenanceAsync(CancellationToken cancellationToken)
    {
        foreach (var name in new[] { "postgres", "template1" })
        {
            var connection = new NpgsqlConnection(target.WithDatabase(name).ConnectionString + ";Pooling=false");
            try
            {
                await connection.OpenAsync(cancellationToken);
                return connection;
            }
            catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.InvalidCatalogName && name == "postgres")
            {
                await connection.DisposeAsync();
            }
            catch (Exception error) when (error is NpgsqlException or TimeoutException)
            {
                await connection.DisposeAsync();
                throw Database.Explain(error, target.WithDatabase(name));
            }
        }
        throw HksException.Environment("NoMaintenanceDatabase", $"neither postgres nor template1 can be opened on {target.Display}");
    }

    private static int _scratchSequence;

    /// <summary>
    /// A new, empty scratch database: <c>hks_scratch_{purpose}_{pid}_{time}{sequence}</c>; the sequence keeps two made
    /// by one process in the same millisecond (concurrent drills) apart.
    /// </summary>
    public async Task<DatabaseTarget> CreateScratchAsync(string purpose, CancellationToken cancellationToken)
    {
        var sequence = Interlocked.Increment(ref _scratchSequence) % 10_000;
        var name = string.Create(CultureInfo.InvariantCulture, $"{ScratchPrefix}{purpose}_{Environment.ProcessId}_{DateTime.UtcNow:yyyyMMddHHmmssfff}{sequence:D4}");
        await ExecuteAsync($"CREATE DATABASE {Quote(name)} TEMPLATE template0 ENCODING 'UTF8'", cancellationToken);
        return target.WithDatabase(name);
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenMaintenanceAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", new { name, cancellationToken });
    }

    public async Task DropAsync(string name, CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {Quote(name)} WITH (FORCE)", cancellationToken);
    }

    /// <summary>Scratch databases whose creating hks process on this machine is gone: left by a kill or a crash.</summary>
    public async Task<IReadOnlyList<string>> AbandonedScratchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenMaintenanceAsync(cancellationToken);
        var names = await connection.QueryAsync<string>(
            "SELECT datname FROM pg_database WHERE datname LIKE 'hks\\_scratch\\_%' ORDER BY datname", cancellationToken);
        return names.Where(name => ScratchOwner(name) is not { } pid || !ProcessIds.IsAlive(pid)).ToList();
    }

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenMaintenanceAsync(cancellationToken);
        await connection.ExecuteAsync(sql, cancellationToken);
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string RequireName(string name) =>
        DatabaseName().IsMatch(name)
            ? name
            : throw HksException.Usage("InvalidDatabaseName", $"'{name}' is not a database name hks creates: use 1–63 lowercase letters, digits and '_', starting with a letter");

    private static int? ScratchOwner(string name)
    {
        var parts = name[ScratchPrefix.Length..].Split('_');
        return parts.Length >= 3 && int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
