using HkStrategy.Data.Connection;
using Npgsql;

namespace HkStrategy.Operations.PgTools;

/// <summary>
/// The server and database facts a backup records: version, size and the cluster's system identifier; read with a plain
/// reader, as they are the first thing every backup asks.
/// </summary>
public sealed record ServerFacts(string Version, int VersionNumber, long DatabaseBytes, string? SystemIdentifier)
{
    public int Major => VersionNumber / 10000;

    public static async Task<ServerFacts> ReadAsync(Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT current_setting('server_version'), current_setting('server_version_num')::int, pg_database_size(current_database())", connection);
        string version;
        int number;
        long bytes;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (version, number, bytes) = (reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2));
        }
        return new ServerFacts(version, number, bytes, await SystemIdentifierAsync(connection, cancellationToken));
    }

    /// <summary>pg_control_system() needs privileges an ordinary role may lack: then the identifier is simply unknown.</summary>
    private static async Task<string?> SystemIdentifierAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT system_identifier::text FROM pg_control_system()", connection);
            return await command.ExecuteScalarAsync(cancellationToken) as string;
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            return null;
        }
    }
}
