using HkStrategy.Core.Failures;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;

namespace HkStrategy.Web.Schema;

/// <summary>
/// Whether the database is at the schema version the dashboard writes, asked at most every few seconds: pages that
/// read portfolio data send people to System status (which names the pending migrations) when it is not.
/// </summary>
public sealed class SchemaCheck(Database database, SchemaMigrator migrator, TimeProvider clock)
{
    private static readonly TimeSpan Remembered = TimeSpan.FromSeconds(3);
    private (DateTimeOffset At, string? Problem)? _last;

    /// <summary>Null when the schema is current, else why not in one line.</summary>
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_last is { } last && now - last.At < Remembered)
        {
            return last.Problem;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        string? problem = null;
        try
        {
            SchemaGuard.RequireVersion(await migrator.InspectAsync(connection, cancellationToken), migrator.Catalog.Latest);
        }
        catch (HksException refused) when (refused.ExitCode == ExitCode.Refused)
        {
            problem = refused.Message;
        }
        _last = (now, problem);
        return problem;
    }

    public void Forget() => _last = null;
}
