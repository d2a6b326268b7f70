using System.Text;
using HkStrategy.Core.Failures;
using HkStrategy.Operations.Ledger.Exchange;
using HkStrategy.Testing;

namespace HkStrategy.Operations.Tests.Ledger;

/// <summary>
/// An import writes what its preview showed or nothing: it is planned again under the portfolio's ledger lock, so
/// one file imported twice at once adds its activities once.
/// </summary>
public sealed class ActivityImportingTests
{
    private const string Portfolio = "My_HKEX_ALL";
    private static readonly CancellationToken None = CancellationToken.None;

    private const string Csv = """
        date,type,symbol,quantity,price,amount,fees
        2024-06-03,buy,2800.HK,5000,18.02,,auto
        2024-06-04,sell,2800.HK,1000,18.5,,auto
        2024-06-04,dividend,2800.HK,,,240,
        2024-06-05,deposit,,,,100000,
        """;

    private static ActivityFile File() =>
        ActivityCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Csv)), "trades.csv", Portfolio, ActivityCsvReader.Mapping(null));

    private const string Added = "SELECT COUNT(*) FROM activities WHERE portfolio_id = 'My_HKEX_ALL' AND activity_type IN ('buy', 'sell', 'dividend', 'deposit')";

    [Fact]
    public async Task APreviewOvertakenByAnotherImportOfTheFile_IsRefused_AndTheFileIsAddedOnce()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await using var first = await db.OpenAsync();
        await using var second = await db.OpenAsync();
        var seen = await ActivityImporting.PlanAsync(first, Portfolio, File(), None);
        var alsoSeen = await ActivityImporting.PlanAsync(second, Portfolio, File(), None);

        var applied = await ActivityImporting.ApplyAsync(first, seen, None);
        var refused = await Assert.ThrowsAsync<HksException>(() => ActivityImporting.ApplyAsync(second, alsoSeen, None));

        Assert.Equal(4, applied.Added);
        Assert.Equal("LedgerChangedSincePreview", refused.Name);
        Assert.Contains("4 new activities then, 0 now", refused.Message, StringComparison.Ordinal);
        Assert.Equal(4, await db.ScalarAsync<long>(Added));
        Assert.Equal(4000, await db.ScalarAsync<int>("SELECT quantity FROM portfolio_positions WHERE portfolio_id = @Portfolio AND symbol = '2800.HK'", new { Portfolio }));
    }

    [Fact]
    public async Task TwoImportsOfOneFileAtOnce_AddItOnce()
    {
        await using var db = await DemoDatabases.SeededAsync();

        async Task<string> ImportAsync()
        {
            await using var connection = await db.OpenAsync();
            try
            {
                var plan = await ActivityImporting.PlanAsync(connection, Portfolio, File(), None);
                return $"added {(await ActivityImporting.ApplyAsync(connection, plan, None)).Added}";
            }
            catch (HksException e) when (e.Name == "LedgerChangedSincePreview")
            {
                return "refused";
            }
        }
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(ImportAsync)));

        Assert.Single(outcomes, o => o == "added 4");
        Assert.All(outcomes.Where(o => o != "added 4"), o => Assert.True(o is "refused" or "added 0", o));
        Assert.Equal(4, await db.ScalarAsync<long>(Added));
    }
}
