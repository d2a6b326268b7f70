using Dapper;
using Npgsql;

namespace HkStrategy.Testing;

/// <summary>
/// Every row of every table in a schema, as sorted JSON per table (values by column name, so a column that moved places
/// compares equal): two snapshots are equal when the data is.
/// </summary>
public static class TableSnapshot
{
    public static Task<SortedDictionary<string, string>> TakeAsync(TestDatabase database, string schema = "public") =>
        TakeAsync(database.Target, schema);

    public static async Task<SortedDictionary<string, string>> TakeAsync(HkStrategy.Data.Connection.DatabaseTarget target, string schema = "public")
    {
        await using var connection = new NpgsqlConnection(target.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        var tables = await connection.QueryAsync<string>(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = @schema AND c.relkind = 'r' ORDER BY 1",
            new { schema });
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            snapshot[table] = await RowsAsync(connection, schema, table);
        }
        return snapshot;
    }

    private static async Task<string> RowsAsync(NpgsqlConnection connection, string schema, string table)
    {
        var quoted = $"\"{schema.Replace("\"", "\"\"", StringComparison.Ordinal)}\".\"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        return await connection.ExecuteScalarAsync<string>($"SELECT COALESCE(jsonb_agg(to_jsonb(r) ORDER BY to_jsonb(r)::text)::text, '[]') FROM {quoted} r") ?? "[]";
    }
}
