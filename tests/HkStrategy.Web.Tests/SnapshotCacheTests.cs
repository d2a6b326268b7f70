using HkStrategy.Core.Ledger;
using HkStrategy.Core.Performance;
using HkStrategy.Operations.Ledger;
using HkStrategy.Operations.Performance;
using HkStrategy.Testing;
using HkStrategy.Web.Performance;
using HkStrategy.Web.Shared;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace HkStrategy.Web.Tests;

/// <summary>
/// A kept value is read again when the database's snapshot moves, unless what it was read from is unchanged: a commit
/// of another database or autovacuum's statistics no longer makes every client wait for a long report.
/// </summary>
public sealed class SnapshotCacheTests
{
    private static readonly DateOnly Day = new(2026, 12, 4);

    private static SnapshotCache.Stamp Stamp(string snapshot, DateOnly? day = null) => new(snapshot, day ?? Day, day ?? Day);

    [Fact]
    public async Task AMovedSnapshot_WithTheSameRows_KeepsTheValue_WithoutReadingIt()
    {
        var cache = new SnapshotCache();
        var reads = 0;
        Task<(int, string)> Load() => Task.FromResult((++reads, "rows A"));

        var first = await cache.GetAsync("k", Stamp("1:1:"), Load, () => Task.FromResult("rows A"));
        var moved = await cache.GetAsync("k", Stamp("2:2:"), Load, () => Task.FromResult("rows A"));

        Assert.Equal(1, first);
        Assert.Equal(1, moved);
        Assert.Equal(1, reads);
    }

    [Theory]
    [InlineData("rows B", 0)]
    [InlineData("rows A", 1)]
    public async Task ChangedRows_OrANewDay_ReadTheValueAgain(string rowsAfter, int daysLater)
    {
        var cache = new SnapshotCache();
        var reads = 0;
        Task<(int, string)> Load() => Task.FromResult((++reads, rowsAfter));
        await cache.GetAsync("k", Stamp("1:1:"), () => Task.FromResult((++reads, "rows A")), () => Task.FromResult("rows A"));

        var after = await cache.GetAsync("k", Stamp("2:2:", Day.AddDays(daysLater)), Load, () => Task.FromResult(rowsAfter));

        Assert.Equal(2, after);
    }

    [Fact]
    public async Task ASnapshotMovingWhileTheValueIsRead_WaitsForThatRead_InsteadOfReadingBesideIt()
    {
        var cache = new SnapshotCache();
        var reads = 0;
        var gate = new TaskCompletionSource();
        async Task<(int, string)> Load()
        {
            var read = ++reads;
            await gate.Task;
            return (read, "rows A");
        }

        var first = cache.GetAsync("k", Stamp("1:1:"), Load, () => Task.FromResult("rows A"));
        var moved = cache.GetAsync("k", Stamp("2:2:"), Load, () => Task.FromResult("rows A"));
        var movedAgain = cache.GetAsync("k", Stamp("3:3:"), Load, () => Task.FromResult("rows A"));
        gate.SetResult();

        var values = await Task.WhenAll(first, moved, movedAgain);
        Assert.All(values, value => Assert.Equal(1, value));
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task WithoutAFingerprint_AMovedSnapshotReadsAgain()
    {
        var cache = new SnapshotCache();
        var reads = 0;
        Task<int> Load() => Task.FromResult(++reads);
        await cache.GetAsync("k", Stamp("1:1:"), Load);

        Assert.Equal(2, await cache.GetAsync("k", Stamp("2:2:"), Load));
    }

    [Fact]
    public async Task APerformanceReport_SurvivesACommitElsewhere_AndNotANewActivity()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var reports = new PerformanceCache(TimeProvider.System, Options.Create(new JsonOptions()));
        await using var connection = await db.OpenAsync();
        var query = new PerformanceQuery(Benchmark: PerformanceRequest.DefaultBenchmark);

        var first = await reports.ReadAsync(connection, "My_HKEX_ALL", query, CancellationToken.None);
        await db.ExecuteAsync("INSERT INTO symbol_events (symbol, event_date, description) VALUES ('0700.HK', '2027-03-18', 'results')");
        var afterElsewhere = await reports.ReadAsync(connection, "My_HKEX_ALL", query, CancellationToken.None);
        await LedgerChanges.AddAsync(connection, new ActivityDraft
        {
            PortfolioId = "My_HKEX_ALL", Type = ActivityType.Dividend, TradeDate = new DateOnly(2024, 6, 4), Symbol = "0700.HK", Amount = 240m,
        }, CancellationToken.None);
        var afterActivity = await reports.ReadAsync(connection, "My_HKEX_ALL", query, CancellationToken.None);

        Assert.Same(first, afterElsewhere);
        Assert.NotSame(first, afterActivity);
        Assert.Equal(first.Report.Dividends + 240m, afterActivity.Report.Dividends);
    }
}
