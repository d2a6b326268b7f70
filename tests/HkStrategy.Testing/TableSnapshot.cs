using Dapper;
using Npgsql;

namespace HkStrategy.Testing;

/// <summary>
/// Every row of every table in a schema, as sorted JSON per table, columns in their order: two snapshots are equal when
/// the data and the order of the columns are. <c>byColumnName</c> compares values by column name only, for the one case
/// where a column is known to move (a rollback to version 1 and back re-adds portfolio_id after columns a user added).
/// </summary>
public static class TableSnapshot
{
    public static Task<SortedDictionary<string, string>> TakeAsync(TestDatabase database, string schema = "public", bool byColumnName = false) =>
        TakeAsync(database.Target, schema, byColumnName);

    public static async Task<SortedDictionary<string, string>> TakeAsync(HkStrategy.Data.Connection.DatabaseTarget target, string schema = "public", bool byColumnName = false)
    {
        await using var connection = new NpgsqlConnection(target.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        var tables = await connection.QueryAsync<string>(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = @schema AND c.relkind = 'r' ORDER BY 1",
            new { schema });
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            snapshot[table] = await RowsAsync(connection, schema, table, byColumnName);
        }
        return snapshot;
    }

    private static async Task<string> RowsAsync(NpgsqlConnection connection, string schema, string table, bool byColumnName)
    {
        var quoted = $"\"{schema.Replace("\"", "\"\"", StringComparison.Ordinal)}\".\"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        var sql = byColumnName
            ? $"SELECT COALESCE(jsonb_agg(to_jsonb(r) ORDER BY to_jsonb(r)::text)::text, '[]') FROM {quoted} r"
            : $"SELECT COALESCE(json_agg(r ORDER BY r::text)::text, '[]') FROM {quoted} r";
        return await connection.ExecuteScalarAsync<string>(sql) ?? "[]";
    }
}
