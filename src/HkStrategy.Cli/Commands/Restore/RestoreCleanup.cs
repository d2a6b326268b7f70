using HkStrategy.Cli.Infrastructure;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Embedded;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Restore;

namespace HkStrategy.Cli.Commands.Restore;

/// <summary>
/// <c>hks restore --cleanup</c>: the pre-restore databases go, after a typed confirmation, each only once a verified
/// backup holds its every row (its emergency backup, or one taken now).
/// </summary>
internal static class RestoreCleanup
{
    public static async Task<int> RunAsync(CliContext context, DatabaseTarget live, bool yes, CancellationToken cancellationToken)
    {
        var home = context.Settings.Home;
        var copies = new PreRestoreCopies(live, home.Root, home.Backups, MigrationCatalog.Embedded, context.Clock);
        var kept = await copies.ListAsync(cancellationToken);
        if (kept.Count == 0)
        {
            await context.Out.WriteLineAsync("no pre-restore databases to drop");
            return 0;
        }
        await Confirmation.RequireAsync(context, yes,
            $"This drops {string.Join(", ", kept)} (the databases earlier restores replaced), each after checking that a verified backup holds it (or taking one).", "drop", cancellationToken);
        foreach (var name in kept)
        {
            var dropped = await copies.DropAsync(name, cancellationToken);
            await context.Out.WriteLineAsync(dropped.BackedUpNow
                ? $"dropped {name} after backing it up (verified): {dropped.Backup}"
                : $"dropped {name}: its emergency backup {dropped.Backup} holds the same data (verified)");
        }
        return 0;
    }
}
