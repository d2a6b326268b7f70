using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Content;
using HkStrategy.Operations.Integrity;
using HkStrategy.Operations.Validation;

namespace HkStrategy.Operations.Restore;

/// <summary>What was found on a restored database: the integrity check's findings and the recovery checklist's items.</summary>
public sealed record RestoreCheckResult(IReadOnlyList<Finding> Findings, IReadOnlyList<ChecklistItem> Checklist)
{
    public bool Passed => Findings.All(f => f.Severity != Severity.Error) && Checklist.All(i => i.Passed);

    public IEnumerable<string> Failures =>
        Findings.Where(f => f.Severity == Severity.Error).Select(f => $"{f.Check}: {f.Message}")
            .Concat(Checklist.Where(i => !i.Passed).Select(i => $"{i.Item} ({i.Detail})"));
}

/// <summary>
/// Runs on a restored database before anyone may write to it: the integrity check, then the seed's recovery checklist
/// against what the restore validated (the schema version it brought back, portfolios, the largest portfolio's positions, the total value, exactly).
/// </summary>
public static class RestoreChecks
{
    public static async Task<RestoreCheckResult> RunAsync(DatabaseTarget restored, MigrationCatalog catalog, ContentSummary expected, int? schemaVersion, CancellationToken cancellationToken)
    {
        await using var database = new Database(restored);
        var migrator = new SchemaMigrator(catalog);
        var findings = await new IntegrityCheck(migrator).RunAsync(database, cancellationToken);
        var largest = expected.Portfolios.OrderByDescending(p => p.Positions).FirstOrDefault();
        using var http = new HttpClient();
        var checklist = await new RecoveryValidation(migrator, http).RunAsync(database, new ValidationExpectations
        {
            Portfolios = expected.Portfolios.Count,
            Portfolio = largest?.PortfolioId,
            Positions = largest?.Positions,
            TotalValue = expected.TotalMarketValue,
            TolerancePercent = 0,
            SchemaVersion = schemaVersion ?? 0,
        }, cancellationToken);
        return new RestoreCheckResult(findings, checklist);
    }
}
