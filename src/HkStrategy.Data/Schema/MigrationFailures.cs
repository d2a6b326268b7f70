using HkStrategy.Core.Failures;
using Npgsql;

namespace HkStrategy.Data.Schema;

/// <summary>Turns a failed migration's server error into a named, one-line error; the transaction has rolled back.</summary>
internal static class MigrationFailures
{
    public static HksException Explain(MigrationStep step, PostgresException error, TimeSpan lockTimeout)
    {
        var which = $"migration {step.Migration.Version} ({step.Migration.Name}, {step.Direction.ToString().ToLowerInvariant()})";
        return error switch
        {
            { SqlState: PostgresErrorCodes.LockNotAvailable } => HksException.Environment("MigrationLockTimeout",
                $"{which} waited over {lockTimeout.TotalSeconds:0.#} s for a table other sessions are using; nothing was changed, try again when they are idle"),
            { Hint: "hks_would_lose_data" } => HksException.Refused("WouldLoseData", $"{which} refused: {error.MessageText}; nothing was changed"),
            { Hint: "hks_keep_portfolio_missing" } => HksException.Usage("KeepPortfolioMissing", $"{which} refused: {error.MessageText}"),
            { Hint: "hks_archive_exists" } => HksException.Refused("RollbackArchiveExists", $"{which} refused: {error.MessageText}"),
            _ => HksException.CheckFailed("MigrationFailed", $"{which} failed and was rolled back, nothing was changed: {error.MessageText}"),
        };
    }
}
