using HkStrategy.Cli.Commands.Check;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Integrity;

namespace HkStrategy.Cli.Commands.Restore;

/// <summary>The integrity check run on a restored database, as lines for the report.</summary>
internal static class PostRestoreChecks
{
    public static async Task<IReadOnlyList<string>> RunAsync(DatabaseTarget restored, CancellationToken cancellationToken)
    {
        await using var database = new Database(restored);
        var findings = await new IntegrityCheck(new SchemaMigrator(MigrationCatalog.Embedded)).RunAsync(database, cancellationToken);
        return FindingLines.Format(findings).ToList();
    }
}
