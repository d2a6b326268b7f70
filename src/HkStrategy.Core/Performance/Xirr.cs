namespace HkStrategy.Core.Performance;

/// <summary>A dated amount of money: negative when the investor pays in, positive when money comes back.</summary>
public readonly record struct DatedFlow(DateOnly Day, decimal Amount);

/// <summary>
/// The money-weighted return: the annual rate at which the flows' present values sum to nothing (Excel's XIRR, days
/// over 365). Newton's method from 10%, falling back to bisection; none when the flows have no rate (all of one sign).
/// </summary>
public static class Xirr
{
    /// <summary>Annual rates beyond this (10^14 %, about 7.9% gained every day for a year) are no rate worth showing; a decimal cannot hold some of them.</summary>
    public const double LargestShown = 1e12;

    /// <summary>The rate as a decimal fraction; none when the flows have no rate or it is beyond <see cref="LargestShown"/>.</summary>
    public static decimal? Rate(IReadOnlyList<DatedFlow> flows) =>
        Solve(flows) is { } rate && Math.Abs(rate) <= LargestShown ? (decimal)rate : null;

    public static double? Solve(IReadOnlyList<DatedFlow> flows)
    {
        if (flows.Count < 2 || !flows.Any(f => f.Amount > 0m) || !flows.Any(f => f.Amount < 0m))
        {
            return null;
        }
        var first = flows.Min(f => f.Day);
        var points = flows.Select(f => ((f.Day.DayNumber - first.DayNumber) / 365.0, (double)f.Amount)).ToArray();
        var rate = 0.1;
        for (var i = 0; i < 100; i++)
        {
            var (value, slope) = Evaluate(points, rate);
            if (Math.Abs(value) < 1e-7)
            {
                return rate;
            }
            var next = rate - value / slope;
            if (double.IsNaN(next) || double.IsInfinity(next) || next <= -1)
            {
                break;
            }
            if (Math.Abs(next - rate) < 1e-12)
            {
                return next;
            }
            rate = next;
        }
        return Bisect(points);
    }

    private static (double Value, double Slope) Evaluate((double Years, double Amount)[] points, double rate)
    {
        double value = 0, slope = 0;
        foreach (var (years, amount) in points)
        {
            var factor = Math.Pow(1 + rate, -years);
            value += amount * factor;
            slope -= years * amount * factor / (1 + rate);
        }
        return (value, slope);
    }

    private static double? Bisect((double Years, double Amount)[] points, double low = -0.999999, double high = 1000)
    {
        var atLow = Evaluate(points, low).Value;
        if (Math.Sign(atLow) == Math.Sign(Evaluate(points, high).Value))
        {
            return null;
        }
        for (var i = 0; i < 300 && high - low > 1e-12; i++)
        {
            var middle = (low + high) / 2;
            var atMiddle = Evaluate(points, middle).Value;
            if (Math.Sign(atMiddle) == Math.Sign(atLow))
            {
                (low, atLow) = (middle, atMiddle);
            }
            else
            {
                high = middle;
            }
        }
        return (low + high) / 2;
    }
}
