using System.Globalization;
using System.Text;
using HkStrategy.Cli.Infrastructure;

namespace HkStrategy.Cli.Tests.Output;

/// <summary>Money and prices in JSON: two decimals at least, nine at most, exactly as the format 0.00####### gives them.</summary>
public sealed class JsonMoneyTests
{
    private static string Printed(decimal value)
    {
        Span<byte> text = stackalloc byte[64];
        return Encoding.UTF8.GetString(text[..JsonOutput.TwoDecimalMoney.Format(value, text)]);
    }

    private static string Expected(decimal value) => value.ToString("0.00#######", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("4052660.20", "4052660.20")]
    [InlineData("12.345", "12.345")]
    [InlineData("12.3450", "12.345")]
    [InlineData("7", "7.00")]
    [InlineData("7.5", "7.50")]
    [InlineData("-0.01", "-0.01")]
    [InlineData("-3", "-3.00")]
    [InlineData("0.000000001", "0.000000001")]
    [InlineData("0.0000000015", "0.000000002")]
    [InlineData("0.062794123456", "0.062794123")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335.00")]
    public void AValue_PrintsWithTwoToNineDecimals(string value, string printed)
    {
        var parsed = decimal.Parse(value, CultureInfo.InvariantCulture);

        Assert.Equal(printed, Printed(parsed));
        Assert.Equal(Expected(parsed), Printed(parsed));
    }

    [Fact]
    public void EveryValue_PrintsAsTheFormatPrintsIt_ZeroAndNegativeZeroIncluded()
    {
        var random = new Random(7);
        var values = new List<decimal> { 0m, -0m, 0.00m, new(0, 0, 0, true, 5), decimal.MaxValue, decimal.MinValue };
        for (var i = 0; i < 20_000; i++)
        {
            values.Add(new decimal(random.Next(), random.Next(2) == 0 ? 0 : random.Next(), random.Next(3) == 0 ? random.Next(1 << 10) : 0, random.Next(2) == 0, (byte)random.Next(29)));
        }

        Assert.All(values, value => Assert.Equal(Expected(value), Printed(value)));
    }
}
