using HkStrategy.Core.Ledger;

namespace HkStrategy.Core.Tests.Ledger;

public sealed class LedgerOrderTests
{
    private static Activity Of(long id, int june) => new()
    {
        Id = id, PortfolioId = "P", Type = ActivityType.Deposit, TradeDate = new DateOnly(2024, 6, june), Amount = 1m,
    };

    [Fact]
    public void ActivitiesComeByTradeDate_ThenAsRecorded_WithOneNotStoredYetLastOfItsDay()
    {
        Activity[] given = [Of(7, 4), Of(0, 3), Of(5, 3), Of(2, 4), Of(9, 3)];

        Assert.Equal([5L, 9, 0, 2, 7], LedgerOrder.Sorted(given).Select(a => a.Id));
    }

    [Fact]
    public void AListAlreadyInOrder_IsKeptAsItIs()
    {
        Activity[] given = [Of(1, 3), Of(4, 3), Of(2, 5)];

        var sorted = LedgerOrder.Sorted(given);

        Assert.True(given.Zip(sorted).All(pair => ReferenceEquals(pair.First, pair.Second)));
    }

    [Fact]
    public void ActivitiesNotStoredYetOnOneDay_KeepTheOrderTheyCameIn_AmongAThousandShuffled()
    {
        var random = new Random(11);
        var notStored = Enumerable.Range(0, 20).Select(i => Of(0, 15) with { Amount = i }).ToList();
        var given = Enumerable.Range(1, 1000).Select(id => Of(id, 1 + random.Next(28))).Concat(notStored).OrderBy(_ => random.Next()).ToList();

        var sorted = LedgerOrder.Sorted(given);

        Assert.Equal(given.OrderBy(a => a.TradeDate).ThenBy(a => a.Id == 0 ? long.MaxValue : a.Id).Select(a => a.Id), sorted.Select(a => a.Id));
        Assert.Equal(given.Where(a => a.Id == 0).Select(a => a.Amount), sorted.Where(a => a.Id == 0).Select(a => a.Amount)); // in the order given
    }
}
