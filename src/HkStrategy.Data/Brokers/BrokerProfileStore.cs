using Dapper;
using HkStrategy.Core.Costs;
using Npgsql;

namespace HkStrategy.Data.Brokers;

/// <summary>A portfolio's broker profile as stored: the broker's name (for the owner's eyes) and what it charges.</summary>
public sealed record StoredBrokerProfile(string PortfolioId, string? Broker, decimal CommissionRate, decimal CommissionMinimum, decimal PlatformFee)
{
    public BrokerProfile Profile => new(CommissionRate, CommissionMinimum, PlatformFee);
}

/// <summary>
/// The rows of <c>broker_profiles</c> (schema version 6), one per portfolio at most; none means no commission. The
/// costs already recorded with activities are not touched by a change here.
/// </summary>
public static class BrokerProfileStore
{
    private const string Columns = """
        portfolio_id AS "PortfolioId", broker AS "Broker", commission_rate AS "CommissionRate",
        commission_minimum AS "CommissionMinimum", platform_fee AS "PlatformFee"
        """;

    public static async Task<StoredBrokerProfile?> FindAsync(NpgsqlConnection connection, string portfolioId, CancellationToken cancellationToken,
        NpgsqlTransaction? transaction = null) =>
        (await connection.QueryAsync<StoredBrokerProfile>("SELECT " + Columns + " FROM broker_profiles WHERE portfolio_id = @portfolioId",
            new { portfolioId, cancellationToken }, transaction)).SingleOrDefault();

    /// <summary>The profile trades of the portfolio are charged by: its own, or <see cref="BrokerProfile.None"/>.</summary>
    public static async Task<BrokerProfile> ChargedAsync(NpgsqlConnection connection, string portfolioId, CancellationToken cancellationToken,
        NpgsqlTransaction? transaction = null) =>
        (await FindAsync(connection, portfolioId, cancellationToken, transaction))?.Profile ?? BrokerProfile.None;

    /// <summary>Sets the portfolio's profile (the portfolio must exist: its foreign key says so).</summary>
    public static Task SetAsync(NpgsqlConnection connection, StoredBrokerProfile profile, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null) =>
        connection.ExecuteAsync("""
            INSERT INTO broker_profiles (portfolio_id, broker, commission_rate, commission_minimum, platform_fee, updated_at)
            VALUES (@PortfolioId, @Broker, @CommissionRate, @CommissionMinimum, @PlatformFee, LOCALTIMESTAMP)
            ON CONFLICT (portfolio_id) DO UPDATE SET broker = EXCLUDED.broker, commission_rate = EXCLUDED.commission_rate,
                commission_minimum = EXCLUDED.commission_minimum, platform_fee = EXCLUDED.platform_fee, updated_at = EXCLUDED.updated_at
            """, new { profile.PortfolioId, profile.Broker, profile.CommissionRate, profile.CommissionMinimum, profile.PlatformFee, cancellationToken }, transaction);

    /// <summary>Removes the portfolio's profile; whether it had one.</summary>
    public static async Task<bool> RemoveAsync(NpgsqlConnection connection, string portfolioId, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync("DELETE FROM broker_profiles WHERE portfolio_id = @portfolioId", new { portfolioId, cancellationToken }) > 0;
}
