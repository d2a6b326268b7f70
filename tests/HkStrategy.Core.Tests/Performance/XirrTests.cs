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
}
