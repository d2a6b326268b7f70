using Dapper;
using Npgsql;

namespace HkStrategy.Data.Schema;

/// <summary>
/// The record of schema versions in the database itself (schema <c>hks_meta</c>): which versions are applied, with the
/// SHA-256 of each, and a history of classifications, migrations and rollbacks.
/// </summary>
public static class MigrationLedger
{
    public const string CreateSql = """
        CREATE SCHEMA IF NOT EXISTS hks_meta;
        CREATE TABLE IF NOT EXISTS hks_meta.schema_migrations (
            version integer PRIMARY KEY,
            name text NOT NULL,
            sha256 char(64) NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now(),
            applied_by text NOT NULL DEFAULT current_user,
            execution_ms integer NOT NULL DEFAULT 0,
            how text NOT NULL DEFAULT 'applied' CHECK (how IN ('applied', 'adopted'))
        );
        CREATE TABLE IF NOT EXISTS hks_meta.schema_history (
            id bigserial PRIMARY KEY,
            at timestamptz NOT NULL DEFAULT now(),
            event text NOT NULL,
            from_version integer,
            to_version integer,
            detail text
        );
        """;

    public static async Task<bool> ExistsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass('hks_meta.schema_migrations') IS NOT NULL", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>The applied versions, read with a plain reader: every command reads them before anything else.</summary>
    public static async Task<IReadOnlyList<AppliedMigration>> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(connection, cancellationToken))
        {
            return [];
        }
        await using var command = new NpgsqlCommand("SELECT version, name, sha256, applied_at, how FROM hks_meta.schema_migrations ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<AppliedMigration>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AppliedMigration(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetDateTime(3), reader.GetString(4)));
        }
        return rows;
    }

    public static Task EnsureAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(CreateSql, cancellationToken);

    public const string RecordSql =
        "INSERT INTO hks_meta.schema_migrations (version, name, sha256, execution_ms, how) VALUES (@Version, @Name, @Sha256, @Milliseconds, @How)";

    public const string ForgetSql = "DELETE FROM hks_meta.schema_migrations WHERE version = @Version";

    public const string HistorySql =
        "INSERT INTO hks_meta.schema_history (event, from_version, to_version, detail) VALUES (@Event, @From, @To, @Detail)";

    public static Task RecordAsync(NpgsqlConnection connection, Migration migration, long milliseconds, string how, NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(RecordSql,
            new { migration.Version, migration.Name, migration.Sha256, Milliseconds = (int)milliseconds, How = how, cancellationToken }, transaction);

    public static Task ForgetAsync(NpgsqlConnection connection, int version, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(ForgetSql, new { Version = version, cancellationToken }, transaction);

    public static Task HistoryAsync(NpgsqlConnection connection, string eventName, int? from, int? to, string? detail, NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(HistorySql,
            new { Event = eventName, From = from, To = to, Detail = detail, cancellationToken }, transaction);
}
