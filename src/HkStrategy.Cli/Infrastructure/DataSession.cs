using System.CommandLine;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;
using Npgsql;

namespace HkStrategy.Cli.Infrastructure;

/// <summary>
/// A connection for the everyday commands (portfolios, positions, prices, signals, analyses): they need the schema at
/// the version this program writes, and say so in one line when it is not.
/// </summary>
public sealed class DataSession : IAsyncDisposable
{
    private DataSession(Database database, NpgsqlConnection connection) => (Database, Connection) = (database, connection);

    public Database Database { get; }

    public NpgsqlConnection Connection { get; }

    public static async Task<DataSession> OpenAsync(CliContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var database = await DatabaseSession.OpenAsync(context, parseResult, cancellationToken);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await database.OpenAsync(cancellationToken);
            var migrator = new SchemaMigrator(MigrationCatalog.Embedded);
            SchemaGuard.RequireVersion(await migrator.InspectAsync(connection, cancellationToken), migrator.Catalog.Latest);
            return new DataSession(database, connection);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
            await database.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        await Database.DisposeAsync();
    }
}
