using Dapper;
using HkStrategy.Data.Connection;
using Npgsql;

namespace HkStrategy.Operations.PgTools;

/// <summary>The server and database facts a backup records: version, size and the cluster's system identifier.</summary>
public sealed record ServerFacts(string Version, int VersionNumber, long DatabaseBytes, string? SystemIdentifier)
{
    public int Major => VersionNumber / 10000;

    public static async Task<ServerFacts> ReadAsync(Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var (version, number, bytes) = await connection.QuerySingleAsync<(string, int, long)>(new CommandDefinition(
            "SELECT current_setting('server_version'), current_setting('server_version_num')::int, pg_database_size(current_database())",
            cancellationToken: cancellationToken));
        return new ServerFacts(version, number, bytes, await SystemIdentifierAsync(connection, cancellationToken));
    }

    /// <summary>pg_control_system() needs privileges an ordinary role may lack: then the identifier is simply unknown.</summary>
    private static async Task<string?> SystemIdentifierAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            return await connection.ExecuteScalarAsync<string>(new CommandDefinition(
                "SELECT system_identifier::text FROM pg_control_system()", cancellationToken: cancellationToken));
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            return null;
        }
    }
}
