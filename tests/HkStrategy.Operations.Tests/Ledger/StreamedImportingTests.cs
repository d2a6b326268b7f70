using System.Globalization;
using System.Text;
using Dapper;
using HkStrategy.Core.Calendar;
using HkStrategy.Operations.Ledger.Exchange;
using HkStrategy.Testing;

namespace HkStrategy.Operations.Tests.Ledger;

/// <summary>
/// An import confirmed before it is shown is made in one pass, written into its COPY as the file is read: it leaves
/// the ledger, the positions and the journal the two steps (preview, then write) leave; a bad row anywhere writes
/// nothing; a file it cannot derive as it reads is given up untouched, for the two steps.
/// </summary>
public sealed class StreamedImportingTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private const string Csv = """
        date,type,symbol,quantity,price,amount,currency,ratio,fees
        2024-06-03,buy,2800.HK,5000,18.02,,,,auto
        2024-06-03,deposit,,,,100000,,,
        2024-06-04,buy,0700.HK,150,380.2,,,,auto
        2024-06-05,sell,2800.HK,1000,18.5,,,,auto
        2024-06-06,dividend,0700.HK,,,240,CNY,,
        2024-06-07,split,2800.HK,,,,,1:2,
        2024-06-11,buy,2800.HK,5000,9.1,,,,auto
        2024-06-11,buy,2800.HK,5000,9.1,,,,auto
        """;

    private const string Ledger = """
        SELECT concat_ws(' ', activity_type, trade_date, settlement_date, symbol, quantity, price, amount, currency, fx_rate, ratio_from, ratio_to, stamp_duty,
            sfc_levy, afrc_levy, trading_fee, settlement_fee, commission, note, position_quantity, position_avg_cost)
        FROM activities WHERE portfolio_id = @Id ORDER BY trade_date, id
        """;

    private const string Positions = "SELECT concat_ws(' ', symbol, quantity, avg_cost, sector) FROM portfolio_positions WHERE portfolio_id = @Id ORDER BY symbol";

    private const string Journal = "SELECT COUNT(*) FROM activity_journal WHERE portfolio_id = @Id AND change = 'added'";

    private static IAsyncEnumerable<FileRow> Rows(string csv, string portfolio = "Streamed") =>
        ActivityFiles.RowsAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "trades.csv", ActivityFileFormat.Csv, ActivityCsvReader.Mapping(null), portfolio, None);

    private static async Task<TestDatabase> WithPortfoliosAsync()
    {
        var db = await DemoDatabases.SeededAsync();
        await db.ExecuteAsync("INSERT INTO portfolios (portfolio_id, name) VALUES ('Streamed', 'Streamed'), ('Planned', 'Planned')");
        await db.ExecuteAsync("INSERT INTO daily_bars (symbol, trade_date, open, high, low, close) VALUES ('CNYHKD=X', '2024-06-05', 1.08, 1.09, 1.07, 1.083)");
        return db;
    }

    [Fact]
    public async Task AFileInDateOrder_WrittenAsItIsRead_LeavesWhatThePreviewThenTheWriteLeave()
    {
        await using var db = await WithPortfoliosAsync();
        await using var connection = await db.OpenAsync();

        var streamed = await StreamedImporting.ImportAsync(connection, "Streamed", Rows(Csv), None);
        var plan = await ActivityImporting.PlanAsync(connection, "Planned",
            ActivityCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Csv)), "trades.csv", "Planned", ActivityCsvReader.Mapping(null)), None);
        var planned = await ActivityImporting.ApplyAsync(connection, plan, None);

        Assert.NotNull(streamed);
        Assert.Equal(8, streamed.Outcome!.Added);
        Assert.Equal(planned.Added, streamed.Outcome.Added);
        Assert.Equal(planned.Symbols, streamed.Outcome.Symbols);
        Assert.Equal(plan.Preview.Warnings, streamed.Preview.Warnings);
        Assert.Contains("0700.HK is not a whole number of board lots", Assert.Single(streamed.Preview.Warnings), StringComparison.Ordinal);
        Assert.Equal(plan.New.Select(n => n.Line), streamed.Preview.FirstNew.Select(n => n.Line));
        Assert.Equal(await db.QueryAsync<string>(Ledger, new { Id = "Planned" }), await db.QueryAsync<string>(Ledger, new { Id = "Streamed" }));
        Assert.Equal(await db.QueryAsync<string>(Positions, new { Id = "Planned" }), await db.QueryAsync<string>(Positions, new { Id = "Streamed" }));
        Assert.Equal(8, await db.ScalarAsync<long>(Journal, new { Id = "Streamed" }));
        Assert.Contains(await db.QueryAsync<string>(Ledger, new { Id = "Streamed" }),
            row => row.StartsWith("dividend 2024-06-06", StringComparison.Ordinal) && row.Contains(" CNY 1.08300000 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSameFileAgain_IsHeldAlready_AndWritesNothing()
    {
        await using var db = await WithPortfoliosAsync();
        await using var connection = await db.OpenAsync();
        await StreamedImporting.ImportAsync(connection, "Streamed", Rows(Csv), None);
        var before = await TableSnapshot.TakeAsync(db);

        var again = await StreamedImporting.ImportAsync(connection, "Streamed", Rows(Csv), None);

        Assert.Equal(0, again!.Outcome!.Added);
        Assert.Equal(8, again.Outcome.Duplicates);
        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
    }

    [Fact]
    public async Task ABadRowAfterThousandsWritten_CancelsTheCopy_NamesEveryBadRow_AndWritesNothing()
    {
        await using var db = await WithPortfoliosAsync();
        await using var connection = await db.OpenAsync();
        var before = await TableSnapshot.TakeAsync(db);
        var csv = new StringBuilder("date,type,symbol,quantity,price,fees\n");
        var day = new DateOnly(2022, 1, 3);
        for (var i = 0; i < 4000; i++)
        {
            while (i % 4 == 0 && !TradingCalendar.Hkex.IsTradingDay(day = day.AddDays(1)))
            {
                // four trades a trading day
            }
            csv.Append(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd},buy,2800.HK,500,{18 + i % 7}.25,auto\n");
        }
        csv.Append("2026-11-02,sell,2800.HK,9999999,20,auto\n2026-11-03,buy,2800.HK,half,20,auto\n");

        var refused = await StreamedImporting.ImportAsync(connection, "Streamed", Rows(csv.ToString()), None);

        Assert.Null(refused!.Outcome);
        Assert.Equal([4002, 4003], refused.Preview.BadRows.Select(b => b.Line));
        Assert.Contains("more than the 2,000,000 shares held then", refused.Preview.BadRows[0].Problem, StringComparison.Ordinal);
        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT 1")); // the connection is free again
    }

    [Fact]
    public async Task AStoredChainLeavingOtherPositionsThanItRecorded_IsGivenUp_ForThePlanThatRecordsWhatMoved()
    {
        await using var db = await WithPortfoliosAsync();
        await using var connection = await db.OpenAsync();
        await StreamedImporting.ImportAsync(connection, "Streamed", Rows("date,type,symbol,quantity,price\n2024-06-11,buy,2800.HK,500,18\n"), None);
        await db.ExecuteAsync("UPDATE activities SET position_quantity = 400 WHERE portfolio_id = 'Streamed' AND symbol = '2800.HK'");
        var before = await TableSnapshot.TakeAsync(db);

        var givenUp = await StreamedImporting.ImportAsync(connection, "Streamed", Rows("date,type,symbol,quantity,price\n2024-06-12,buy,2800.HK,500,18\n"), None);

        Assert.Null(givenUp);
        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
    }

    [Theory]
    [InlineData("a symbol's activities out of date order", "2024-06-25,buy,0005.HK,400,60\n2024-06-24,sell,0005.HK,400,60\n")]
    [InlineData("an activity before its symbol's last stored one", "2024-06-20,buy,0700.HK,100,380\n2024-06-07,buy,2800.HK,500,18\n")]
    [InlineData("cash out of date order (the ids follow the day)", "2024-06-20,deposit,,,,1000\n2024-06-19,deposit,,,,1000\n")]
    [InlineData("more shares than a position holds (the whole plan decides)", "2024-06-20,buy,0005.HK,1500000000,1\n2024-06-21,buy,0005.HK,1000000000,1\n")]
    public async Task AFileItCannotDeriveAsItReads_IsGivenUp_WithNothingWritten(string why, string rows)
    {
        await using var db = await WithPortfoliosAsync();
        await using var connection = await db.OpenAsync();
        await StreamedImporting.ImportAsync(connection, "Streamed", Rows("date,type,symbol,quantity,price\n2024-06-11,buy,2800.HK,500,18\n"), None);
        var before = await TableSnapshot.TakeAsync(db);

        var givenUp = await StreamedImporting.ImportAsync(connection, "Streamed", Rows("date,type,symbol,quantity,price,amount\n" + rows), None);

        Assert.True(givenUp is null, why);
        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
    }
}
