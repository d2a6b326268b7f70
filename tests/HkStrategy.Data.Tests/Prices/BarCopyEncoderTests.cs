using HkStrategy.Core.Prices;
using HkStrategy.Data.Prices;
using HkStrategy.Testing;

namespace HkStrategy.Data.Tests.Prices;

public sealed class BarCopyEncoderTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("0.001")]
    [InlineData("0.5")]
    [InlineData("1")]
    [InlineData("9999")]
    [InlineData("10000")]
    [InlineData("10000.001")]
    [InlineData("123.450")]
    [InlineData("599.000")]
    [InlineData("99999999.999")]
    [InlineData("7.57")]
    public async Task EveryPriceAndField_ReadsBackExactly(string price)
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.MigrateAsync();
        var value = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);
        var bar = new DailyBar("0700.HK", new DateOnly(1999, 12, 31), value, value, value, value, long.MaxValue);

        await using (var connection = await db.OpenAsync())
        {
            await using var copy = await connection.BeginRawBinaryCopyAsync(
                "COPY daily_bars (symbol, trade_date, open, high, low, close, volume, source) FROM STDIN (FORMAT BINARY)");
            var encoder = new BarCopyEncoder(copy);
            encoder.WriteHeader();
            encoder.Write(bar, "tést");
            await encoder.FinishAsync(CancellationToken.None);
        }

        var stored = await db.QueryAsync<(string, DateTime, decimal, decimal, long, string)>("SELECT symbol, trade_date, open, close, volume, source FROM daily_bars");
        Assert.Equal(("0700.HK", new DateTime(1999, 12, 31), value, value, long.MaxValue, "tést"), Assert.Single(stored));
        Assert.Equal(value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), await db.ScalarAsync<string>("SELECT close::text FROM daily_bars"));
    }
}
