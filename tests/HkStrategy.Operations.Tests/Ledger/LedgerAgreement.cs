using HkStrategy.Operations.Integrity;
using HkStrategy.Operations.Safety;
using HkStrategy.Testing;

namespace HkStrategy.Operations.Tests.Ledger;

/// <summary>The assertion every ledger change ends with: <c>hks check</c> finds the positions equal to what the ledger derives.</summary>
internal static class LedgerAgreement
{
    public static async Task AssertAsync(TestDatabase db) =>
        Assert.All((await new IntegrityCheck(db.Migrator).RunAsync(db.Database, CancellationToken.None)).Where(f => f.Check == "ledger"),
            f => Assert.Equal(Severity.Ok, f.Severity));
}
