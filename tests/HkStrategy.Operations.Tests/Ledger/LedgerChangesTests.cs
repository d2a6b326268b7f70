using HkStrategy.Core.Failures;
using HkStrategy.Core.Ledger;
using HkStrategy.Data.Activities;
using HkStrategy.Operations.Ledger;
using HkStrategy.Operations.Safety;
using HkStrategy.Testing;

namespace HkStrategy.Operations.Tests.Ledger;

/// <summary>
/// Recording activities: every change derives its symbol's positions in the same transaction, so the ledger and the
/// positions agree after each one, and a change the chain cannot take is refused with nothing written.
/// </summary>
public sealed class LedgerChangesTests
{
    private const string Portfolio = "My_HKEX_ALL";
    private static readonly CancellationToken None = CancellationToken.None;

    private static ActivityDraft Trade(ActivityType type, string day, int quantity, decimal price, string symbol = "2318.HK") => new()
    {
        PortfolioId = Portfolio, Type = type, TradeDate = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
        Symbol = symbol, Quantity = quantity, Price = price,
    };

    private static async Task<string> PositionAsync(TestDatabase db, string symbol = "2318.HK") =>
        await db.ScalarAsync<string?>("SELECT quantity || ' @ ' || avg_cost FROM portfolio_positions WHERE portfolio_id = @Portfolio AND symbol = @symbol",
            new { Portfolio, symbol }) ?? "none";

    [Fact]
    public async Task ABuyOfANewSymbol_CreatesItsPosition_WithHongKongsCostsInTheAverageCost()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await using var connection = await db.OpenAsync();

        var recorded = await LedgerChanges.AddAsync(connection, Trade(ActivityType.Buy, "2024-06-03", 5000, 18.02m), None);

        // 90,100: stamp duty 91, SFC 2.43, AFRC 0.14, trading fee 5.09, CCASS 2.00
        Assert.Equal(100.66m, recorded.Activity.Fees.Total);
        Assert.Equal(new DateOnly(2024, 6, 5), recorded.Activity.SettlementDate);
        Assert.Equal("5000 @ 18.040", await PositionAsync(db)); // 90,200.66 / 5,000 = 18.040132
        Assert.Equal("Ping An Insurance", await db.ScalarAsync<string>("SELECT company_name FROM portfolio_positions WHERE symbol = '2318.HK'"));
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT COUNT(*) FROM activity_journal WHERE activity_id = @Id", new { recorded.Activity.Id }));
        await LedgerAgreement.AssertAsync(db);
    }

    [Fact]
    public async Task ABuyOfAHeldPosition_AveragesWithItsOpeningBalance()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await using var connection = await db.OpenAsync();
        var before = await PositionAsync(db, "0700.HK");

        await LedgerChanges.AddAsync(connection, Trade(ActivityType.Buy, "2026-11-23", 100, 500m, "0700.HK") with { Fees = FeesChoice.Given(0m) }, None);

        var (quantity, cost) = (int.Parse(before.Split(" @ ")[0], System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(before.Split(" @ ")[1], System.Globalization.CultureInfo.InvariantCulture));
        var expected = Math.Round((quantity * cost + 50_000m) / (quantity + 100), 3, MidpointRounding.AwayFromZero);
        Assert.Equal($"{quantity + 100} @ {expected:0.000}", await PositionAsync(db, "0700.HK"));
        await LedgerAgreement.AssertAsync(db);
    }

    [Fact]
    public async Task ASale_RealisesItsProfit_AndLeavesTheAverageCost()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await using var connection = await db.OpenAsync();
        await LedgerChanges.AddAsync(connection, Trade(ActivityType.Buy, "2024-06-03", 5000, 18.02m), None);

        var sale = await LedgerChanges.AddAsync(connection, Trade(ActivityType.Sell, "2024-06-11", 2000, 18.50m), None);

        // 37,000: stamp duty 37, SFC 1.00, AFRC 0.06, trading fee 2.09, CCASS 2.00 = 42.15; cost out 90,200.66 × 2/5 = 36,080.26
        Assert.Equal(42.15m, sale.Activity.Fees.Total);
        Assert.Equal(37_000m - 42.15m - 36_080.26m, sale.RealizedPnl);
        Assert.Equal("3000 @ 18.040", await PositionAsync(db));
        await LedgerAgreement.AssertAsync(db);
    }

    [Fact]
    public async Task ABackdatedSaleOfMoreThanWasHeldThen_IsRefused_AndNothingIsWritten()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await using var connection = await db.OpenAsync();
        await LedgerChanges.AddAsync(connection, Trade(ActivityType.Buy, "2024-06-03", 5000, 18.02m), None);
        var activities = await db.ScalarAsync<long>("SELECT COUNT(*) FROM activities");

        var refusal = await Assert.ThrowsAnyAsync<HksException>(() => LedgerChanges.AddAsync(connection, Trade(ActivityType.Sell, "2024-05-31", 100, 18m), None));

        Assert.Equal("SellsMoreThanHeld", refusal.Name);
        Assert.Equal(activities, await db.ScalarAsync<long>("SELECT COUNT(*) FROM activities"));
        Assert.Equal("5000 @ 18.040", await PositionAsync(db));
    }

    [Fact]
    public async Task EditingAnEarlierBuy_DerivesEveryLaterPositionAgain()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await using var connection = await db.OpenAsync();
        var buy = await LedgerChanges.AddAsync(connection, Trade(ActivityType.Buy, "2024-06-03", 5000, 18m) with { Fees = FeesChoice.Given(0m) }, None);
        var sale = await LedgerChanges.AddAsync(connection, Trade(ActivityType.Sell, "2024-06-11", 1000, 19m) with { Fees = FeesChoice.Given(0m) }, None);

        await LedgerChanges.EditAsync(connection, buy.Activity.Id, new ActivityEdit { Quantity = 6000 }, None);

        Assert.Equal("5000 @ 18.000", await PositionAsync(db));
        var stored = await ActivityStore.GetAsync(connection, sale.Activity.Id, None);
        Assert.Equal((5000, 18.000m), (stored.PositionQuantity, stored.PositionAvgCost));
        const string Journal = "SELECT change FROM activity_journal WHERE activity_id = @Id ORDER BY id";
        Assert.Equal(["added", "edited"], await db.QueryAsync<string>(Journal, new { buy.Activity.Id }));
        Assert.Equal(["added", "edited"], await db.QueryAsync<string>(Journal, new { sale.Activity.Id })); // the position it leaves moved
        await LedgerAgreement.AssertAsync(db);
    }

    [Fact]
    public async Task AnEditThatWouldOversellLater_IsRefused_AndTheActivityStaysAsItWas()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await using var connection = await db.OpenAsync();
        var buy = await LedgerChanges.AddAsync(connection, Trade(ActivityType.Buy, "2024-06-03", 5000, 18m), None);
        await LedgerChanges.AddAsync(connection, Trade(ActivityType.Sell, "2024-06-11", 4000, 19m), None);
        var snapshot = await TableSnapshot.TakeAsync(db);

        var refusal = await Assert.ThrowsAnyAsync<HksException>(() => LedgerChanges.EditAsync(connection, buy.Activity.Id, new ActivityEdit { Quantity = 3000 }, None));

        Assert.Equal("SellsMoreThanHeld", refusal.Name);
        Assert.Equal(snapshot, await TableSnapshot.TakeAsync(db));
    }

    [Fact]
    public async Task EditingATradesPrice_ComputesItsCostsAgain_ButContractNoteCostsAreKept()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await using var connection = await db.OpenAsync();
        var computed = await LedgerChanges.AddAsync(connection, Trade(ActivityType.Buy, "2024-06-03", 5000, 18.02m), None);
        var given = await LedgerChanges.AddAsync(connection, Trade(ActivityType.Buy, "2024-06-04", 1000, 18m) with { Fees = FeesChoice.Given(55.5m) }, None);

        var repriced = await LedgerChanges.EditAsync(connection, computed.Activity.Id, new ActivityEdit { Price = 20m }, None);
        var kept = await LedgerChanges.EditAsync(connection, given.Activity.Id, new ActivityEdit { Price = 18.1m }, None);

        Assert.Equal(100m + 2.70m + 0.15m + 5.65m + 2.00m, repriced.Activity.Fees.Total); // of 100,000
        Assert.Equal(55.5m, kept.Activity.Fees.Total);
    }

    [Fact]
    public async Task AnEtfTradeRecordedWithAShareStampDuty_IsComputedAgainWithoutIt_WhenEdited()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await using var connection = await db.OpenAsync();
        var recorded = await LedgerChanges.AddAsync(connection, Trade(ActivityType.Buy, "2024-06-03", 5000, 18.02m, "2800.HK"), None);
        // As hks computed it before it knew of the ETFs' waiver: 91 of stamp duty on 90,100
        await db.ExecuteAsync("UPDATE activities SET stamp_duty = 91 WHERE id = @Id", new { recorded.Activity.Id });

        var edited = await LedgerChanges.EditAsync(connection, recorded.Activity.Id, new ActivityEdit { Quantity = 6000 }, None);

        Assert.Equal(0m, recorded.Activity.Fees.StampDuty);
        Assert.Equal(0m, edited.Activity.Fees.StampDuty);
        Assert.Equal(2.92m + 0.16m + 6.11m + 2.16m, edited.Activity.Fees.Total); // of 108,120
    }

    [Fact]
    public async Task RemovingAnActivity_TakesAVerifiedBackupFirst_AndDerivesThePositionAgain()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await using var connection = await db.OpenAsync();
        var folder = Directory.CreateTempSubdirectory("hks-ledger-").FullName;
        var first = await LedgerChanges.AddAsync(connection, Trade(ActivityType.Buy, "2024-06-03", 5000, 18m) with { Fees = FeesChoice.Given(0m) }, None);
        var second = await LedgerChanges.AddAsync(connection, Trade(ActivityType.Buy, "2024-06-04", 5000, 20m) with { Fees = FeesChoice.Given(0m) }, None);
        var removal = new ActivityRemoval(db.Database, new SafetyBackup(folder, TimeProvider.System));

        var outcome = await removal.RemoveAsync(connection, second.Activity.Id, None);

        Assert.True(File.Exists(outcome.Backup));
        Assert.Equal("5000 @ 18.000", await PositionAsync(db));
        Assert.Equal("removed", await db.ScalarAsync<string>("SELECT change FROM activity_journal WHERE activity_id = @Id ORDER BY id DESC LIMIT 1", new { second.Activity.Id }));

        await removal.RemoveAsync(connection, first.Activity.Id, None);

        Assert.Equal("none", await PositionAsync(db)); // its ledger is empty: the position goes
        await LedgerAgreement.AssertAsync(db);
    }

    [Fact]
    public async Task RemovingABuyWhoseSharesWereSold_IsRefusedBeforeAnyBackup()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await using var connection = await db.OpenAsync();
        var folder = Directory.CreateTempSubdirectory("hks-ledger-").FullName;
        var buy = await LedgerChanges.AddAsync(connection, Trade(ActivityType.Buy, "2024-06-03", 5000, 18m), None);
        await LedgerChanges.AddAsync(connection, Trade(ActivityType.Sell, "2024-06-11", 1000, 19m), None);

        var refusal = await Assert.ThrowsAnyAsync<HksException>(() =>
            new ActivityRemoval(db.Database, new SafetyBackup(folder, TimeProvider.System)).RemoveAsync(connection, buy.Activity.Id, None));

        Assert.Equal("SellsMoreThanHeld", refusal.Name);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task TwoFirstBuysOfOneSymbolAtOnce_AreBothCounted()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await using var one = await db.OpenAsync();
        await using var two = await db.OpenAsync();

        await Task.WhenAll(
            LedgerChanges.AddAsync(one, Trade(ActivityType.Buy, "2024-06-03", 500, 18m) with { Fees = FeesChoice.Given(0m) }, None),
            LedgerChanges.AddAsync(two, Trade(ActivityType.Buy, "2024-06-03", 1000, 18m) with { Fees = FeesChoice.Given(0m) }, None));

        Assert.Equal("1500 @ 18.000", await PositionAsync(db));
        await LedgerAgreement.AssertAsync(db);
    }

    [Fact]
    public async Task ATradeInRenminbi_IsConvertedAtTheDaysStoredRate()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await using var connection = await db.OpenAsync();
        await db.ExecuteAsync("INSERT INTO daily_bars (symbol, trade_date, open, high, low, close) VALUES ('CNYHKD=X', '2024-05-31', 1.08, 1.09, 1.07, 1.081)");

        var recorded = await LedgerChanges.AddAsync(connection, Trade(ActivityType.Buy, "2024-06-03", 1000, 100m, "3988.HK") with
        {
            Currency = "CNY", Fees = FeesChoice.Given(0m),
        }, None);
        var missing = await Assert.ThrowsAnyAsync<HksException>(() => LedgerChanges.AddAsync(connection,
            Trade(ActivityType.Buy, "2024-06-03", 100, 100m, "3988.HK") with { Currency = "USD" }, None));

        Assert.Equal(1.081m, recorded.Activity.FxRate); // the Friday's close, the Monday being the first day after
        Assert.Equal("1000 @ 108.100", await PositionAsync(db, "3988.HK"));
        Assert.Equal("FxRateMissing", missing.Name);
        Assert.Contains("USDHKD=X", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOddLot_IsAccepted_WithAWarning()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await using var connection = await db.OpenAsync();

        var recorded = await LedgerChanges.AddAsync(connection, Trade(ActivityType.Buy, "2024-06-03", 250, 18m), None);

        Assert.Contains("board lots of 500", Assert.Single(recorded.Warnings), StringComparison.Ordinal);
    }
}
