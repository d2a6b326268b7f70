using Dapper;
using HkStrategy.Data.Connection;

namespace HkStrategy.Operations.PgTools;

public static class ServerVersion
{
    public static async Task<int> MajorAsync(Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var number = await connection.ExecuteScalarAsync<int>("SELECT current_setting('server_version_num')::int", cancellationToken);
        return number / 10000;
    }
}
