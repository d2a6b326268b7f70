using System.Globalization;
using HkStrategy.Core.Ledger;
using HkStrategy.Data.Activities;
using HkStrategy.Operations.Ledger;
using HkStrategy.Testing;

namespace HkStrategy.Operations.Tests.Ledger;

/// <summary>
/// What each kind of activity does to its position, recorded in PostgreSQL: scrip dividends and transfers in add shares
/// at their cost, a transfer out takes them at the average cost without a profit, an opening balance sets the holding,
/// and cash (deposits, withdrawals, fees, dividends) leaves the shares as they are. Each is journalled, and the
/// positions agree with the ledger after every one.
/// </summary>
public sealed class EveryActivityTypeTests
{
    private const string Portfolio = "My_HKEX_ALL";
    private const string Symbol = "2318.HK";
    private static readonly CancellationToken None = CancellationToken.None;

    private static ActivityDraft Draft(ActivityType type, string day) => new()
    {
        PortfolioId = Portfolio, Type = type, TradeDate = DateOnly.Parse(day, CultureInfo.InvariantCulture),
    };

    private static ActivityDraft Shares(ActivityType type, string day, int quantity, decimal? price = null) =>
        Draft(type, day) with { Symbol = Symbol, Quantity = quantity, Price = price };

    private static async Task<string> PositionAsync(TestDatabase db) =>
        await db.ScalarAsync<string?>("SELECT quantity || ' @ ' || avg_cost FROM portfolio_positions WHERE portfolio_id = @Portfolio AND symbol = @Symbol",
            new { Portfolio, Symbol }) ?? "none";

    private static async Task<string> AllPositionsAsync(TestDatabase db) =>
        string.Join("; ", await db.QueryAsync<string>(
            "SELECT symbol || ' ' || quantity || ' @ ' || avg_cost FROM portfolio_positions WHERE portfolio_id = @Portfolio ORDER BY symbol", new { Portfolio }));

    private static async Task<long> JournalledAsync(TestDatabase db, long id) =>
        await db.ScalarAsync<long>("SELECT COUNT(*) FROM activity_journal WHERE activity_id = @id", new { id });

    private static async Task BuyAsync(Npgsql.NpgsqlConnection connection) =>
        await LedgerChanges.AddAsync(connection, Shares(ActivityType.Buy, "2024-06-03", 5000, 18m) with { Fees = FeesChoice.Given(0m) }, None);

    [Fact]
    public async Task AScripDividend_AddsItsSharesAtTheReferencePrice_WithoutCosts()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await using var connection = await db.OpenAsync();
        await BuyAsync(connection);

        var scrip = await LedgerChanges.AddAsync(connection, Shares(ActivityType.ScripDividend, "2024-07-15", 200, 17.50m), None);

        Assert.Equal(0m, scrip.Activity.Fees.Total);
        Assert.Null(scrip.RealizedPnl);
        Assert.Equal("5200 @ 17.981", await PositionAsync(db)); // (90,000 + 200 × 17.50) / 5,200 = 17.98077
        Assert.Equal(1, await JournalledAsync(db, scrip.Activity.Id));
        await LedgerAgreement.AssertAsync(db);
    }

    [Fact]
    public async Task ATransferIn_BringsSharesAtTheirCost_AndATransferOut_TakesThemAtTheAverageCostWithoutAProfit()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await using var connection = await db.OpenAsync();

        await LedgerChanges.AddAsync(connection, Shares(ActivityType.TransferIn, "2024-06-03", 1000, 40m), None);
        await LedgerChanges.AddAsync(connection, Shares(ActivityType.TransferIn, "2024-06-04", 1000, 42m), None);
        var leaving = await LedgerChanges.AddAsync(connection, Shares(ActivityType.TransferOut, "2024-06-05", 500), None);

        Assert.Null(leaving.RealizedPnl);
        Assert.Equal("1500 @ 41.000", await PositionAsync(db));
        await LedgerAgreement.AssertAsync(db);
    }

    [Fact]
    public async Task ATransferOutOfMoreThanIsHeld_IsRefused_AndNothingIsWritten()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await using var connection = await db.OpenAsync();
        await BuyAsync(connection);
        var activities = await db.ScalarAsync<long>("SELECT COUNT(*) FROM activities");

        var refusal = await Assert.ThrowsAsync<OversoldException>(() =>
            LedgerChanges.AddAsync(connection, Shares(ActivityType.TransferOut, "2024-06-04", 5001), None));

        Assert.Contains("5,001", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(activities, await db.ScalarAsync<long>("SELECT COUNT(*) FROM activities"));
        Assert.Equal("5000 @ 18.000", await PositionAsync(db));
    }

    [Fact]
    public async Task AnOpeningBalance_SetsTheHolding_WhateverCameBefore()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await using var connection = await db.OpenAsync();
        await BuyAsync(connection);

        await LedgerChanges.AddAsync(connection, Shares(ActivityType.Opening, "2024-06-10", 3000, 45.125m), None);

        Assert.Equal("3000 @ 45.125", await PositionAsync(db));
        await LedgerAgreement.AssertAsync(db);
    }

    [Fact]
    public async Task CashActivities_AreRecordedAndJournalled_AndLeaveEveryPositionAsItWas()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await using var connection = await db.OpenAsync();
        await BuyAsync(connection);
        var before = await AllPositionsAsync(db);

        var recorded = new List<RecordedActivity>
        {
            await LedgerChanges.AddAsync(connection, Draft(ActivityType.Deposit, "2024-06-03") with { Amount = 100_000m }, None),
            await LedgerChanges.AddAsync(connection, Draft(ActivityType.Withdrawal, "2024-06-20") with { Amount = 40_000m }, None),
            await LedgerChanges.AddAsync(connection, Draft(ActivityType.Fee, "2024-06-28") with { Amount = 120m, Note = "custody fee" }, None),
            await LedgerChanges.AddAsync(connection, Draft(ActivityType.Dividend, "2024-07-15") with { Symbol = Symbol, Amount = 4_300m }, None),
        };

        Assert.Equal(before, await AllPositionsAsync(db));
        Assert.Equal([100_000m, 40_000m, 120m, 4_300m], recorded.Select(r => r.Activity.AmountHkd));
        Assert.All(recorded, r => Assert.Null(r.RealizedPnl));
        foreach (var r in recorded)
        {
            Assert.Equal(1, await JournalledAsync(db, r.Activity.Id));
        }
        Assert.Equal(["deposit 100000.00", "withdrawal 40000.00", "fee 120.00", "dividend 4300.00"], await db.QueryAsync<string>(
            "SELECT activity_type || ' ' || amount FROM activities WHERE portfolio_id = @Portfolio AND activity_type IN ('deposit', 'withdrawal', 'fee', 'dividend') ORDER BY trade_date, id", new { Portfolio }));
        await LedgerAgreement.AssertAsync(db);
    }

    [Theory]
    [InlineData(ActivityType.Deposit, "SymbolRequired")]
    [InlineData(ActivityType.TransferIn, "PriceRequired")]
    [InlineData(ActivityType.TransferOut, "PriceNotUsed")]
    [InlineData(ActivityType.ScripDividend, "PriceRequired")]
    public async Task AnActivityMissingWhatItsKindNeeds_IsRefused_BeforeAnythingIsWritten(ActivityType type, string refusal)
    {
        await using var db = await DemoDatabases.SeededAsync();
        await using var connection = await db.OpenAsync();
        var activities = await db.ScalarAsync<long>("SELECT COUNT(*) FROM activities");
        var draft = type switch
        {
            ActivityType.Deposit => Draft(type, "2024-06-03") with { Symbol = Symbol, Amount = 1_000m },
            ActivityType.TransferOut => Shares(type, "2024-06-03", 100, 40m),
            _ => Shares(type, "2024-06-03", 100),
        };

        var refused = await Assert.ThrowsAnyAsync<HkStrategy.Core.Failures.HksException>(() => LedgerChanges.AddAsync(connection, draft, None));

        Assert.Equal(refusal, refused.Name);
        Assert.Equal(activities, await db.ScalarAsync<long>("SELECT COUNT(*) FROM activities"));
    }
}
