using System.Globalization;
using HkStrategy.Cli.Commands.Check;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Core.Failures;
using HkStrategy.Operations.Restore;

namespace HkStrategy.Cli.Commands.Restore;

/// <summary>
/// What a restore reports: which database holds what (the restored one, the emergency backup, the read-only pre-restore
/// copy), when writes were refused, and the checks run on the result. Failed checks make the exit code 1.
/// </summary>
internal static class RestoreReport
{
    public static async Task<int> WriteAsync(CliContext context, RestoreResult result, bool json)
    {
        var checks = result.Checks is { } found
            ? FindingLines.Format(found.Findings).Concat(found.Checklist.Select(i => $"[{i.Mark}] {i.Item} — {i.Detail}")).ToList()
            : [];
        if (json)
        {
            await JsonOutput.WriteAsync(context, new RestoreJson(
                result.Database, result.EmergencyBackup, result.PreRestoreDatabase, result.UnavailableMilliseconds, result.AdoptedAs, result.SchemaVersion,
                result.Content, result.WritesRefusedFrom, result.WritesRefusedUntil, result.AcceptedLoss?.Describe(), result.Checks?.Passed ?? true, checks),
                CommandJson.Types.RestoreJson);
        }
        else
        {
            foreach (var line in Lines(result).Concat(checks))
            {
                await context.Out.WriteLineAsync(line);
            }
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"restored into {result.Database}: schema version {result.SchemaVersion}, {result.Content.Portfolios.Count} portfolios, HK${result.Content.TotalMarketValue:N2}; unavailable for {result.UnavailableMilliseconds:N0} ms"));
        }
        if (result.Checks is { Passed: false } failed)
        {
            await context.Error.WriteLineAsync($"hks: the restore is done, but its checks failed: {string.Join("; ", failed.Failures)}; the previous database is {result.PreRestoreDatabase ?? "not kept"} [RestoreChecksFailed]");
            return (int)ExitCode.CheckFailed;
        }
        return 0;
    }

    private static IEnumerable<string> Lines(RestoreResult result)
    {
        if (result.AdoptedAs is not null)
        {
            yield return $"legacy dump adopted: it was {result.AdoptedAs}";
        }
        if (result.AcceptedLoss is { } loss)
        {
            yield return $"accepted: {loss.Describe()}";
        }
        if (result.WritesRefusedFrom is { } from && result.WritesRefusedUntil is { } until)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"writes were refused from {from:HH:mm:ss} to {until:HH:mm:ss} UTC ({(until - from).TotalSeconds:N1} s), so none could be lost");
        }
        if (result.EmergencyBackup is not null)
        {
            yield return $"emergency backup (verified): {result.EmergencyBackup} — the database as writes stopped";
        }
        if (result.PreRestoreDatabase is not null)
        {
            yield return $"the previous database is kept, read-only, as {result.PreRestoreDatabase}: {(result.EmergencyBackup is null ? "nothing else holds its data" : "the same data as the emergency backup")}";
        }
    }
}

/// <summary>A complete restore as <c>--json</c> prints it.</summary>
internal sealed record RestoreJson(
    string Database, string? EmergencyBackup, string? PreRestoreDatabase, double UnavailableMilliseconds, string? AdoptedAs, int? SchemaVersion,
    HkStrategy.Operations.Content.ContentSummary Content, DateTimeOffset? WritesRefusedFrom, DateTimeOffset? WritesRefusedUntil, string? AcceptedLoss,
    bool ChecksPassed, IReadOnlyList<string> Checks);
