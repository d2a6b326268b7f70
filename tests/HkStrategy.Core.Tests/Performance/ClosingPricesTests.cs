using HkStrategy.Core.Performance;

namespace HkStrategy.Core.Tests.Performance;

public sealed class ClosingPricesTests
{
    private static DateOnly Day(int june) => new(2024, 6, june);

    private static ClosingPrices Prices()
    {
        var prices = new ClosingPrices();
        prices.Add("0001.HK", [Day(3), Day(4), Day(6)], [10m, 11m, 12m]);
        return prices;
    }

    [Fact]
    public void ACursor_AnswersAsTheBinarySearchDoes_WhetherTheDaysGoForwardBackOrRepeat()
    {
        var prices = Prices();
        var cursor = prices.CursorOf("0001.HK")!;
        int[] asked = [1, 3, 3, 5, 6, 9, 4, 2, 6, 5];
        foreach (var june in asked)
        {
            Assert.Equal(prices.On("0001.HK", Day(june)), cursor.On(Day(june)));
        }
        Assert.Null(cursor.On(Day(2)));
        Assert.Equal(11m, cursor.On(Day(5)));
    }

    [Fact]
    public void ASymbolWithoutCloses_HasNoCursor()
    {
        Assert.Null(Prices().CursorOf("0005.HK"));
    }

    [Fact]
    public void ClosesGivenOutOfOrder_AreReadInDateOrder_EachWithItsOwnDay()
    {
        var prices = new ClosingPrices();
        prices.Add("0001.HK", [Day(6), Day(3), Day(4)], [12m, 10m, 11m]);

        Assert.Equal(10m, prices.On("0001.HK", Day(3)));
        Assert.Equal(11m, prices.On("0001.HK", Day(5)));
        Assert.Equal(12m, prices.CursorOf("0001.HK")!.On(Day(7)));
        Assert.Null(prices.On("0001.HK", Day(2)));
    }
}
