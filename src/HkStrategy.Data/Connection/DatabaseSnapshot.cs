using Npgsql;

namespace HkStrategy.Data.Connection;

/// <summary>The server's current snapshot as text: it changes with every committed write, whoever made it.</summary>
public static class DatabaseSnapshot
{
    public static async Task<string?> CurrentAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_current_snapshot()::text", connection);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
