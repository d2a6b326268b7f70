using HkStrategy.Operations.Backup;

namespace HkStrategy.Operations.Tests.Backup;

public sealed class BackupRetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void KeepsTheNewestOfEachDayWeekAndMonth_AndDeletesTheRest()
    {
        // Two backups a day for 60 days.
        var entries = Enumerable.Range(0, 120).Select(i => Entry(Now.AddHours(-12 * i))).ToList();

        var decisions = BackupRetention.Decide(entries, new RetentionPolicy(KeepDaily: 3, KeepWeekly: 2, KeepMonthly: 2), new HashSet<string>());

        var kept = decisions.Where(d => d.Keep).Select(d => d.Entry.CreatedAt).ToList();
        Assert.Contains(Now, kept);
        Assert.Contains(Now.AddDays(-1), kept);
        Assert.Contains(Now.AddDays(-2), kept);
        Assert.DoesNotContain(Now.AddHours(-12), kept); // the older of two on the same day
        Assert.InRange(kept.Count, 4, 7);
    }

    [Fact]
    public void NeverDeletes_TheNewestVerified_OneAnUnfinishedRestoreUses_OrAFileWithoutManifest()
    {
        var verified = Entry(Now.AddDays(-40)) with { VerifiedAt = Now };
        var inUse = Entry(Now.AddDays(-50));
        var foreign = Entry(Now.AddDays(-60)) with { HasManifest = false };
        var entries = new[] { Entry(Now), verified, inUse, foreign, Entry(Now.AddDays(-70)) };

        var decisions = BackupRetention.Decide(entries, new RetentionPolicy(1, 0, 0), new HashSet<string> { inUse.Path });

        Assert.Equal([true, true, true, true, false], decisions.Select(d => d.Keep));
        Assert.Equal("newest verified backup", decisions[1].Reason);
        Assert.Equal("used by an unfinished restore", decisions[2].Reason);
    }

    private static CatalogEntry Entry(DateTimeOffset at) =>
        new($"/backups/hk_strategy_backup_{at:yyyyMMdd_HHmmss}.dump", $"hk_strategy_backup_{at:yyyyMMdd_HHmmss}.dump", at, 1000, BackupKind.Full, BackupFormat.Custom, 2, null, true, null, false, 1m);
}
