using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Embedded;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Restore;

namespace HkStrategy.Cli.Commands.Restore;

/// <summary>
/// <c>hks restore FILE --portfolio ID</c> and <c>--portfolios-metadata</c>: the backup is restored into a scratch copy,
/// the change previewed (a dry run inside a rolled-back transaction), confirmed, preceded by a verified emergency backup.
/// </summary>
internal static class SelectiveRestore
{
    public static async Task<int> PortfolioAsync(CliContext context, DatabaseTarget live, string archive, string portfolioId, PortfolioRestoreMode mode, bool dryRun, bool yes, bool json, CancellationToken cancellationToken)
    {
        var home = context.Settings.Home;
        await using var database = new Database(live);
        await using var session = await PortfolioRestoreSession.OpenAsync(database, archive, MigrationCatalog.Embedded, context.Clock, cancellationToken);
        var preview = await session.PreviewAsync(portfolioId, mode, cancellationToken);
        if (dryRun || preview.ChangesNothing)
        {
            await WriteAsync(context, preview, null, json);
            return 0;
        }
        await WriteAsync(context, preview, null, json: false, context.Error);
        await Confirmation.RequireAsync(context, yes, $"This changes portfolio {portfolioId} in {live.Display} as listed above ({mode}), after a verified emergency backup; other portfolios are not touched.", portfolioId, cancellationToken);
        var (result, emergency) = await session.ApplyAsync(portfolioId, mode, home.Backups, cancellationToken);
        await WriteAsync(context, result, emergency, json);
        return 0;
    }

    public static async Task<int> MetadataAsync(CliContext context, DatabaseTarget live, string archive, bool json, CancellationToken cancellationToken)
    {
        await using var copy = await ScratchCopy.RestoreAsync(live, archive, MigrationCatalog.Embedded, context.Clock, cancellationToken);
        await using var database = new Database(live);
        var created = await PortfolioRestore.RestoreMissingPortfoliosAsync(database, copy.Target, cancellationToken);
        if (json)
        {
            await JsonOutput.WriteAsync(context, new CreatedPortfolios(created), CommandJson.Types.CreatedPortfolios);
        }
        else
        {
            await context.Out.WriteLineAsync(created.Count == 0 ? "every portfolio of the backup exists: nothing re-created" : $"re-created {created.Count} portfolio(s): {string.Join(", ", created)}");
        }
        return 0;
    }

    private static async Task WriteAsync(CliContext context, PortfolioRestoreResult result, string? emergency, bool json, TextWriter? writer = null)
    {
        if (json)
        {
            await JsonOutput.WriteAsync(context, new PortfolioRestoreJson(result.PortfolioId, result.Mode, result.DryRun, result.Changes, result.Positions, emergency), CommandJson.Types.PortfolioRestoreJson);
            return;
        }
        var output = writer ?? context.Out;
        var verb = result.DryRun ? "would change" : "changed";
        foreach (var position in result.Positions)
        {
            await output.WriteLineAsync($"  {position.Change,-6} {position.Symbol}");
        }
        foreach (var (change, count) in result.Changes.Where(c => c.Value > 0))
        {
            await output.WriteLineAsync($"  {change}: {count}");
        }
        if (emergency is not null)
        {
            await output.WriteLineAsync($"emergency backup (verified): {emergency}");
        }
        await output.WriteLineAsync(result.ChangesNothing
            ? $"portfolio {result.PortfolioId} already equals the backup ({result.Mode}): nothing to change"
            : $"portfolio {result.PortfolioId}: {verb} {result.Changes.Values.Sum()} row(s) ({result.Mode})");
    }
}

/// <summary>The portfolios a metadata restore re-created.</summary>
internal sealed record CreatedPortfolios(IReadOnlyList<string> Created);

/// <summary>What a portfolio restore changed (or, in a dry run, would change), and the emergency backup made before it.</summary>
internal sealed record PortfolioRestoreJson(
    string PortfolioId, string Mode, bool DryRun, IReadOnlyDictionary<string, int> Changes, IReadOnlyList<PositionChange> Positions, string? EmergencyBackup);
