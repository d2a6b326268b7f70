using Dapper;
using Npgsql;

namespace HkStrategy.Operations.Restore;

/// <summary>
/// The broker profile's part of a selective restore, when the backup has the table (version 6 and later): replace and
/// merge set the backup's profile where the live one differs, missing-only only where there is none; replace also
/// removes a profile the backup's portfolio did not have. A backup from before version 6 knows nothing of profiles:
/// the live one stays as it is.
/// </summary>
internal static class PortfolioBrokerRestore
{
    public const string TemporaryTable = "CREATE TEMP TABLE restore_brokers (LIKE broker_profiles) ON COMMIT DROP;";

    public static readonly (string Table, string Rows, string Target) Copy = ("broker_profiles", "portfolio_id = {0}", "restore_brokers");

    public const string DeleteExtra = """
        DELETE FROM broker_profiles WHERE portfolio_id = @id AND NOT EXISTS (SELECT 1 FROM restore_brokers)
        """;

    public const string Upsert = """
        INSERT INTO broker_profiles (portfolio_id, broker, commission_rate, commission_minimum, platform_fee, updated_at)
        SELECT portfolio_id, broker, commission_rate, commission_minimum, platform_fee, updated_at FROM restore_brokers WHERE portfolio_id = @id
        ON CONFLICT (portfolio_id) DO UPDATE SET broker = EXCLUDED.broker, commission_rate = EXCLUDED.commission_rate,
            commission_minimum = EXCLUDED.commission_minimum, platform_fee = EXCLUDED.platform_fee, updated_at = EXCLUDED.updated_at
        WHERE (broker_profiles.broker, broker_profiles.commission_rate, broker_profiles.commission_minimum, broker_profiles.platform_fee)
            IS DISTINCT FROM (EXCLUDED.broker, EXCLUDED.commission_rate, EXCLUDED.commission_minimum, EXCLUDED.platform_fee)
        """;

    public const string InsertMissing = """
        INSERT INTO broker_profiles (portfolio_id, broker, commission_rate, commission_minimum, platform_fee, updated_at)
        SELECT portfolio_id, broker, commission_rate, commission_minimum, platform_fee, updated_at FROM restore_brokers WHERE portfolio_id = @id
        ON CONFLICT (portfolio_id) DO NOTHING
        """;

    public static Task<bool> InAsync(NpgsqlConnection source, CancellationToken cancellationToken) =>
        source.ExecuteScalarAsync<bool>("SELECT to_regclass('public.broker_profiles') IS NOT NULL", cancellationToken);
}
