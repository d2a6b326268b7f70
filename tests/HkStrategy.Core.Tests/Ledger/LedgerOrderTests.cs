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
}
