using Dapper;
using HkStrategy.Core.Failures;
using Npgsql;

namespace HkStrategy.Data.Positions;

/// <summary>A position's rules (target sell, stop, add zone), kept in position_rules beside the legacy table.</summary>
public static class RuleStore
{
    public static readonly string[] Names = ["target", "stop", "add-zone"];

    /// <param name="outer">A transaction the rules join (its owner commits); without one they get their own.</param>
    public static async Task SetAsync(NpgsqlConnection connection, string portfolioId, string symbol, RuleChange change, CancellationToken cancellationToken,
        NpgsqlTransaction? outer = null)
    {
        if (change.IsEmpty)
        {
            return;
        }
        await using var own = outer is null ? await connection.BeginTransactionAsync(cancellationToken) : null;
        var transaction = outer ?? own!;
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM portfolio_positions WHERE portfolio_id = @portfolioId AND symbol = @symbol FOR KEY SHARE)",
            new { portfolioId, symbol }, transaction, cancellationToken: cancellationToken));
        if (!exists)
        {
            throw PositionStore.Missing(portfolioId, symbol);
        }
        var clearTarget = change.Clear.Contains("target");
        var clearStop = change.Clear.Contains("stop");
        var clearZone = change.Clear.Contains("add-zone");
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO position_rules AS r (portfolio_id, symbol, target_sell, stop_loss, add_zone_low, add_zone_high)
                VALUES (@portfolioId, @symbol, @TargetSell, @StopLoss, @AddZoneLow, @AddZoneHigh)
                ON CONFLICT (portfolio_id, symbol) DO UPDATE SET
                    target_sell = CASE WHEN @clearTarget THEN NULL ELSE COALESCE(@TargetSell, r.target_sell) END,
                    stop_loss = CASE WHEN @clearStop THEN NULL ELSE COALESCE(@StopLoss, r.stop_loss) END,
                    add_zone_low = CASE WHEN @clearZone THEN NULL ELSE COALESCE(@AddZoneLow, r.add_zone_low) END,
                    add_zone_high = CASE WHEN @clearZone THEN NULL ELSE COALESCE(@AddZoneHigh, r.add_zone_high) END,
                    updated_at = now()
                """,
                new { portfolioId, symbol, change.TargetSell, change.StopLoss, change.AddZoneLow, change.AddZoneHigh, clearTarget, clearStop, clearZone },
                transaction, cancellationToken: cancellationToken));
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.CheckViolation)
        {
            throw HksException.Usage("InvalidRule", $"the add zone of {symbol} must run from its low to its high, not the other way round");
        }
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }
    }
}
