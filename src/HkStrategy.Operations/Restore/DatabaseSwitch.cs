using System.Diagnostics;
using Dapper;
using HkStrategy.Core.Failures;
using HkStrategy.Operations.Faults;
using Npgsql;

namespace HkStrategy.Operations.Restore;

/// <summary>
/// Puts a restored database in the live one's place with two renames in one transaction (catalog changes only, so the
/// time the database is unavailable does not grow with its size). New connections are refused first and the live
/// database's sessions ended by process id, never by process name.
/// </summary>
public static class DatabaseSwitch
{
    public static async Task<TimeSpan> SwitchAsync(ServerDatabases databases, string live, string replacement, string preRestore, bool liveExists, CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = await databases.OpenMaintenanceAsync(cancellationToken);
        await EndSessionsAsync(connection, replacement, cancellationToken); // only hks's own, already finished, sessions can be there
        var clock = Stopwatch.StartNew();
        if (liveExists)
        {
            await connection.ExecuteAsync(new CommandDefinition($"ALTER DATABASE {ServerDatabases.Quote(live)} ALLOW_CONNECTIONS false", cancellationToken: cancellationToken));
            FaultPoint.Reach("restore.switch.after-blocking-connections");
            await EndSessionsAsync(connection, live, cancellationToken);
        }
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            if (liveExists)
            {
                await connection.ExecuteAsync(new CommandDefinition($"ALTER DATABASE {ServerDatabases.Quote(live)} RENAME TO {ServerDatabases.Quote(preRestore)}", transaction: transaction, cancellationToken: cancellationToken));
            }
            await connection.ExecuteAsync(new CommandDefinition($"ALTER DATABASE {ServerDatabases.Quote(replacement)} RENAME TO {ServerDatabases.Quote(live)}", transaction: transaction, cancellationToken: cancellationToken));
            FaultPoint.Reach("restore.switch.before-commit");
            await transaction.CommitAsync(cancellationToken);
        }
        var unavailable = clock.Elapsed;
        if (liveExists)
        {
            await connection.ExecuteAsync(new CommandDefinition($"ALTER DATABASE {ServerDatabases.Quote(preRestore)} ALLOW_CONNECTIONS true", cancellationToken: cancellationToken));
        }
        return unavailable;
    }

    /// <summary>Undoes a switch interrupted after new connections were refused and before the renames committed.</summary>
    public static async Task ReopenAsync(ServerDatabases databases, string live, CancellationToken cancellationToken)
    {
        await using var connection = await databases.OpenMaintenanceAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition($"ALTER DATABASE {ServerDatabases.Quote(live)} ALLOW_CONNECTIONS true", cancellationToken: cancellationToken));
    }

    private static async Task EndSessionsAsync(NpgsqlConnection connection, string live, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var remaining = await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
                SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @live AND pid <> pg_backend_pid()
                """, new { live }, cancellationToken: cancellationToken));
            if (remaining == 0)
            {
                return;
            }
            if (deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                await connection.ExecuteAsync(new CommandDefinition($"ALTER DATABASE {ServerDatabases.Quote(live)} ALLOW_CONNECTIONS true", cancellationToken: CancellationToken.None));
                throw HksException.Environment("SessionsDidNotEnd", $"{remaining} session(s) on {live} did not end within 10 s; the live database is unchanged and open again");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }
}
