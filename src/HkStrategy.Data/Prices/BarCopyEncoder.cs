using HkStrategy.Core.Prices;
using HkStrategy.Data.Copy;

namespace HkStrategy.Data.Prices;

/// <summary>Daily bars as rows of PostgreSQL's binary COPY format (<see cref="BinaryCopyWriter"/>), in daily_bars' column order.</summary>
public sealed class BarCopyEncoder(Stream output)
{
    private readonly BinaryCopyWriter _writer = new(output);

    public void WriteHeader() => _writer.WriteHeader();

    public void Write(DailyBar bar, string source)
    {
        _writer.StartRow(8);
        _writer.Text(bar.Symbol);
        _writer.Date(bar.TradeDate);
        _writer.Numeric(bar.Open);
        _writer.Numeric(bar.High);
        _writer.Numeric(bar.Low);
        _writer.Numeric(bar.Close);
        _writer.BigInteger(bar.Volume);
        _writer.Text(source);
    }

    public Task FinishAsync(CancellationToken cancellationToken) => _writer.FinishAsync(cancellationToken);
}
