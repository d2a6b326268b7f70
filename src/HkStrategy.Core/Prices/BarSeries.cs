namespace HkStrategy.Core.Prices;

/// <summary>One symbol's daily bars as columns (oldest first), the shape indicators and signals read.</summary>
public sealed class BarSeries
{
    public BarSeries(string symbol, DateOnly[] dates, double[] open, double[] high, double[] low, double[] close, double[] volume)
    {
        if (new[] { open.Length, high.Length, low.Length, close.Length, volume.Length }.Any(length => length != dates.Length))
        {
            throw new ArgumentException("every column needs one value per date");
        }
        (Symbol, Dates, Open, High, Low, Close, Volume) = (symbol, dates, open, high, low, close, volume);
    }

    public string Symbol { get; }

    public DateOnly[] Dates { get; }

    public double[] Open { get; }

    public double[] High { get; }

    public double[] Low { get; }

    public double[] Close { get; }

    public double[] Volume { get; }

    public int Count => Dates.Length;
}
