using HkStrategy.Operations.Content;
using HkStrategy.Operations.Integrity;
using HkStrategy.Testing;

namespace HkStrategy.Data.Tests.Schema;

/// <summary>What every adopted prototype database must show.</summary>
internal static class PrototypeAssertions
{
    /// <summary>The seed's "current state": 5 portfolios, My_HKEX_ALL with 12 positions, HK$4,052,660.20; the integrity check clean.</summary>
    public static async Task AssertTheSeedsNumbersAsync(TestDatabase db)
    {
        await using var connection = await db.OpenAsync();
        var content = await ContentReader.ReadAsync(connection, null, CancellationToken.None);
        Assert.Equal(5, content.Portfolios.Count);
        Assert.Equal(12, content.Portfolios.Single(p => p.PortfolioId == "My_HKEX_ALL").Positions);
        Assert.Equal(4_052_660.20m, content.TotalMarketValue);
        await AssertCleanAsync(db);
    }

    /// <summary>hks check finds no error.</summary>
    public static async Task AssertCleanAsync(TestDatabase db)
    {
        var findings = await new IntegrityCheck(db.Migrator).RunAsync(db.Database, CancellationToken.None);
        Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
    }
}
