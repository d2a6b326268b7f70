namespace HkStrategy.Core.Indicators;

/// <summary>
/// Every indicator of one symbol, one value per bar (index as the bars), <see cref="double.NaN"/> where undefined.
/// Indicators are measurements, not money: doubles, rounded only when shown.
/// </summary>
public sealed class IndicatorSeries
{
    public IndicatorSeries(int length)
    {
        Length = length;
        Ema5 = new double[length];
        Ema20 = new double[length];
        Ema50 = new double[length];
        Rsi14 = new double[length];
        Macd = new double[length];
        MacdSignal = new double[length];
        MacdHist = new double[length];
        Atr14 = new double[length];
        BbUpper = new double[length];
        BbMiddle = new double[length];
        BbLower = new double[length];
        VolAvg20 = new double[length];
        High20 = new double[length];
        Low20 = new double[length];
    }

    public int Length { get; }

    public double[] Ema5 { get; }

    public double[] Ema20 { get; }

    public double[] Ema50 { get; }

    public double[] Rsi14 { get; }

    public double[] Macd { get; }

    public double[] MacdSignal { get; }

    public double[] MacdHist { get; }

    public double[] Atr14 { get; }

    /// <summary>SMA20 + 2 × the sample standard deviation of the last 20 closes.</summary>
    public double[] BbUpper { get; }

    /// <summary>SMA20 of the close.</summary>
    public double[] BbMiddle { get; }

    public double[] BbLower { get; }

    /// <summary>Mean volume of the last 20 bars, this one included.</summary>
    public double[] VolAvg20 { get; }

    /// <summary>Highest high of the 20 bars before this one (this one excluded, so a breakout can exceed it).</summary>
    public double[] High20 { get; }

    /// <summary>Lowest low of the 20 bars before this one.</summary>
    public double[] Low20 { get; }
}
