using HkStrategy.Cli.Commands.Check;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Content;
using HkStrategy.Operations.Validation;

namespace HkStrategy.Cli.Commands.Restore;

/// <summary>What runs on a restored database before the report: the integrity check, then the recovery checklist.</summary>
internal static class PostRestoreChecks
{
    public static async Task<IReadOnlyList<string>> RunAsync(DatabaseTarget restored, ContentSummary expected, CancellationToken cancellationToken)
    {
        await using var database = new Database(restored);
        var migrator = new SchemaMigrator(MigrationCatalog.Embedded);
        var findings = await new HkStrategy.Operations.Integrity.IntegrityCheck(migrator).RunAsync(database, cancellationToken);
        var largest = expected.Portfolios.OrderByDescending(p => p.Positions).FirstOrDefault();
        using var http = new HttpClient();
        var checklist = await new RecoveryValidation(migrator, http).RunAsync(database, new ValidationExpectations
        {
            Portfolios = expected.Portfolios.Count,
            Portfolio = largest?.PortfolioId,
            Positions = largest?.Positions,
            TotalValue = expected.TotalMarketValue,
            TolerancePercent = 0,
        }, cancellationToken);
        return FindingLines.Format(findings).Concat(checklist.Select(i => $"[{i.Mark}] {i.Item} — {i.Detail}")).ToList();
    }
}
