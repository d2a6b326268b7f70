using System.Diagnostics;
using Dapper;
using HkStrategy.Core.Failures;
using HkStrategy.Operations.Faults;
using Npgsql;
using HkStrategy.Operations.Databases;

namespace HkStrategy.Operations.Restore;

/// <summary>
/// Puts a restored database in the live one's place: in one transaction, the live database's sessions are ended (by
/// process id, never by name) and two renames made (catalog changes only, so the time the database is unavailable
/// does not grow with its size). PostgreSQL waits for ended sessions to go before renaming; a session that connects
/// in between makes the attempt fail harmlessly, and it is tried again. Interrupted at any moment, the transaction
/// leaves the live database as it was and open.
/// </summary>
public static class DatabaseSwitch
{
    private const int Attempts = 10;

    public static async Task<TimeSpan> SwitchAsync(ServerDatabases databases, string live, string replacement, string preRestore, bool liveExists, CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = await databases.OpenMaintenanceAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await EndSessionsAsync(connection, transaction, replacement, cancellationToken);
                if (liveExists)
                {
                    await EndSessionsAsync(connection, transaction, live, cancellationToken);
                    FaultPoint.Reach("restore.switch.after-ending-sessions");
                    await RenameAsync(connection, transaction, live, preRestore, cancellationToken);
                }
                await RenameAsync(connection, transaction, replacement, live, cancellationToken);
                FaultPoint.Reach("restore.switch.before-commit");
                await transaction.CommitAsync(cancellationToken);
                return clock.Elapsed;
            }
            catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.ObjectInUse && attempt < Attempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken);
            }
            catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.ObjectInUse)
            {
                throw HksException.Environment("SessionsDidNotEnd",
                    $"sessions kept connecting to {live} during {Attempts} attempts to switch; it is unchanged: stop the programs using it (the dashboard?) and run the restore again");
            }
        }
    }

    private static Task EndSessionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string database, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @database AND pid <> pg_backend_pid()",
            new { database, cancellationToken }, transaction);

    private static Task RenameAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string from, string to, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(
            $"ALTER DATABASE {ServerDatabases.Quote(from)} RENAME TO {ServerDatabases.Quote(to)}", cancellationToken, transaction);
}
