using Dapper;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Data.Connection;
using HkStrategy.Operations.Restore;

namespace HkStrategy.Cli.Commands.Restore;

/// <summary><c>hks restore --cleanup</c>: the pre-restore databases go, after a typed confirmation.</summary>
internal static class RestoreCleanup
{
    public static async Task<int> RunAsync(CliContext context, DatabaseTarget live, bool yes, CancellationToken cancellationToken)
    {
        var databases = new ServerDatabases(live);
        List<string> kept;
        await using (var connection = await databases.OpenMaintenanceAsync(cancellationToken))
        {
            kept = (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT datname FROM pg_database WHERE datname LIKE @pattern ORDER BY datname",
                new { pattern = live.DatabaseName.Replace("_", "\\_", StringComparison.Ordinal) + "\\_pre\\_restore\\_%" }, cancellationToken: cancellationToken))).ToList();
        }
        if (kept.Count == 0)
        {
            await context.Out.WriteLineAsync("no pre-restore databases to drop");
            return 0;
        }
        await Confirmation.RequireAsync(context, yes, $"This drops {string.Join(", ", kept)} (the databases earlier restores replaced).", "drop", cancellationToken);
        foreach (var name in kept)
        {
            await databases.DropAsync(name, cancellationToken);
            await context.Out.WriteLineAsync($"dropped {name}");
        }
        return 0;
    }
}
