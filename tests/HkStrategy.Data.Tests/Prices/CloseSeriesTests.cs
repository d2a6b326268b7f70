using System.Buffers.Binary;
using Dapper;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Prices;
using HkStrategy.Testing;
using Npgsql;

namespace HkStrategy.Data.Tests.Prices;

/// <summary>
/// Schema version 7: each symbol's closes packed in one row of close_series, kept by daily_bars' triggers equal to the
/// bars whatever writes them and however, also with two writers of one symbol at once; a round trip through version 6
/// packs the same series; damage is found and mended, never read as closes.
/// </summary>
public sealed class CloseSeriesTests
{
    private const string Tencent = "0700.HK";

    private static readonly DateOnly Far = new(2099, 12, 31);

    private static async Task<IReadOnlyList<string>> DisagreementsAsync(TestDatabase db)
    {
        await using var connection = await db.OpenAsync();
        return await CloseSeries.DisagreementsAsync(connection, CancellationToken.None);
    }

    private static async Task<List<(DateOnly Day, long Thousandths)>> BarsAsync(TestDatabase db, string symbol) =>
        (await db.QueryAsync<(int Day, long Thousandths)>(
            "SELECT trade_date - DATE '2000-01-01', (close * 1000)::int8 FROM daily_bars WHERE symbol = @symbol ORDER BY trade_date", new { symbol }))
        .Select(b => (DateOnly.FromDayNumber(Epoch + b.Day), b.Thousandths)).ToList();

    private static readonly int Epoch = new DateOnly(2000, 1, 1).DayNumber;

    private static async Task<DateOnly> LastDayAsync(TestDatabase db) =>
        DateOnly.ParseExact(await db.ScalarAsync<string>("SELECT MAX(trade_date)::text FROM daily_bars WHERE symbol = '0700.HK'"), "yyyy-MM-dd");

    private static string Bar(DateOnly day, int close) =>
        $"INSERT INTO daily_bars (symbol, trade_date, open, high, low, close) VALUES ('0700.HK', '{day:yyyy-MM-dd}', {close}, {close}, {close}, {close})";

    private static async Task<List<(DateOnly Day, long Thousandths)>> SeriesAsync(TestDatabase db, string symbol)
    {
        var packed = await db.ScalarAsync<byte[]?>("SELECT closes FROM close_series WHERE symbol = @symbol", new { symbol });
        if (packed is null)
        {
            return [];
        }
        var closes = CloseSeries.Unpack(symbol, packed, DateOnly.MinValue, Far);
        return [.. closes.Days.Zip(closes.Thousandths)];
    }

    [Fact]
    public async Task EveryKindOfWriteToTheBars_LeavesEachSeriesWhatItsBarsPackTo()
    {
        await using var db = await DemoDatabases.RichAsync();
        Assert.NotEmpty(await BarsAsync(db, Tencent));
        Assert.Equal(await BarsAsync(db, Tencent), await SeriesAsync(db, Tencent));
        var writes = new[]
        {
            "INSERT INTO daily_bars (symbol, trade_date, open, high, low, close) SELECT symbol, MAX(trade_date) + 3, 1, 2, 1, 1.5 FROM daily_bars GROUP BY symbol",
            "DELETE FROM daily_bars WHERE symbol = '0700.HK' AND trade_date = (SELECT MIN(trade_date) + 10 FROM daily_bars WHERE symbol = '0700.HK')",
            "INSERT INTO daily_bars (symbol, trade_date, open, high, low, close) SELECT '0700.HK', MIN(trade_date) + 10, 1, 2, 1, 1.234 FROM daily_bars WHERE symbol = '0700.HK'",
            "INSERT INTO daily_bars (symbol, trade_date, open, high, low, close) SELECT '0700.HK', MIN(trade_date) - 400, 1, 2, 1, 0.001 FROM daily_bars WHERE symbol = '0700.HK'",
            "UPDATE daily_bars SET close = close + 0.001, low = 0 WHERE symbol = '0700.HK' AND trade_date > (SELECT MAX(trade_date) - 30 FROM daily_bars)",
            """
            INSERT INTO daily_bars (symbol, trade_date, open, high, low, close) SELECT symbol, trade_date, 1, 999999999.999, 0, 999999999.999
            FROM daily_bars WHERE symbol = '0005.HK' ORDER BY trade_date DESC LIMIT 5
            ON CONFLICT (symbol, trade_date) DO UPDATE SET close = EXCLUDED.close, high = EXCLUDED.high, low = 0
            """,
            "UPDATE daily_bars SET symbol = '9999.HK' WHERE symbol = '0005.HK'",
            "INSERT INTO daily_bars (symbol, trade_date, open, high, low, close) VALUES ('NEW.HK', '2020-01-02', 1, 1, 1, 1), ('NEW.HK', '2020-01-03', 1, 1, 1, 2)",
            "DELETE FROM daily_bars WHERE symbol = '9999.HK'",
        };

        foreach (var write in writes)
        {
            await db.ExecuteAsync(write);
            Assert.True((await DisagreementsAsync(db)).Count == 0, $"after: {write}");
        }

        Assert.Equal(await BarsAsync(db, Tencent), await SeriesAsync(db, Tencent));
        Assert.Equal([(new DateOnly(2020, 1, 2), 1000L), (new DateOnly(2020, 1, 3), 2000L)], await SeriesAsync(db, "NEW.HK"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM close_series WHERE symbol IN ('0005.HK', '9999.HK')"));
        await db.ExecuteAsync("TRUNCATE daily_bars");
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM close_series"));
    }

    [Fact]
    public async Task ANewVolumeOnly_LeavesTheSeriesRowUnwritten_SoACachedReportStaysValid()
    {
        await using var db = await DemoDatabases.RichAsync();
        var before = await db.ScalarAsync<string>("SELECT xmin::text FROM close_series WHERE symbol = '0700.HK'");

        await db.ExecuteAsync("UPDATE daily_bars SET volume = volume + 1, source = 'vendor' WHERE symbol = '0700.HK'");

        Assert.Equal(before, await db.ScalarAsync<string>("SELECT xmin::text FROM close_series WHERE symbol = '0700.HK'"));
    }

    [Theory]
    [InlineData(1, 2)] // both after the last day: appended
    [InlineData(-20, -10)] // both among the days (back-filled): packed again from the bars
    public async Task TwoWritersOfOneSymbolAtOnce_EachPacksTheOthersCommittedBars(int firstDay, int secondDay)
    {
        await using var db = await DemoDatabases.RichAsync();
        var last = await LastDayAsync(db);
        await db.ExecuteAsync($"DELETE FROM daily_bars WHERE symbol = '0700.HK' AND trade_date IN ('{last.AddDays(firstDay):yyyy-MM-dd}', '{last.AddDays(secondDay):yyyy-MM-dd}')");
        await using var first = await db.OpenAsync();
        await using var second = await db.OpenAsync();
        await using var firstWrite = await first.BeginTransactionAsync();
        await first.ExecuteAsync(Bar(last.AddDays(firstDay), 1), transaction: firstWrite);
        await using var secondWrite = await second.BeginTransactionAsync();

        var waiting = second.ExecuteAsync(Bar(last.AddDays(secondDay), 2), transaction: secondWrite);
        await WaitUntilBlockedAsync(db, second.ProcessID);
        await firstWrite.CommitAsync();
        await waiting;
        await secondWrite.CommitAsync();

        Assert.Empty(await DisagreementsAsync(db));
        var series = await SeriesAsync(db, Tencent);
        Assert.Equal([1000L, 2000L], series.Where(c => c.Day == last.AddDays(firstDay) || c.Day == last.AddDays(secondDay)).Select(c => c.Thousandths));
    }

    [Fact]
    public async Task ARepeatableReadWriterThatCannotSeeTheOthersBars_FailsInsteadOfPackingWithoutThem()
    {
        await using var db = await DemoDatabases.RichAsync();
        var last = await LastDayAsync(db);
        await using var first = await db.OpenAsync();
        await using var second = await db.OpenAsync();
        await using var secondWrite = await second.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        await second.ExecuteScalarAsync<int>("SELECT 1", transaction: secondWrite); // its snapshot, taken now
        await first.ExecuteAsync(Bar(last.AddDays(1), 1));

        var refused = await Assert.ThrowsAsync<PostgresException>(() => second.ExecuteAsync(Bar(last.AddDays(2), 2), transaction: secondWrite));

        Assert.Equal(PostgresErrorCodes.SerializationFailure, refused.SqlState);
        await secondWrite.RollbackAsync();
        Assert.Empty(await DisagreementsAsync(db));
    }

    [Theory]
    [InlineData("DELETE FROM daily_bars WHERE symbol = '0700.HK'", "0700.HK")] // its series removed meanwhile
    [InlineData("INSERT INTO daily_bars (symbol, trade_date, open, high, low, close) VALUES ('NEW.HK', '2020-01-02', 1, 1, 1, 1)", "NEW.HK")] // a new symbol meanwhile
    public async Task ARepeatableReadWriterAfterAnotherChangedTheSymbol_FailsToBeRetried_NeverPacksWhatIsGone(string meanwhile, string symbol)
    {
        await using var db = await DemoDatabases.RichAsync();
        await using var writer = await db.OpenAsync();
        await using var transaction = await writer.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        await writer.ExecuteScalarAsync<int>("SELECT 1", transaction: transaction);
        await db.ExecuteAsync(meanwhile);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => writer.ExecuteAsync(
            $"INSERT INTO daily_bars (symbol, trade_date, open, high, low, close) VALUES ('{symbol}', '2019-06-03', 1, 1, 1, 1)", transaction: transaction));

        Assert.Equal(PostgresErrorCodes.SerializationFailure, refused.SqlState);
        await transaction.RollbackAsync();
        Assert.Empty(await DisagreementsAsync(db));
    }

    [Fact]
    public async Task OneStatementWritingBarsOfTenThousandSymbols_TakesNoMoreLocksThanTheServerHolds()
    {
        await using var db = await DemoDatabases.RichAsync();

        await db.ExecuteAsync("""
            INSERT INTO daily_bars (symbol, trade_date, open, high, low, close)
            SELECT 'S' || n || '.HK', '2020-01-02', 1, 1, 1, n FROM generate_series(1, 10000) n
            """);
        await db.ExecuteAsync("UPDATE daily_bars SET close = close + 1 WHERE symbol LIKE 'S%'");

        Assert.Equal(10_000, await db.ScalarAsync<long>("SELECT COUNT(*) FROM close_series WHERE symbol LIKE 'S%'"));
        Assert.Empty(await DisagreementsAsync(db));
    }

    [Fact]
    public async Task RollbackTo6AndBack_PacksTheSameSeries_AndTheBarsStayAsTheyWere()
    {
        await using var db = await DemoDatabases.RichAsync();
        var before = await TableSnapshot.TakeAsync(db);
        var schemaBefore = await SchemaSnapshot.TakeAsync(db);

        await db.MigrateAsync(to: 6);
        Assert.Null(await db.ScalarAsync<string?>("SELECT to_regclass('public.close_series')::text"));
        await db.ExecuteAsync("UPDATE daily_bars SET close = close WHERE symbol = '0700.HK'"); // no trigger at version 6
        await db.MigrateAsync();

        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
        Assert.Equal(schemaBefore, await SchemaSnapshot.TakeAsync(db));
    }

    [Fact]
    public async Task ASeriesChangedByHand_IsFound_AndRepackingMendsIt_NamingWhatItMended()
    {
        await using var db = await DemoDatabases.RichAsync();
        await db.ExecuteAsync("UPDATE close_series SET closes = substring(closes FROM 13), days = days - 1 WHERE symbol = '0700.HK'");
        await db.ExecuteAsync("INSERT INTO close_series VALUES ('GONE.HK', '2020-01-02', '2020-01-02', 1, '\\x000000000000000000000001')");
        await db.ExecuteAsync("DELETE FROM close_series WHERE symbol = '2800.HK'");
        Assert.Equal(["0700.HK", "2800.HK", "GONE.HK"], await DisagreementsAsync(db));

        var symbols = await db.ScalarAsync<int>("SELECT count(DISTINCT symbol)::int FROM daily_bars");
        CloseSeries.Repacked first, second;
        await using (var connection = await db.OpenAsync())
        {
            first = await CloseSeries.RepackAsync(connection, CancellationToken.None);
            second = await CloseSeries.RepackAsync(connection, CancellationToken.None);
        }

        Assert.Empty(await DisagreementsAsync(db));
        Assert.Equal(await BarsAsync(db, Tencent), await SeriesAsync(db, Tencent));
        Assert.Equal(["0700.HK", "2800.HK", "GONE.HK"], first.Mended); // changed, added again, dropped
        Assert.Empty(second.Mended);
        Assert.Equal([symbols, symbols], [first.Symbols, second.Symbols]);
    }

    [Fact]
    public void AWindow_IsTheDaysFromAndTo_BothIncluded()
    {
        var packed = Pack((new DateOnly(2024, 1, 2), 1), (new DateOnly(2024, 1, 3), 2), (new DateOnly(2024, 1, 5), 3), (new DateOnly(2024, 1, 8), 4));

        var window = CloseSeries.Unpack("X", packed, new DateOnly(2024, 1, 3), new DateOnly(2024, 1, 7));
        var none = CloseSeries.Unpack("X", packed, new DateOnly(2024, 1, 9), Far);

        Assert.Equal([new DateOnly(2024, 1, 3), new DateOnly(2024, 1, 5)], window.Days);
        Assert.Equal([2L, 3L], window.Thousandths);
        Assert.Empty(none.Days);
        Assert.Equal(4, CloseSeries.Unpack("X", packed, DateOnly.MinValue, DateOnly.MaxValue).Days.Length);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(13)]
    public void ASeriesOfBrokenEntries_IsRefusedAsDamage(int length)
    {
        var refused = Assert.Throws<HksException>(() => CloseSeries.Unpack("X", new byte[length], DateOnly.MinValue, Far));

        Assert.Equal("CloseSeriesDamaged", refused.Name);
        Assert.Contains("hks prices repack", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DaysOutOfOrderOrRepeated_AreRefusedAsDamage_NotReadAsCloses()
    {
        var repeated = Pack((new DateOnly(2024, 1, 2), 1), (new DateOnly(2024, 1, 2), 2));
        var backwards = Pack((new DateOnly(2024, 1, 5), 1), (new DateOnly(2024, 1, 2), 2), (new DateOnly(2024, 1, 8), 3));

        Assert.Equal("CloseSeriesDamaged", Assert.Throws<HksException>(() => CloseSeries.Unpack("X", repeated, DateOnly.MinValue, Far)).Name);
        Assert.Equal("CloseSeriesDamaged", Assert.Throws<HksException>(() => CloseSeries.Unpack("X", backwards, DateOnly.MinValue, Far)).Name);
    }

    [Fact]
    public void ADayOutsideAnyCalendarOrANegativeClose_IsRefusedAsDamage()
    {
        var garbage = Pack((new DateOnly(2024, 1, 2), 1), (new DateOnly(2024, 1, 2), 2), (new DateOnly(2024, 1, 3), 3), (new DateOnly(2024, 1, 4), 4), (new DateOnly(2024, 1, 5), 5));
        BinaryPrimitives.WriteInt32BigEndian(garbage.AsSpan(12), int.MaxValue); // the second day: no date at all
        var negative = Pack((new DateOnly(2024, 1, 2), -1));

        Assert.Equal("CloseSeriesDamaged", Assert.Throws<HksException>(() => CloseSeries.Unpack("X", garbage, DateOnly.MinValue, DateOnly.MaxValue)).Name);
        Assert.Equal("CloseSeriesDamaged", Assert.Throws<HksException>(() => CloseSeries.Unpack("X", negative, DateOnly.MinValue, Far)).Name);
    }

    private static byte[] Pack(params (DateOnly Day, long Thousandths)[] entries)
    {
        var packed = new byte[entries.Length * 12];
        for (var i = 0; i < entries.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(packed.AsSpan(i * 12), entries[i].Day.DayNumber - Epoch);
            BinaryPrimitives.WriteInt64BigEndian(packed.AsSpan((i * 12) + 4), entries[i].Thousandths);
        }
        return packed;
    }

    private static async Task WaitUntilBlockedAsync(TestDatabase db, int processId)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await db.ScalarAsync<bool>("SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = @processId", new { processId }))
            {
                return;
            }
            await Task.Delay(25);
        }
        throw new TimeoutException("the second writer never waited for the first");
    }
}
