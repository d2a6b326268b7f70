using System.Net.Sockets;
using HkStrategy.Core.Failures;
using Npgsql;

namespace HkStrategy.Data.Connection;

/// <summary>Opens connections to a target and turns connection failures into one-line, exit-code-3 errors.</summary>
public sealed class Database(DatabaseTarget target) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = new NpgsqlDataSourceBuilder(target.ConnectionString).Build();

    public DatabaseTarget Target => target;

    public NpgsqlDataSource DataSource => _dataSource;

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException)
        {
            throw Explain(error, target);
        }
    }

    public static HksException Explain(Exception error, DatabaseTarget target)
    {
        var where = target.Display;
        return error switch
        {
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword } =>
                HksException.Environment("WrongPassword", $"password authentication failed for {where}", error),
            PostgresException { SqlState: PostgresErrorCodes.InvalidAuthorizationSpecification } postgres =>
                HksException.Environment("AccessDenied", $"the server refused the connection to {where}: {postgres.MessageText}", error),
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
                HksException.Environment("DatabaseMissing", $"the database '{target.DatabaseName}' does not exist on {where}", error),
            PostgresException { SqlState: PostgresErrorCodes.ObjectNotInPrerequisiteState } postgres when postgres.MessageText.Contains("not currently accepting connections", StringComparison.Ordinal)
                && target.DatabaseName.Contains("_pre_restore_", StringComparison.Ordinal) =>
                HksException.Environment("DatabaseClosed", $"'{target.DatabaseName}' on {where} is a pre-restore copy, closed so that it stays what its emergency backup holds: ALTER DATABASE … ALLOW_CONNECTIONS true opens it ('hks restore --cleanup' then backs it up before dropping it)", error),
            PostgresException { SqlState: PostgresErrorCodes.ObjectNotInPrerequisiteState } postgres when postgres.MessageText.Contains("not currently accepting connections", StringComparison.Ordinal) =>
                HksException.Environment("DatabaseClosed", $"the database '{target.DatabaseName}' on {where} is closed to new connections (a restore interrupted during its switch?): 'hks restore --recover' opens it again", error),
            PostgresException { SqlState: PostgresErrorCodes.CannotConnectNow } =>
                HksException.Environment("ServerStarting", $"the server at {where} is starting up or shutting down; try again", error),
            _ when error.InnerException is SocketException socket =>
                HksException.Environment("ServerUnreachable", $"cannot reach PostgreSQL at {where}: {socket.Message}", error),
            _ when error is TimeoutException || error.InnerException is TimeoutException =>
                HksException.Environment("ServerUnreachable", $"cannot reach PostgreSQL at {where}: the connection timed out", error),
            _ => HksException.Environment("ServerUnreachable", $"cannot connect to PostgreSQL at {where}: {FirstLine(error.Message)}", error),
        };
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
