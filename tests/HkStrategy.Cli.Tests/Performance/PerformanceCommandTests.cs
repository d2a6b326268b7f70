using System.Text.Json;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Performance;

/// <summary><c>hks performance</c>: the worked example of docs/performance.md recorded at the command line, its JSON's shape, and bad periods refused.</summary>
public sealed class PerformanceCommandTests
{
    private static async Task<TestDatabase> WeekAsync()
    {
        var db = await DemoDatabases.SeededAsync();
        Assert.Equal(0, (await db.HksAsync("portfolio", "create", "Week", "--name", "A week in June")).ExitCode);
        foreach (var (type, day, quantity, price) in new[] { ("buy", "03", "1000", "10"), ("buy", "04", "1000", "11"), ("sell", "06", "500", "12") })
        {
            var run = await db.HksAsync("activity", "add", "Week", "--type", type, "--date", $"2024-06-{day}", "--symbol", "0001.HK",
                "--quantity", quantity, "--price", price, "--fees", "0");
            Assert.True(run.ExitCode == 0, run.Error);
        }
        await db.ExecuteAsync("""
            INSERT INTO daily_bars (symbol, trade_date, open, high, low, close) VALUES
                ('0001.HK', '2024-06-03', 10, 11, 10, 10.50), ('0001.HK', '2024-06-04', 11, 11, 11, 11), ('0001.HK', '2024-06-05', 10, 10, 10, 10),
                ('0001.HK', '2024-06-06', 12, 12, 12, 12), ('2800.HK', '2024-05-31', 18, 18, 18, 18), ('2800.HK', '2024-06-03', 18.18, 18.18, 18.18, 18.18),
                ('2800.HK', '2024-06-06', 18.90, 18.90, 18.90, 18.90), ('^HSI', '2024-05-31', 18000, 18000, 18000, 18000), ('^HSI', '2024-06-06', 18360, 18360, 18360, 18360)
            ON CONFLICT DO NOTHING
            """);
        return db;
    }

    [Fact]
    public async Task Performance_WithJson_GivesPnlReturnsAndTheBenchmark_OfTheWorkedExample()
    {
        await using var db = await WeekAsync();

        var run = await db.HksAsync("performance", "Week", "--to", "2024-06-06", "--baseline-date", "2024-06-04", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(750m, root.GetProperty("realizedPnl").GetDecimal());
        Assert.Equal(2250m, root.GetProperty("unrealizedPnl").GetDecimal());
        Assert.Equal(0m, root.GetProperty("dividends").GetDecimal());
        Assert.Equal(0m, root.GetProperty("fees").GetProperty("total").GetDecimal());
        Assert.Equal(0.2m, Math.Round(root.GetProperty("twr").GetDecimal(), 8));
        Assert.True(root.GetProperty("mwr").GetDecimal() > 1m); // 3,000 on 21,000 in three days, annualised
        Assert.Equal("2800.HK", root.GetProperty("benchmark").GetProperty("symbol").GetString());
        Assert.Equal(0.05m, root.GetProperty("benchmark").GetProperty("twr").GetDecimal());
        Assert.Equal(24_000m, root.GetProperty("baseline").GetProperty("endValue").GetDecimal());
        Assert.Equal(["2024-06-03", "2024-06-04", "2024-06-05", "2024-06-06"],
            root.GetProperty("daily").EnumerateArray().Select(d => d.GetProperty("date").GetString()));
        var position = Assert.Single(root.GetProperty("positions").EnumerateArray());
        Assert.Equal("0001.HK", position.GetProperty("symbol").GetString());
        Assert.Equal(0.2m, Math.Round(position.GetProperty("twr").GetDecimal(), 8)); // the only position: the portfolio's returns
        Assert.Equal(Math.Round(root.GetProperty("mwr").GetDecimal(), 4), Math.Round(position.GetProperty("mwr").GetDecimal(), 4));
    }

    [Fact]
    public async Task ARenminbiCounter_IsValuedAtEachDaysStoredRate()
    {
        await using var db = await DemoDatabases.SeededAsync();
        Assert.Equal(0, (await db.HksAsync("portfolio", "create", "Rmb", "--name", "Dual counter")).ExitCode);
        await db.ExecuteAsync("""
            INSERT INTO daily_bars (symbol, trade_date, open, high, low, close) VALUES
                ('CNYHKD=X', '2024-06-03', 1.08, 1.08, 1.08, 1.08), ('CNYHKD=X', '2024-06-04', 1.1, 1.1, 1.1, 1.1),
                ('80700.HK', '2024-06-03', 100, 100, 100, 100), ('80700.HK', '2024-06-04', 110, 110, 110, 110)
            """);
        var buy = await db.HksAsync("activity", "add", "Rmb", "--type", "buy", "--date", "2024-06-03", "--symbol", "80700", "--quantity", "1000",
            "--price", "100", "--currency", "CNY", "--fees", "0");
        Assert.True(buy.ExitCode == 0, buy.Error);

        var run = await db.HksAsync("performance", "Rmb", "--to", "2024-06-04", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(121_000m, json.RootElement.GetProperty("endValue").GetDecimal()); // 1,000 × ¥110 × 1.10, the buy's 108,000 at 1.08
        Assert.Equal(13_000m, json.RootElement.GetProperty("unrealizedPnl").GetDecimal());
    }

    [Fact]
    public async Task TheHangSengIndex_IsAcceptedAsTheBenchmark()
    {
        await using var db = await WeekAsync();

        var run = await db.HksAsync("performance", "Week", "--to", "2024-06-06", "--benchmark", "^hsi", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("^HSI", json.RootElement.GetProperty("benchmark").GetProperty("symbol").GetString());
        Assert.Equal(0.02m, json.RootElement.GetProperty("benchmark").GetProperty("twr").GetDecimal());
    }

    [Fact]
    public async Task Performance_ForPeople_IsATableOfTheSameNumbers()
    {
        await using var db = await WeekAsync();

        var run = await db.HksAsync("performance", "Week", "--to", "2024-06-06");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Week from 2024-06-03 to 2024-06-06", run.Out, StringComparison.Ordinal);
        Assert.Contains("+20.00%", run.Out, StringComparison.Ordinal);
        Assert.Contains("750.00", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "2024-06-07", "--to", "2024-06-01")]
    [InlineData("--benchmark", "'; DROP TABLE activities; --", "--to", "2024-06-06")]
    [InlineData("--baseline-date", "4 June", "--to", "2024-06-06")]
    [InlineData("--to", "2024-02-30", "--from", "2024-01-01")]
    public async Task ABadPeriodOrSymbol_IsOneLine_WithExitCode2(string option, string value, string other, string otherValue)
    {
        await using var db = await WeekAsync();

        var run = await db.HksAsync("performance", "Week", option, value, other, otherValue);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
    }
}
