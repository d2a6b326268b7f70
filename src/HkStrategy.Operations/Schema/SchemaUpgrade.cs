using HkStrategy.Core.Failures;
using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Portfolios;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Safety;

namespace HkStrategy.Operations.Schema;

/// <summary>
/// <c>hks db migrate</c>: adopts a database without a version record, takes a verified backup when there is data
/// to protect, migrates up, and optionally turns holdings into positions.
/// </summary>
public sealed class SchemaUpgrade(SchemaMigrator migrator, SafetyBackup backup)
{
    public async Task<SchemaChangeResult> RunAsync(Database database, SchemaChangeRequest request, CancellationToken cancellationToken)
    {
        if (request.LegacyPortfolio is not null)
        {
            PortfolioId.Require(request.LegacyPortfolio);
        }
        SchemaState state;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            state = await migrator.InspectAsync(connection, cancellationToken);
        }
        SchemaGuard.Verify(state);
        var target = request.TargetVersion ?? migrator.Catalog.Latest;
        if (state.CurrentVersion is { } current && target < current)
        {
            throw HksException.Usage("UseRollback", $"the database is at version {current}; going down to {target} is 'hks db rollback --to {target}'");
        }
        if (request.HoldingsAsPositions && target < 2)
        {
            throw HksException.Usage("HoldingsNeedVersion2", "--holdings-as-positions needs schema version 2 or later");
        }
        var changes = state.Pending.Any(m => m.Version <= target) || !state.IsRecorded;
        string? backupPath = null;
        if (changes && !request.DryRun && !request.SkipBackup && state.Detected.Shape != SchemaShape.Empty)
        {
            backupPath = (await backup.TakeAsync(database, "pre_migration", cancellationToken)).Path;
        }
        await using var session = await database.OpenAsync(cancellationToken);
        var outcome = await migrator.MigrateAsync(session, new MigrationOptions
        {
            TargetVersion = target,
            Settings = request.LegacyPortfolio is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["legacy_portfolio"] = request.LegacyPortfolio },
            LockTimeout = request.LockTimeout,
            DryRun = request.DryRun ? request.DryRunOutput ?? TextWriter.Null : null,
        }, cancellationToken);
        var converted = 0;
        if (request.HoldingsAsPositions && !request.DryRun)
        {
            converted = await HoldingsConversion.ConvertAsync(session, request.LockTimeout, cancellationToken);
        }
        return new SchemaChangeResult(outcome.FromVersion, outcome.ToVersion, outcome.Adopted?.Label,
            outcome.Steps.Select(Describe).ToList(), backupPath, converted, null, request.DryRun) { AdoptionChanges = outcome.AdoptionChanges };
    }

    internal static string Describe(MigrationStep step) =>
        $"{step.FromVersion} → {step.ToVersion}: {step.Migration.Name} ({step.Direction.ToString().ToLowerInvariant()})";
}
