using System.Globalization;
using HkStrategy.Core.Costs;
using HkStrategy.Core.Ledger;
using HkStrategy.Data.Activities;
using HkStrategy.Testing;

namespace HkStrategy.Data.Tests.Ledger;

/// <summary>
/// The ledger as a performance report reads it, its numerics sent as whole numbers of their smallest unit: every value
/// the columns can hold comes back exactly, with its scale, as the full rows give it.
/// </summary>
public sealed class ReplayActivitiesTests
{
    [Fact]
    public async Task EveryNumericTheColumnsHold_ComesBackExactly_AsTheFullRowsGiveIt()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await db.ExecuteAsync("INSERT INTO portfolios (portfolio_id, name) VALUES ('Replay', 'Replay')");
        Activity[] written =
        [
            new()
            {
                PortfolioId = "Replay", Type = ActivityType.Buy, TradeDate = new(2024, 6, 3), Symbol = "0700.HK", Quantity = int.MaxValue,
                Price = 9_999_999.999m, Currency = "USD", FxRate = 999_999.99999999m,
                Fees = new TradeCosts(9_999_999_999.99m, 0.01m, 0m, 1234.5m, 2m, 100m), Leaves = Holding.At(1, 1m),
            },
            new()
            {
                PortfolioId = "Replay", Type = ActivityType.Adjustment, TradeDate = new(2024, 6, 4), Symbol = "0700.HK", Quantity = 0, Price = 0.001m,
                Amount = -99_999_999_999_999.99m, FxRate = 0.00000001m, Leaves = Holding.At(0, 0m),
            },
            new() { PortfolioId = "Replay", Type = ActivityType.Deposit, TradeDate = new(2024, 6, 5), Amount = 99_999_999_999_999.99m },
            new() { PortfolioId = "Replay", Type = ActivityType.Split, TradeDate = new(2024, 6, 6), Symbol = "0700.HK", Ratio = new SplitRatio(1, 10), Leaves = Holding.At(0, 0m) },
            new() { PortfolioId = "Replay", Type = ActivityType.Fee, TradeDate = new(2024, 6, 7), Amount = 18.02m, FxRate = 1m },
        ];
        await using var connection = await db.OpenAsync();
        await ActivityCopy.WriteAsync(connection, written, CancellationToken.None);

        List<Activity> replayed;
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            replayed = await ReplayActivities.ReadAsync(connection, transaction, "Replay", CancellationToken.None);
        }
        var stored = (await ActivityStore.ListAsync(connection, "Replay", new ActivityFilter(), CancellationToken.None)).Select(s => s.ToActivity());

        static string Shown(Activity a) => string.Join(" | ", a.Id, a.Type, a.TradeDate, a.Symbol, a.Quantity, Exact(a.Price), Exact(a.Amount), a.Currency,
            Exact(a.FxRate), a.Ratio, Exact(a.Fees.StampDuty), Exact(a.Fees.SfcLevy), Exact(a.Fees.AfrcLevy), Exact(a.Fees.TradingFee),
            Exact(a.Fees.SettlementFee), Exact(a.Fees.Commission));
        Assert.Equal(stored.OrderBy(a => a.Id).Select(Shown), replayed.OrderBy(a => a.Id).Select(Shown));
        Assert.Equal("-99999999999999.99", replayed.Single(a => a.Type == ActivityType.Adjustment).Amount!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("0.00000001", Exact(replayed.Single(a => a.Type == ActivityType.Adjustment).FxRate)); // NUMERIC(14,8): the column's scale
    }

    /// <summary>The decimal with its scale (18.020 is not 18.02 as text).</summary>
    private static string Exact(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";
}
