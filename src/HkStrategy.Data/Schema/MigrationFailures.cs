using HkStrategy.Core.Failures;
using Npgsql;

namespace HkStrategy.Data.Schema;

/// <summary>Turns a failed migration's server error into a named, one-line error; the transaction has rolled back.</summary>
internal static class MigrationFailures
{
    public static HksException Explain(MigrationStep step, PostgresException error, TimeSpan lockTimeout)
    {
        var which = $"migration {step.Migration.Version} ({step.Migration.Name}, {step.Direction.ToString().ToLowerInvariant()})";
        // Earlier steps of the same run stay committed: say where the database now is.
        var state = $"this step was rolled back; the database is at version {step.FromVersion}";
        return error switch
        {
            { SqlState: PostgresErrorCodes.LockNotAvailable } => HksException.Environment("MigrationLockTimeout",
                $"{which} waited over {lockTimeout.TotalSeconds:0.#} s for a table other sessions are using ({state}); try again when they are idle"),
            { Hint: "hks_would_lose_data" } => HksException.Refused("WouldLoseData", $"{which} refused: {error.MessageText} ({state})"),
            { Hint: "hks_keep_portfolio_missing" } => HksException.Usage("KeepPortfolioMissing", $"{which} refused: {error.MessageText}"),
            { Hint: "hks_null_portfolio_ids" } => HksException.Refused("NullPortfolioIds", $"{which} refused: {error.MessageText} ({state}); give them a portfolio first"),
            { Hint: "hks_archive_exists" } => HksException.Refused("RollbackArchiveExists", $"{which} refused: {error.MessageText} ({state})"),
            { Hint: "hks_archive_conflict" } => HksException.Refused("ArchiveConflict",
                $"{which} refused: {error.MessageText} ({state}); merge or rename one of them, then migrate again"),
            { Hint: "hks_legacy_portfolio_conflict" } => HksException.Usage("LegacyPortfolioConflict", $"{which} refused: {error.MessageText}"),
            _ => HksException.CheckFailed("MigrationFailed", $"{which} failed: {error.MessageText} ({state})"),
        };
    }
}
