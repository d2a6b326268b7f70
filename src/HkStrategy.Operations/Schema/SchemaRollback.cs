using Dapper;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Safety;

namespace HkStrategy.Operations.Schema;

/// <summary>What a rollback will do, shown to the user before they confirm it.</summary>
public sealed record RollbackPlan(int FromVersion, int ToVersion, string? KeepPortfolio, IReadOnlyList<MigrationStep> Steps, IReadOnlyList<string> ArchivedPortfolios);

/// <summary>
/// <c>hks db rollback --to N</c>: plans (which portfolio version 1 keeps), then takes a verified backup and runs the
/// down migrations, each in one transaction. Nothing is dropped: what version 1 cannot hold goes to hks_archive.
/// </summary>
public sealed class SchemaRollback(SchemaMigrator migrator, SafetyBackup backup)
{
    public async Task<RollbackPlan> PlanAsync(Database database, SchemaChangeRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var state = await migrator.InspectAsync(connection, cancellationToken);
        SchemaGuard.Verify(state);
        if (!state.IsRecorded && state.Detected.Shape == SchemaShape.PrototypeMultiPortfolio)
        {
            // Its rows are not yet in hks's shape (portfolio_id may be missing): a rollback planned from them would be wrong.
            throw HksException.Usage("AdoptFirst",
                $"the database is {state.Detected.Label}: adopt it first with 'hks db migrate --to 2' (a verified backup, then every change printed), then roll back");
        }
        var current = state.CurrentVersion!.Value;
        var target = request.TargetVersion ?? throw HksException.Usage("TargetRequired", "say which version to go back to with --to N");
        if (target >= current || target < 0)
        {
            throw HksException.Usage("NothingToRollBack", $"the database is at version {current}: --to must be lower (0 to {current - 1})");
        }
        var steps = migrator.Plan(current, target);
        if (target == 0 && await connection.ExecuteScalarAsync<bool>(RowsThatVersion0CannotHold, cancellationToken))
        {
            throw HksException.Refused("WouldLoseData",
                "version 0 is an empty database: going there would drop the portfolios' rows (and any rollback archive); nothing was changed");
        }
        if (!steps.Any(s => s.Migration.Version == 2))
        {
            return new RollbackPlan(current, target, null, steps, []);
        }
        if (await connection.ExecuteScalarAsync<long>(NullPortfolioIds, cancellationToken) is > 0 and var rows)
        {
            throw HksException.Refused("NullPortfolioIds",
                $"{rows} position, signal or price row(s) have no portfolio_id and could not be told apart from the kept portfolio's rows; give them a portfolio first");
        }
        var withPositions = (await connection.QueryAsync<string>(
            "SELECT DISTINCT portfolio_id FROM portfolio_positions WHERE portfolio_id IS NOT NULL ORDER BY portfolio_id", cancellationToken)).ToList();
        var keep = request.KeepPortfolio ?? (withPositions.Count == 1 ? withPositions[0] : null);
        if (keep is null && withPositions.Count > 1)
        {
            throw HksException.Usage("KeepPortfolioRequired",
                $"version 1 holds one portfolio: choose it with --keep-portfolio ({string.Join(", ", withPositions)} have positions; the others' rows are archived, not lost)");
        }
        var portfolios = (await connection.QueryAsync<string>(
            "SELECT portfolio_id FROM portfolios ORDER BY portfolio_id", cancellationToken)).ToList();
        if (keep is not null && !portfolios.Contains(PortfolioId.Require(keep), StringComparer.Ordinal))
        {
            throw HksException.Usage("KeepPortfolioMissing", $"there is no portfolio '{keep}' to keep (portfolios: {string.Join(", ", portfolios)})");
        }
        return new RollbackPlan(current, target, keep, steps, portfolios.Where(p => p != keep).ToList());
    }

    private const string RowsThatVersion0CannotHold = """
        SELECT to_regnamespace('hks_archive') IS NOT NULL
            OR EXISTS (SELECT 1 FROM portfolio_positions) OR EXISTS (SELECT 1 FROM trading_signals)
            OR EXISTS (SELECT 1 FROM price_history) OR EXISTS (SELECT 1 FROM portfolio_analyses)
            OR (to_regclass('public.portfolios') IS NOT NULL AND EXISTS (SELECT 1 FROM portfolios))
        """;

    private const string NullPortfolioIds = """
        SELECT (SELECT COUNT(*) FROM portfolio_positions WHERE portfolio_id IS NULL)
             + (SELECT COUNT(*) FROM trading_signals WHERE portfolio_id IS NULL)
             + (SELECT COUNT(*) FROM price_history WHERE portfolio_id IS NULL)
        """;

    public async Task<SchemaChangeResult> ExecuteAsync(Database database, RollbackPlan plan, SchemaChangeRequest request, CancellationToken cancellationToken)
    {
        string? backupPath = null;
        if (!request.DryRun)
        {
            backupPath = (await backup.TakeAsync(database, "pre_rollback", cancellationToken)).Path;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var outcome = await migrator.MigrateAsync(connection, new MigrationOptions
        {
            TargetVersion = plan.ToVersion,
            Settings = new Dictionary<string, string> { ["keep_portfolio"] = plan.KeepPortfolio ?? "" },
            LockTimeout = request.LockTimeout,
            DryRun = request.DryRun ? request.DryRunOutput ?? TextWriter.Null : null,
        }, cancellationToken);
        return new SchemaChangeResult(outcome.FromVersion, outcome.ToVersion, outcome.Adopted?.Label,
            outcome.Steps.Select(SchemaUpgrade.Describe).ToList(), backupPath, 0, plan.KeepPortfolio, request.DryRun);
    }
}
