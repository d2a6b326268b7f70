using System.Globalization;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Embedded;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Progress;
using HkStrategy.Operations.Restore;
using HkStrategy.Operations.Verify;
using HkStrategy.Web.Jobs;
using HkStrategy.Web.Maintenance;
using HkStrategy.Web.Schema;
using HkStrategy.Data.Settings;
using HkStrategy.Operations.Safety;

namespace HkStrategy.Web.Backups;

/// <summary>
/// The Backups page's long operations as background jobs: create, verify (optionally with a restore drill), restore
/// completely or one portfolio. A complete restore puts the dashboard in maintenance while it switches databases and
/// empties the connection pool afterwards, so no page ever sees the database half-switched.
/// </summary>
public sealed class BackupOperations(
    Database database, HksHome home, SchemaMigrator migrator, OperationJobs jobs, MaintenanceMode maintenance, SchemaCheck schema, TimeProvider clock)
{
    public OperationJob Create(BackupRequest request) => jobs.Start($"Back up ({request.Kind.Text()}, {request.Format.Text()})", async (progress, ct) =>
    {
        var result = await new VerifiedBackup(clock, progress).CreateAsync(database, request with { Folder = home.Backups }, ct);
        return new JobOutcome($"Backup {Path.GetFileName(result.Path)} written and verified",
            [string.Create(CultureInfo.InvariantCulture, $"{result.SizeBytes / 1024.0:N0} KiB, schema version {result.SchemaVersion}, HK${result.TotalMarketValue:N2}"), $"SHA-256 {result.Sha256}"],
            "/backups", "Back to the backups");
    });

    public OperationJob Verify(CatalogEntry entry, bool drill) => jobs.Start($"{(drill ? "Restore drill of" : "Verify")} {entry.File}", async (progress, ct) =>
    {
        progress.Report(new OperationProgress(drill ? "restore into a scratch database and compare" : "read the archive and check its manifest"));
        var verifier = new BackupVerifier(migrator.Catalog, clock);
        var report = drill ? await verifier.DrillAsync(entry.Path, database.Target, ct) : await verifier.VerifyAsync(entry.Path, ct);
        return new JobOutcome($"{entry.File} is {(drill ? "restorable (drill passed)" : "intact")}", report.Passed, "/backups", "Back to the backups");
    });

    public OperationJob RestoreComplete(CatalogEntry entry) => jobs.Start($"Restore {entry.File}", async (progress, ct) =>
    {
        var switching = new MaintenanceOnSwitch(maintenance, entry.File, progress);
        var restore = new CompleteRestore(migrator.Catalog, clock, switching);
        var request = new RestoreRequest(entry.Path, home.Root, home.Backups);
        try
        {
            var plan = await restore.PlanAsync(database.Target, request, ct);
            var result = await restore.ExecuteAsync(database.Target, plan, request, ct);
            switching.Leave();
            var checks = result.Checks!;
            if (!checks.Passed)
            {
                throw HkStrategy.Core.Failures.HksException.CheckFailed("RestoreChecksFailed",
                    $"{entry.File} was restored into {result.Database}, but its checks failed: {string.Join("; ", checks.Failures)}; the previous database is kept as {result.PreRestoreDatabase ?? "(none)"}");
            }
            return new JobOutcome($"Restored {entry.File} into {result.Database}",
                [
                    $"emergency backup (verified): {(result.EmergencyBackup is null ? "none" : Path.GetFileName(result.EmergencyBackup))}, the database as writes stopped",
                    $"the previous database is kept, read-only, as {result.PreRestoreDatabase ?? "(none)"} until 'hks restore --cleanup'",
                    string.Create(CultureInfo.InvariantCulture, $"writes refused for {((result.WritesRefusedUntil - result.WritesRefusedFrom) ?? TimeSpan.Zero).TotalSeconds:N1} s; unavailable for {result.UnavailableMilliseconds:N0} ms while switching"),
                    string.Create(CultureInfo.InvariantCulture, $"{result.Content.Portfolios.Count} portfolios, HK${result.Content.TotalMarketValue:N2}"),
                    .. checks.Findings.Select(f => $"{f.Severity.ToString().ToLowerInvariant()}: {f.Check} — {f.Message}"),
                    .. checks.Checklist.Select(i => $"{(i.Passed ? "passed" : "failed")}: {i.Item} — {i.Detail}"),
                ], "/", "Open the portfolios");
        }
        finally
        {
            switching.Leave();
            schema.Forget();
        }
    });

    /// <summary>A preview's subject: the restore it shows, which only a confirmation naming this preview may carry out.</summary>
    public static string PreviewSubject(string file, string portfolioId, PortfolioRestoreMode mode) => $"{file}\n{portfolioId}\n{mode}";

    public OperationJob PreviewPortfolio(CatalogEntry entry, string portfolioId, PortfolioRestoreMode mode) =>
        jobs.Start($"Preview restoring {portfolioId} from {entry.File}", PreviewSubject(entry.File, portfolioId, mode), async (job, progress, ct) =>
        {
            await using var session = await PortfolioRestoreSession.OpenAsync(database, entry.Path, migrator.Catalog, clock, ct, progress);
            return PortfolioOutcome(await session.PreviewAsync(portfolioId, mode, ct), null, entry, job.Id);
        });

    public OperationJob RestorePortfolio(CatalogEntry entry, string portfolioId, PortfolioRestoreMode mode) =>
        jobs.Start($"Restore {portfolioId} from {entry.File}", async (progress, ct) =>
        {
            await using var session = await PortfolioRestoreSession.OpenAsync(database, entry.Path, migrator.Catalog, clock, ct, progress);
            var (result, emergency) = await session.ApplyAsync(portfolioId, mode, home.Backups, ct);
            return PortfolioOutcome(result, emergency, entry, null);
        });

    private static JobOutcome PortfolioOutcome(PortfolioRestoreResult result, string? emergency, CatalogEntry entry, string? previewJob)
    {
        var verb = result.DryRun ? "would change" : "changed";
        var summary = result.ChangesNothing
            ? $"Portfolio {result.PortfolioId} already equals the backup ({result.Mode}): nothing to change"
            : $"Portfolio {result.PortfolioId}: {verb} {result.Changes.Values.Sum()} row(s) ({result.Mode})";
        List<string> details =
        [
            .. result.Positions.Select(p => $"{p.Change} {p.Symbol}"),
            .. result.Changes.Where(c => c.Value > 0).Select(c => $"{c.Key}: {c.Value}"),
        ];
        if (emergency is not null)
        {
            details.Add($"emergency backup (verified): {Path.GetFileName(emergency)}");
        }
        return result.DryRun && !result.ChangesNothing
            ? new JobOutcome(summary, details, $"/backups/{Uri.EscapeDataString(entry.File)}/restore?preview={previewJob}", "Confirm this restore")
            : new JobOutcome(summary, details, $"/portfolios/{Uri.EscapeDataString(result.PortfolioId)}", "Open the portfolio");
    }

    /// <summary>
    /// Passes progress on. While the restore stops writes (ending the live database's sessions) the dashboard is in
    /// maintenance for that moment; from its switch, until <see cref="Leave"/>.
    /// </summary>
    private sealed class MaintenanceOnSwitch(MaintenanceMode maintenance, string file, IProgress<OperationProgress> inner) : IProgress<OperationProgress>
    {
        private IDisposable? _entered;

        public void Report(OperationProgress value)
        {
            if (value.Step == "stop writes")
            {
                _entered ??= maintenance.Enter($"a restore of {file} is stopping writes");
            }
            else if (value.Step == "switch")
            {
                _entered ??= maintenance.Enter($"a restore of {file} is switching databases");
            }
            else if (_entered is not null && value.Step is "emergency backup" or "restore into a scratch database")
            {
                Leave(); // writes are stopped: pages read the frozen database as before
            }
            inner.Report(value);
        }

        public void Leave()
        {
            _entered?.Dispose();
            _entered = null;
        }
    }
}
