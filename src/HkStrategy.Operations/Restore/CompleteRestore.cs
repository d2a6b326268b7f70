using System.Globalization;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Content;
using HkStrategy.Operations.Faults;
using HkStrategy.Operations.PgTools;
using HkStrategy.Operations.Progress;
using HkStrategy.Operations.Verify;
using HkStrategy.Operations.Databases;

namespace HkStrategy.Operations.Restore;

/// <summary>
/// <c>hks restore FILE</c>, a restore that cannot leave the user worse off: verify first; a verified emergency backup of
/// the live database; restore into a scratch database with errors fatal and compare it with the manifest; only then
/// switch by renames. Killed at any point before the switch, the live database is exactly as it was, and the next
/// run cleans up (<see cref="RestoreRecovery"/>).
/// </summary>
public sealed class CompleteRestore(MigrationCatalog catalog, TimeProvider clock, IProgress<OperationProgress>? progress = null)
{
    public async Task<RestorePlan> PlanAsync(DatabaseTarget live, RestoreRequest request, CancellationToken cancellationToken)
    {
        var databases = new ServerDatabases(live);
        await RestoreRecovery.RecoverAsync(databases, request.Home, request.BackupFolder, clock, cancellationToken);
        progress?.Report(new OperationProgress("verify"));
        var manifest = await VerifyArchiveAsync(live, request.Archive, cancellationToken);
        var into = request.TargetDatabase is { } named ? ServerDatabases.RequireName(named) : live.DatabaseName;
        if (request.TargetDatabase is not null && await databases.ExistsAsync(into, cancellationToken))
        {
            throw HksException.Usage("TargetDatabaseExists", $"the database {into} exists already: --target-db restores only into a new database");
        }
        return new RestorePlan(request.Archive, manifest, live.DatabaseName, await databases.ExistsAsync(live.DatabaseName, cancellationToken), into);
    }

    public async Task<RestoreResult> ExecuteAsync(DatabaseTarget live, RestorePlan plan, RestoreRequest request, CancellationToken cancellationToken)
    {
        var databases = new ServerDatabases(live);
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture);
        var replacing = plan.ReplacesLive && plan.LiveExists;
        var journal = new RestoreJournal
        {
            Id = $"{stamp}_{Environment.ProcessId}",
            Server = live.Display,
            TargetDatabase = plan.Into,
            Archive = Path.GetFullPath(plan.Archive),
            Phase = RestoreJournal.Phases.EmergencyBackup,
            FrozeLive = replacing && !await AlreadyReadOnlyAsync(databases, plan.Live, cancellationToken),
            UpdatedAt = clock.GetUtcNow(),
        };
        await journal.SaveAsync(request.Home, cancellationToken);
        DatabaseTarget? scratch = null;
        try
        {
            if (replacing)
            {
                progress?.Report(new OperationProgress("stop writes"));
                await WriteFreeze.FreezeAsync(databases, plan.Live, cancellationToken);
                journal = journal with { WritesRefusedFrom = clock.GetUtcNow() };
                await journal.SaveAsync(request.Home, cancellationToken);
            }
            string? emergency = null;
            if (replacing && !request.SkipEmergencyBackup)
            {
                emergency = await EmergencyBackupAsync(live, request, cancellationToken);
                journal = journal with { EmergencyBackup = emergency };
            }
            FaultPoint.Reach("restore.after-emergency-backup");
            scratch = await databases.CreateScratchAsync("restore", cancellationToken);
            journal = journal with { ScratchDatabase = scratch.DatabaseName, Phase = RestoreJournal.Phases.Restoring, UpdatedAt = clock.GetUtcNow() };
            await journal.SaveAsync(request.Home, cancellationToken);
            FaultPoint.Reach("restore.after-scratch-created");
            var (adopted, content, schemaVersion) = await RestoreIntoScratchAsync(scratch, plan, request, cancellationToken);
            var loss = replacing && plan.IsLegacyDump ? await ConfirmLossAsync(live, content, request, cancellationToken) : null;
            FaultPoint.Reach("restore.after-validation");
            var preRestore = $"{plan.Live}_pre_restore_{stamp}";
            journal = journal with { PreRestoreDatabase = replacing ? preRestore : null, Phase = RestoreJournal.Phases.Switching, UpdatedAt = clock.GetUtcNow() };
            await journal.SaveAsync(request.Home, cancellationToken);
            if (journal.FrozeLive)
            {
                await WriteFreeze.FreezeAsync(databases, scratch.DatabaseName, cancellationToken); // the restored database opens to writes only after its checks
            }
            FaultPoint.Reach("restore.before-switch");
            progress?.Report(new OperationProgress("switch"));
            var unavailable = plan.ReplacesLive
                ? await DatabaseSwitch.SwitchAsync(databases, plan.Live, scratch.DatabaseName, preRestore, plan.LiveExists, cancellationToken)
                : await RenameBesideAsync(databases, scratch.DatabaseName, plan.Into, cancellationToken);
            journal = journal with { Phase = RestoreJournal.Phases.Checking, UpdatedAt = clock.GetUtcNow() };
            await journal.SaveAsync(request.Home, CancellationToken.None);
            if (journal.PreRestoreDatabase is { } kept && journal.FrozeLive)
            {
                await WriteFreeze.CloseAsync(databases, kept, CancellationToken.None); // it stays exactly what the emergency backup holds
            }
            FaultPoint.Reach("restore.after-switch");
            progress?.Report(new OperationProgress("check the restored database"));
            var checks = await RestoreChecks.RunAsync(live.WithDatabase(plan.Into), catalog, content, schemaVersion, cancellationToken);
            journal = await FinishAsync(databases, journal, request, RestoreJournal.Phases.Done);
            progress?.Report(new OperationProgress("done", Finished: true));
            return new RestoreResult(plan.Into, emergency, journal.PreRestoreDatabase, unavailable.TotalMilliseconds, adopted, schemaVersion, content)
            {
                Checks = checks,
                WritesRefusedFrom = journal.WritesRefusedFrom,
                WritesRefusedUntil = journal.WritesRefusedUntil,
                AcceptedLoss = loss,
            };
        }
        catch
        {
            var switched = journal.Phase == RestoreJournal.Phases.Checking
                || (journal.Phase == RestoreJournal.Phases.Switching && await databases.ExistsAsync(journal.PreRestoreDatabase ?? "", CancellationToken.None));
            if (!switched && scratch is not null)
            {
                await databases.DropAsync(scratch.DatabaseName, CancellationToken.None);
            }
            await FinishAsync(databases, journal, request, switched ? RestoreJournal.Phases.Done : RestoreJournal.Phases.Abandoned);
            throw;
        }
    }

    private static async Task<bool> AlreadyReadOnlyAsync(ServerDatabases databases, string database, CancellationToken cancellationToken)
    {
        await using var connection = await databases.OpenMaintenanceAsync(cancellationToken);
        return await WriteFreeze.IsFrozenAsync(connection, database, cancellationToken);
    }

    /// <summary>The database under the live name accepts writes again (the restored one, or the untouched live one); the journal says when.</summary>
    private async Task<RestoreJournal> FinishAsync(ServerDatabases databases, RestoreJournal journal, RestoreRequest request, string phase)
    {
        if (journal.FrozeLive)
        {
            await WriteFreeze.ThawAsync(databases, journal.TargetDatabase, CancellationToken.None);
            journal = journal with { WritesRefusedUntil = clock.GetUtcNow() };
        }
        journal = journal with { Phase = phase, UpdatedAt = clock.GetUtcNow() };
        await journal.SaveAsync(request.Home, CancellationToken.None);
        return journal;
    }

    /// <summary>A dump with no manifest that would leave fewer portfolios, positions or value than the live database: shown and confirmed by name, or refused.</summary>
    private static async Task<ContentLoss?> ConfirmLossAsync(DatabaseTarget live, ContentSummary restored, RestoreRequest request, CancellationToken cancellationToken)
    {
        await using var database = new Database(live);
        await using var connection = await database.OpenAsync(cancellationToken);
        if (ContentLoss.Between(await ContentReader.ReadAsync(connection, null, cancellationToken), restored) is not { } loss)
        {
            return null;
        }
        if (!request.AcceptLoss)
        {
            await (request.ConfirmLoss ?? Refuse)(loss, cancellationToken);
        }
        return loss;

        static Task Refuse(ContentLoss loss, CancellationToken _) => throw HksException.Refused("RestoreWouldLoseData",
            $"the dump holds less than the live database ({loss.Describe()}) and has no manifest saying so; the live database was not replaced: confirm it at the prompt, or pass --accept-loss");
    }

    private async Task<BackupManifest?> VerifyArchiveAsync(DatabaseTarget live, string archive, CancellationToken cancellationToken)
    {
        if (!File.Exists(archive))
        {
            throw HksException.Usage("BackupMissing", $"there is no file {archive}");
        }
        var isPlainSql = archive.EndsWith(".sql", StringComparison.OrdinalIgnoreCase) || archive.EndsWith(".sql.gz", StringComparison.OrdinalIgnoreCase);
        if (isPlainSql && !File.Exists(BackupNames.ManifestPath(archive)))
        {
            // A legacy dump: no manifest to check against, so the whole file is read instead.
            var dumpedBy = await ArchiveReader.RequireCompletePlainDumpAsync(archive, cancellationToken);
            await using var database = new Database(live.WithDatabase("postgres"));
            var tools = await PgClientTools.LocateAsync(await ServerVersion.MajorAsync(database, cancellationToken), cancellationToken);
            return dumpedBy > tools.MajorVersion
                ? throw HksException.Refused("ArchiveTooNew", $"{Path.GetFileName(archive)} was written by pg_dump {dumpedBy}, newer than this psql ({tools.Version})")
                : null;
        }
        var report = await new BackupVerifier(catalog, clock).VerifyAsync(archive, cancellationToken);
        return report.Manifest.Kind == BackupKind.Full
            ? report.Manifest
            : throw HksException.Usage("NotAFullBackup", $"{Path.GetFileName(archive)} is a {report.Manifest.Kind.Text()}-only backup: a complete restore needs a full one");
    }

    private async Task<string> EmergencyBackupAsync(DatabaseTarget live, RestoreRequest request, CancellationToken cancellationToken)
    {
        progress?.Report(new OperationProgress("emergency backup"));
        await using var database = new Database(live);
        var backup = await new BackupCreator(clock, progress).CreateAsync(database,
            new BackupRequest(request.BackupFolder, Label: $"before restoring {Path.GetFileName(request.Archive)}") { Prefix = "emergency" }, cancellationToken);
        await new BackupVerifier(catalog, clock).VerifyAsync(backup.Path, cancellationToken);
        return backup.Path;
    }

    private async Task<(string? Adopted, ContentSummary Content, int? SchemaVersion)> RestoreIntoScratchAsync(
        DatabaseTarget scratch, RestorePlan plan, RestoreRequest request, CancellationToken cancellationToken)
    {
        progress?.Report(new OperationProgress("restore into a scratch database"));
        var format = plan.Manifest is { } m ? m.Format : BackupFormat.SqlGz;
        await ArchiveRestorer.RestoreAsync(scratch, plan.Archive, format, cancellationToken, progress: progress);
        FaultPoint.Reach("restore.after-archive-restored");
        await using var database = new Database(scratch);
        await using var connection = await database.OpenAsync(cancellationToken);
        string? adopted = null;
        var migrator = new SchemaMigrator(catalog);
        if (plan.IsLegacyDump)
        {
            var state = await migrator.InspectAsync(connection, cancellationToken);
            SchemaGuard.Verify(state);
            adopted = state.IsRecorded ? null : state.Detected.Label;
            if (!request.NoMigrate)
            {
                progress?.Report(new OperationProgress("adopt and migrate"));
                await migrator.MigrateAsync(connection, new MigrationOptions(), cancellationToken);
            }
        }
        progress?.Report(new OperationProgress("validate"));
        var content = await ContentReader.ReadAsync(connection, null, cancellationToken);
        if (plan.Manifest is { } manifest && ContentReader.Compare(manifest.Content, content) is { Count: > 0 } differences)
        {
            throw HksException.Refused("RestoreValidationFailed", $"the restored copy differs from the manifest, the live database was not touched: {string.Join("; ", differences)}");
        }
        var finalState = await migrator.InspectAsync(connection, cancellationToken);
        return (adopted, content, finalState.RecordedVersion);
    }

    private static async Task<TimeSpan> RenameBesideAsync(ServerDatabases databases, string scratch, string into, CancellationToken cancellationToken)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await databases.ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{scratch}'", cancellationToken);
        await databases.ExecuteAsync($"ALTER DATABASE {ServerDatabases.Quote(scratch)} RENAME TO {ServerDatabases.Quote(into)}", cancellationToken);
        return TimeSpan.Zero;
    }
}
