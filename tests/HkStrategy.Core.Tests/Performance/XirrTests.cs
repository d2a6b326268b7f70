using HkStrategy.Core.Performance;

namespace HkStrategy.Core.Tests.Performance;

/// <summary>The money-weighted return, as a spreadsheet's XIRR computes it.</summary>
public sealed class XirrTests
{
    [Fact]
    public void TheSpreadsheetsOwnExample_Gives37_34Percent()
    {
        var rate = Xirr.Solve(
        [
            new(new DateOnly(2008, 1, 1), -10_000m), new(new DateOnly(2008, 3, 1), 2_750m), new(new DateOnly(2008, 10, 30), 4_250m),
            new(new DateOnly(2009, 2, 15), 3_250m), new(new DateOnly(2009, 4, 1), 2_750m),
        ]);

        Assert.Equal(0.373362535, rate!.Value, 7); // the spreadsheet stops within 0.000001%
    }

    [Fact]
    public void ALoss_IsANegativeRate()
    {
        Assert.Equal(-0.5, Xirr.Solve([new(new DateOnly(2023, 1, 2), -1_000m), new(new DateOnly(2024, 1, 2), 500m)])!.Value, 8);
    }

    [Fact]
    public void FlowsOfOneSign_HaveNoRate()
    {
        Assert.Null(Xirr.Solve([new(new DateOnly(2023, 1, 2), -1_000m), new(new DateOnly(2024, 1, 2), -500m)]));
    }

    [Fact]
    public void ARateBeyondAnyMeaning_IsNone_NotAnOverflow()
    {
        // 40% in one day: 1.4^365 − 1 is about 10^53, past a decimal's range
        DatedFlow[] flows = [new(new DateOnly(2024, 6, 3), -10_000m), new(new DateOnly(2024, 6, 4), 14_000m)];

        Assert.True(Xirr.Solve(flows) is null or > Xirr.LargestShown);
        Assert.Null(Xirr.Rate(flows));
    }

    [Fact]
    public void ALargeButMeaningfulRate_IsShown()
    {
        DatedFlow[] flows = [new(new DateOnly(2024, 6, 3), -10_000m), new(new DateOnly(2024, 6, 4), 10_100m)];

        Assert.Equal(Math.Round(Math.Pow(1.01, 365) - 1, 4), Math.Round((double)Xirr.Rate(flows)!.Value, 4)); // 1% a day: 3,678% a year
    }
}
