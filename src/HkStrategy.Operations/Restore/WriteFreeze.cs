using System.Diagnostics;
using Dapper;
using Npgsql;
using HkStrategy.Operations.Databases;

namespace HkStrategy.Operations.Restore;

/// <summary>
/// Keeps a database from accepting writes while a restore replaces it, so that no write can land after the emergency
/// backup's snapshot and be lost: every new session starts read-only (<c>default_transaction_read_only</c> set on the
/// database) and every session already open is ended (by process id) and waited for, so no transaction begun before
/// can commit after. A write in that window fails with PostgreSQL's "read-only transaction" error, which hks names.
/// The database a restore replaces stays frozen as the pre-restore copy: it holds exactly what the emergency backup holds.
/// </summary>
public static class WriteFreeze
{
    private static readonly TimeSpan SessionsGone = TimeSpan.FromSeconds(15);

    /// <summary>Freezes <paramref name="database"/>; false when it was read-only already (by its owner's choice), so hks must not thaw it.</summary>
    public static async Task<bool> FreezeAsync(ServerDatabases databases, string database, CancellationToken cancellationToken)
    {
        await using var connection = await databases.OpenMaintenanceAsync(cancellationToken);
        if (await IsFrozenAsync(connection, database, cancellationToken))
        {
            return false;
        }
        await connection.ExecuteAsync(
            $"ALTER DATABASE {ServerDatabases.Quote(database)} SET default_transaction_read_only = on", cancellationToken);
        try
        {
            await EndSessionsAsync(connection, database, cancellationToken);
        }
        catch
        {
            // Cancelled, or a session hks may not end (a superuser's, when hks's user is none): writable again as it was.
            await ThawAsync(databases, database, CancellationToken.None);
            throw;
        }
        NpgsqlConnection.ClearAllPools(); // connections given back while the sessions ended are broken: none is handed out again
        return true;
    }

    private static async Task EndSessionsAsync(NpgsqlConnection connection, string database, CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearAllPools();
        var ended = (await connection.QueryAsync<int>(
            """
            WITH sessions AS MATERIALIZED (SELECT pid FROM pg_stat_activity WHERE datname = @database AND pid <> pg_backend_pid())
            SELECT pid FROM sessions, LATERAL pg_terminate_backend(pid) AS ended WHERE ended
            """,
            new { database, cancellationToken })).ToArray();
        var clock = Stopwatch.StartNew();
        while (ended.Length > 0 && await connection.ExecuteScalarAsync<bool>(
                   "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = ANY(@ended))", new { ended, cancellationToken }))
        {
            if (clock.Elapsed > SessionsGone)
            {
                throw Core.Failures.HksException.Environment("SessionsDidNotEnd",
                    $"sessions on {database} did not end within {SessionsGone.TotalSeconds:0} s; nothing was changed: stop the programs using it and run the restore again");
            }
            await Task.Delay(20, cancellationToken);
        }
    }

    public static async Task ThawAsync(ServerDatabases databases, string database, CancellationToken cancellationToken)
    {
        await using var connection = await databases.OpenMaintenanceAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @database)", new { database, cancellationToken }))
        {
            await connection.ExecuteAsync(
                $"ALTER DATABASE {ServerDatabases.Quote(database)} RESET default_transaction_read_only", cancellationToken);
        }
    }

    /// <summary>
    /// Closes a pre-restore copy to connections: nobody can write to it, so it holds what its emergency backup holds
    /// for as long as it stays closed (<c>ALTER DATABASE … ALLOW_CONNECTIONS true</c> opens it to look into it).
    /// </summary>
    public static async Task CloseAsync(ServerDatabases databases, string database, CancellationToken cancellationToken)
    {
        await using var connection = await databases.OpenMaintenanceAsync(cancellationToken);
        await connection.ExecuteAsync($"ALTER DATABASE {ServerDatabases.Quote(database)} ALLOW_CONNECTIONS false", cancellationToken);
        await EndSessionsAsync(connection, database, cancellationToken);
    }

    public static async Task<bool> IsClosedAsync(NpgsqlConnection maintenance, string database, CancellationToken cancellationToken) =>
        await maintenance.ExecuteScalarAsync<bool>(
            "SELECT NOT datallowconn FROM pg_database WHERE datname = @database", new { database, cancellationToken });

    public static async Task OpenAsync(ServerDatabases databases, string database, CancellationToken cancellationToken) =>
        await databases.ExecuteAsync($"ALTER DATABASE {ServerDatabases.Quote(database)} ALLOW_CONNECTIONS true", cancellationToken);

    public static async Task<bool> IsFrozenAsync(NpgsqlConnection maintenance, string database, CancellationToken cancellationToken) =>
        await maintenance.ExecuteScalarAsync<bool>(
            """
            SELECT EXISTS (SELECT 1 FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
                           WHERE d.datname = @database AND s.setrole = 0 AND s.setconfig && ARRAY['default_transaction_read_only=on', 'default_transaction_read_only=true', 'default_transaction_read_only=yes', 'default_transaction_read_only=1'])
            """, new { database, cancellationToken });
}
