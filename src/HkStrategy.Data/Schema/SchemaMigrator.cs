using System.Diagnostics;
using System.Globalization;
using Dapper;
using HkStrategy.Core.Failures;
using Npgsql;

namespace HkStrategy.Data.Schema;

/// <summary>
/// Moves a database between schema versions: one transaction per migration, a session advisory lock so that of
/// concurrent migrators exactly one applies, <c>lock_timeout</c> so user reads never queue behind it, and the
/// SHA-256 of every applied migration checked before anything runs.
/// </summary>
public sealed class SchemaMigrator(MigrationCatalog catalog)
{
    /// <summary>'hks_sch' as a number: the advisory lock key all hks migrators share (per database).</summary>
    private const long AdvisoryLockKey = 0x686B735F736368;

    public MigrationCatalog Catalog => catalog;

    public async Task<SchemaState> InspectAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = await MigrationLedger.ReadAsync(connection, cancellationToken);
        return new(applied, await SchemaClassifier.ClassifyAsync(connection, cancellationToken, recorded: applied.Count > 0), catalog);
    }

    public async Task<MigrationOutcome> MigrateAsync(NpgsqlConnection connection, MigrationOptions options, CancellationToken cancellationToken)
    {
        await AcquireAdvisoryLockAsync(connection, options.WaitForOtherMigrator, cancellationToken);
        try
        {
            var state = await InspectAsync(connection, cancellationToken);
            SchemaGuard.Verify(state);
            var target = options.TargetVersion ?? catalog.Latest;
            if (target < 0 || target > catalog.Latest)
            {
                throw HksException.Usage("UnknownVersion", $"there is no schema version {target}: this program knows 0 to {catalog.Latest}");
            }
            var adopted = state.IsRecorded ? null : state.Detected;
            IReadOnlyList<string> adoptionChanges = [];
            if (adopted is not null && options.DryRun is null)
            {
                adoptionChanges = await AdoptAsync(connection, adopted, options, cancellationToken);
            }
            else if (adopted is not null)
            {
                await options.DryRun!.WriteLineAsync($"-- no version record: the database is {adopted.Label}; hks records versions 1..{adopted.Version} as adopted".AsMemory(), cancellationToken);
                if (Adoption.AdoptionScripts.For(adopted) is { } normalisation)
                {
                    var settings = string.Concat(options.Settings.Select(x => $"SELECT set_config('hks.{x.Key}', '{x.Value.Replace("'", "''", StringComparison.Ordinal)}', true);\n"));
                    await options.DryRun.WriteLineAsync(
                        $"-- first it is normalised to version {adopted.Version}, in one transaction with recording its versions:\nBEGIN;\nSET LOCAL search_path = public;\nSET LOCAL lock_timeout = '{LockTimeoutSetting(options.LockTimeout)}';\n{settings}{normalisation.TrimEnd()}\nCOMMIT;\n".AsMemory(),
                        cancellationToken);
                }
            }
            var current = state.CurrentVersion!.Value;
            var steps = Plan(current, target);
            foreach (var step in steps)
            {
                if (options.DryRun is { } writer)
                {
                    await writer.WriteAsync(Script(step, options).AsMemory(), cancellationToken);
                }
                else
                {
                    await ApplyWithRetryAsync(connection, step, options, cancellationToken);
                }
            }
            return new MigrationOutcome(state.CurrentVersion, target, adopted, steps, options.DryRun is not null) { AdoptionChanges = adoptionChanges };
        }
        finally
        {
            await ReleaseAdvisoryLockAsync(connection);
        }
    }

    /// <summary>Best effort: a broken connection has released the lock already, and its error must not hide the real one.</summary>
    private static async Task ReleaseAdvisoryLockAsync(NpgsqlConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }
        try
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@Key)", new { Key = AdvisoryLockKey });
        }
        catch (NpgsqlException)
        {
            // The session is gone, and its advisory lock with it.
        }
    }

    public IReadOnlyList<MigrationStep> Plan(int current, int target) =>
        target >= current
            ? catalog.Migrations.Where(m => m.Version > current && m.Version <= target).Select(m => new MigrationStep(m, MigrationDirection.Up)).ToList()
            : catalog.Migrations.Where(m => m.Version <= current && m.Version > target).Reverse().Select(m => new MigrationStep(m, MigrationDirection.Down)).ToList();

    /// <summary>
    /// Records the versions the tables correspond to, after normalising a shape that needs it (the prototype's own
    /// version 2), in one transaction. Returns each change the normalisation announced.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "The SQL is this program's own embedded adoption script, never user input.")]
    private async Task<IReadOnlyList<string>> AdoptAsync(NpgsqlConnection connection, SchemaClassification classification, MigrationOptions options, CancellationToken cancellationToken)
    {
        var changes = new List<string>();
        void Announce(object sender, NpgsqlNoticeEventArgs notice)
        {
            if (notice.Notice.MessageText.StartsWith("hks: ", StringComparison.Ordinal))
            {
                changes.Add(notice.Notice.MessageText["hks: ".Length..]);
            }
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (Adoption.AdoptionScripts.For(classification) is { } normalisation)
        {
            await SetUpTransactionAsync(connection, transaction, options, cancellationToken);
            connection.Notice += Announce;
            try
            {
                await using var command = new NpgsqlCommand(normalisation, connection, transaction) { CommandTimeout = 0 };
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException error)
            {
                throw HksException.Refused("AdoptionFailed",
                    $"{classification.Label} could not be adopted, nothing was changed: {error.MessageText}");
            }
            finally
            {
                connection.Notice -= Announce;
            }
        }
        await MigrationLedger.EnsureAsync(connection, cancellationToken);
        for (var version = 1; version <= classification.Version; version++)
        {
            await MigrationLedger.RecordAsync(connection, catalog.Get(version), 0, "adopted", transaction, cancellationToken);
        }
        var detail = changes.Count == 0 ? classification.Label : $"{classification.Label}; normalised: {string.Join("; ", changes)}";
        await MigrationLedger.HistoryAsync(connection, "classified", null, classification.Version, detail, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changes;
    }

    private static async Task ApplyWithRetryAsync(NpgsqlConnection connection, MigrationStep step, MigrationOptions options, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ApplyAsync(connection, step, options, cancellationToken);
                return;
            }
            catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.LockNotAvailable && attempt < options.LockAttempts)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
            catch (PostgresException error)
            {
                throw MigrationFailures.Explain(step, error, options.LockTimeout);
            }
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "The SQL is this program's own embedded migration script, never user input.")]
    private static async Task ApplyAsync(NpgsqlConnection connection, MigrationStep step, MigrationOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await SetUpTransactionAsync(connection, transaction, options, cancellationToken);
        await using (var command = new NpgsqlCommand(step.Sql, connection, transaction) { CommandTimeout = 0 })
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await MigrationLedger.EnsureAsync(connection, cancellationToken);
        if (step.Direction == MigrationDirection.Up)
        {
            await MigrationLedger.RecordAsync(connection, step.Migration, clock.ElapsedMilliseconds, "applied", transaction, cancellationToken);
        }
        else
        {
            await MigrationLedger.ForgetAsync(connection, step.Migration.Version, transaction, cancellationToken);
        }
        var detail = string.Join(", ", options.Settings.Select(s => $"{s.Key}={s.Value}"));
        await MigrationLedger.HistoryAsync(connection, step.Direction == MigrationDirection.Up ? "migrated" : "rolled back",
            step.FromVersion, step.ToVersion, detail.Length > 0 ? detail : null, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>What every schema-changing transaction runs under: schema public, the lock timeout, the hks.* settings the scripts read.</summary>
    private static async Task SetUpTransactionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, MigrationOptions options, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(
            "SELECT set_config('search_path', 'public', true), set_config('lock_timeout', @Timeout, true)",
            new { Timeout = LockTimeoutSetting(options.LockTimeout), cancellationToken }, transaction);
        foreach (var (name, value) in options.Settings)
        {
            await connection.ExecuteAsync("SELECT set_config(@Name, @Value, true)",
                new { Name = "hks." + name, Value = value, cancellationToken }, transaction);
        }
    }

    /// <summary>The SQL a step runs, as a dry run prints it (settings and ledger updates included).</summary>
    public static string Script(MigrationStep step, MigrationOptions options)
    {
        var migration = step.Migration;
        var lines = new List<string>
        {
            $"-- migration {migration.Version} {step.Direction.ToString().ToLowerInvariant()}: {migration.Name} (sha256 {migration.Sha256})",
            "BEGIN;",
            "SET LOCAL search_path = public;",
            $"SET LOCAL lock_timeout = '{LockTimeoutSetting(options.LockTimeout)}';",
        };
        lines.AddRange(options.Settings.Select(s => $"SELECT set_config('hks.{s.Key}', '{s.Value.Replace("'", "''", StringComparison.Ordinal)}', true);"));
        lines.Add(step.Sql.TrimEnd());
        lines.Add(step.Direction == MigrationDirection.Up
            ? $"INSERT INTO hks_meta.schema_migrations (version, name, sha256, how) VALUES ({migration.Version}, '{migration.Name}', '{migration.Sha256}', 'applied');"
            : $"DELETE FROM hks_meta.schema_migrations WHERE version = {migration.Version};");
        lines.Add("COMMIT;");
        return string.Join('\n', lines) + "\n\n";
    }

    private static string LockTimeoutSetting(TimeSpan timeout) =>
        ((long)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";

    private static async Task AcquireAdvisoryLockAsync(NpgsqlConnection connection, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (!await connection.ExecuteScalarAsync<bool>(
                   "SELECT pg_try_advisory_lock(@Key)", new { Key = AdvisoryLockKey, cancellationToken }))
        {
            if (deadline.Elapsed > wait)
            {
                throw HksException.Environment("MigrationInProgress",
                    $"another process has been migrating this database for over {wait.TotalSeconds:0} s; try again when it has finished");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }
}
