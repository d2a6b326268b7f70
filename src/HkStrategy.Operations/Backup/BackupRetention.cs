using System.Globalization;

namespace HkStrategy.Operations.Backup;

/// <summary>What <c>hks backup prune</c> keeps: the newest backup of each of the last N days, weeks and months.</summary>
public sealed record RetentionPolicy(int KeepDaily, int KeepWeekly, int KeepMonthly);

public sealed record PruneDecision(CatalogEntry Entry, bool Keep, string Reason);

/// <summary>
/// Grandfather-father-son retention over complete backups (with a manifest). Never deletes the newest verified
/// backup, one an unfinished restore refers to, or an archive without a manifest (it may be the user's own file).
/// </summary>
public static class BackupRetention
{
    public static IReadOnlyList<PruneDecision> Decide(IReadOnlyList<CatalogEntry> entries, RetentionPolicy policy, ISet<string> protectedPaths)
    {
        var keep = new Dictionary<string, string>(StringComparer.Ordinal);
        var complete = entries.Where(e => e.HasManifest).OrderByDescending(e => e.CreatedAt).ToList();
        KeepNewestPerPeriod(complete, policy.KeepDaily, e => e.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "daily", keep);
        KeepNewestPerPeriod(complete, policy.KeepWeekly, e => $"{ISOWeek.GetYear(e.CreatedAt.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(e.CreatedAt.UtcDateTime):00}", "weekly", keep);
        KeepNewestPerPeriod(complete, policy.KeepMonthly, e => e.CreatedAt.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture), "monthly", keep);
        if (complete.FirstOrDefault(e => e.VerifiedAt is not null) is { } newestVerified)
        {
            keep.TryAdd(newestVerified.Path, "newest verified backup");
        }
        foreach (var entry in entries)
        {
            if (protectedPaths.Contains(entry.Path))
            {
                keep.TryAdd(entry.Path, "used by an unfinished restore");
            }
            if (!entry.HasManifest)
            {
                keep.TryAdd(entry.Path, "no manifest: not a backup hks manages");
            }
        }
        return entries.Select(e => keep.TryGetValue(e.Path, out var reason) ? new PruneDecision(e, true, reason) : new PruneDecision(e, false, "outside the retention policy")).ToList();
    }

    private static void KeepNewestPerPeriod(List<CatalogEntry> newestFirst, int periods, Func<CatalogEntry, string> period, string name, Dictionary<string, string> keep)
    {
        foreach (var group in newestFirst.GroupBy(period).Take(periods))
        {
            keep.TryAdd(group.First().Path, $"{name} ({group.Key})");
        }
    }
}
