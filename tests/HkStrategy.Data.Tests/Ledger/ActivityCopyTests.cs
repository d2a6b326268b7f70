using HkStrategy.Core.Costs;
using HkStrategy.Core.Ledger;
using HkStrategy.Data.Activities;
using HkStrategy.Testing;

namespace HkStrategy.Data.Tests.Ledger;

/// <summary>
/// The ledger's binary COPY, written by hand: every value comes back as it was given, nulls, a note larger than the
/// writer's buffer, text beyond ASCII and numerics of every scale the table holds.
/// </summary>
public sealed class ActivityCopyTests
{
    [Fact]
    public async Task EveryValue_ComesBackAsItWasWritten()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var longNote = string.Concat(Enumerable.Repeat("港股 dividend, ", 7000)); // ~100 KB of UTF-8: more than one buffer
        Activity[] written =
        [
            new()
            {
                PortfolioId = "My_HKEX_ALL", Type = ActivityType.Buy, TradeDate = new(2024, 6, 3), SettlementDate = new(2024, 6, 5), Symbol = "0700.HK",
                Quantity = 100, Price = 350.125m, Amount = 35012.50m, Currency = "USD", FxRate = 7.81234567m,
                Fees = new TradeCosts(36m, 0.95m, 0.05m, 1.98m, 2m, 0.01m), Note = longNote, Leaves = Holding.At(100, 350.537m),
            },
            new()
            {
                PortfolioId = "My_HKEX_ALL", Type = ActivityType.Split, TradeDate = new(2024, 6, 4), Symbol = "0700.HK", Ratio = new SplitRatio(1, 10),
                Note = null, Leaves = Holding.At(1000, 35.054m),
            },
            new() { PortfolioId = "My_HKEX_ALL", Type = ActivityType.Fee, TradeDate = new(2024, 6, 5), Amount = 0.01m, Note = "零" },
        ];
        await using var connection = await db.OpenAsync();

        Assert.Equal(3, await ActivityCopy.WriteAsync(connection, written, CancellationToken.None));

        var read = (await ActivityStore.ListAsync(connection, "My_HKEX_ALL", new ActivityFilter(From: new DateOnly(2024, 6, 1), To: new DateOnly(2024, 6, 30)), CancellationToken.None))
            .Select(s => s.ToActivity() with { Id = 0 }).ToList();
        Assert.Equal(written, read);
        Assert.Equal(longNote, read[0].Note);
    }
}
