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

    [Fact]
    public void ClosesOfThreeDecimals_AreAlsoReadAsWholeThousandths_InDateOrder()
    {
        var prices = new ClosingPrices();
        prices.Add("0001.HK", [Day(6), Day(3)], [12.345m, 0.001m]);
        prices.AddThousandths("0002.HK", [Day(6), Day(3)], [-5, 2_147_483_647]);

        var first = prices.CursorOf("0001.HK")!;
        Assert.Equal([null, 1L, 12_345L], new[] { Day(2), Day(3), Day(7) }.Select(d => first.ThousandthsOn(d)));
        var second = prices.CursorOf("0002.HK")!;
        Assert.Equal((2_147_483_647L, 2_147_483.647m), (second.ThousandthsOn(Day(4)), second.On(Day(4))));
        Assert.Equal((-5L, -0.005m), (second.ThousandthsOn(Day(6)), second.On(Day(6))));
    }

    [Fact]
    public void ASymbolWithACloseOfFourDecimalsOrAHugeOne_IsReadAsDecimalsOnly()
    {
        var prices = new ClosingPrices();
        prices.Add("0001.HK", [Day(3), Day(4)], [10m, 10.0001m]);
        prices.Add("0002.HK", [Day(3)], [2_147_483.648m]);
        prices.AddThousandths("0003.HK", [Day(3)], [2_147_483_648]);

        Assert.Null(prices.CursorOf("0001.HK")!.ThousandthsOn(Day(3)));
        Assert.Equal(10m, prices.CursorOf("0001.HK")!.On(Day(3)));
        Assert.Null(prices.CursorOf("0002.HK")!.ThousandthsOn(Day(3)));
        Assert.Null(prices.CursorOf("0003.HK")!.ThousandthsOn(Day(3)));
        Assert.Equal(2_147_483.648m, prices.CursorOf("0003.HK")!.On(Day(3)));
    }
}
