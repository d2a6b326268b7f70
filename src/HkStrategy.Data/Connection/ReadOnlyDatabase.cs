using Npgsql;

namespace HkStrategy.Data.Connection;

/// <summary>
/// A write refused because the database is read-only: a restore is replacing it (hks refuses writes from its emergency
/// backup to the checks on the restored database, so none can be lost), or its owner made it so.
/// </summary>
public static class ReadOnlyDatabase
{
    public const string Message = "the database is read-only while a restore replaces it, so that no write can be lost; nothing was saved: try again when the restore has finished";

    public static bool IsRefusal(Exception error) =>
        error is PostgresException { SqlState: PostgresErrorCodes.ReadOnlySqlTransaction } || (error.InnerException is { } inner && IsRefusal(inner));
}
