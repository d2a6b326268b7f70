using HkStrategy.Operations.Integrity;
using HkStrategy.Testing;

namespace HkStrategy.Operations.Tests.Integrity;

/// <summary><c>hks check</c> verifies that every position is what the ledger's activities leave.</summary>
public sealed class LedgerCheckTests
{
    [Fact]
    public async Task TheDemoState_AndPositionsWrittenDirectly_AgreeWithTheLedger()
    {
        await using var db = await DemoDatabases.RichAsync();
        await db.ExecuteAsync("UPDATE portfolio_positions SET quantity = 450 WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK'");

        var ledger = Assert.Single(await LedgerFindingsAsync(db));

        Assert.Equal(Severity.Ok, ledger.Severity);
    }

    [Fact]
    public async Task APositionChangedBehindTheLedgersBack_IsNamed_WithBothStates()
    {
        await using var db = await DemoDatabases.SeededAsync();
        // As if the recording trigger had been bypassed: hks.deriving is what hks sets when it writes derived positions.
        await db.ExecuteAsync("""
            SET hks.deriving = 'on';
            UPDATE portfolio_positions SET quantity = 450 WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0700.HK';
            DELETE FROM portfolio_positions WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0005.HK';
            RESET hks.deriving;
            """);

        var findings = await LedgerFindingsAsync(db);

        Assert.All(findings, f => Assert.Equal(Severity.Error, f.Severity));
        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Message.StartsWith("My_HKEX_ALL 0005.HK: the position holds nothing, its activities leave 13,428 at", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Message.StartsWith("My_HKEX_ALL 0700.HK: the position holds 450 at", StringComparison.Ordinal));
    }

    private static async Task<List<Finding>> LedgerFindingsAsync(TestDatabase db) =>
        [.. (await new IntegrityCheck(db.Migrator).RunAsync(db.Database, CancellationToken.None)).Where(f => f.Check == "ledger")];
}
