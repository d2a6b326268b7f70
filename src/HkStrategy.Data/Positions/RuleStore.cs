using Dapper;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Signals;
using Npgsql;

namespace HkStrategy.Data.Positions;

/// <summary>
/// A position's rules (target sell, trim minimum, stop loss, tactical stop, add zone, buy gates), kept in position_rules
/// beside the legacy table. A gate that needs the add zone is refused without one, in the same transaction.
/// </summary>
public static class RuleStore
{
    public static readonly string[] Names = ["target", "trim-min", "stop", "tactical-stop", "add-zone", "buy-only"];

    private const string UpsertSql = """
        INSERT INTO position_rules AS r (portfolio_id, symbol, target_sell, stop_loss, add_zone_low, add_zone_high, trim_min, tactical_stop, buy_only)
        VALUES (@portfolioId, @symbol, @TargetSell, @StopLoss, @AddZoneLow, @AddZoneHigh, @TrimMin, @TacticalStop, COALESCE(@buyOnly::varchar(20)[], '{}'))
        ON CONFLICT (portfolio_id, symbol) DO UPDATE SET
            target_sell = CASE WHEN 'target' = ANY(@clear) THEN NULL ELSE COALESCE(@TargetSell, r.target_sell) END,
            stop_loss = CASE WHEN 'stop' = ANY(@clear) THEN NULL ELSE COALESCE(@StopLoss, r.stop_loss) END,
            add_zone_low = CASE WHEN 'add-zone' = ANY(@clear) THEN NULL ELSE COALESCE(@AddZoneLow, r.add_zone_low) END,
            add_zone_high = CASE WHEN 'add-zone' = ANY(@clear) THEN NULL ELSE COALESCE(@AddZoneHigh, r.add_zone_high) END,
            trim_min = CASE WHEN 'trim-min' = ANY(@clear) THEN NULL ELSE COALESCE(@TrimMin, r.trim_min) END,
            tactical_stop = CASE WHEN 'tactical-stop' = ANY(@clear) THEN NULL ELSE COALESCE(@TacticalStop, r.tactical_stop) END,
            buy_only = CASE WHEN 'buy-only' = ANY(@clear) THEN '{}' ELSE COALESCE(@buyOnly::varchar(20)[], r.buy_only) END,
            updated_at = now()
        RETURNING add_zone_low IS NULL AND 'in-add-zone' = ANY(buy_only)
        """;

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
        var exists = await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM portfolio_positions WHERE portfolio_id = @portfolioId AND symbol = @symbol FOR KEY SHARE)",
            new { portfolioId, symbol, cancellationToken }, transaction);
        if (!exists)
        {
            throw PositionStore.Missing(portfolioId, symbol);
        }
        bool gateWithoutZone;
        try
        {
            gateWithoutZone = await connection.ExecuteScalarAsync<bool>(UpsertSql,
                new {
                    portfolioId, symbol, change.TargetSell, change.StopLoss, change.AddZoneLow, change.AddZoneHigh, change.TrimMin, change.TacticalStop,
                    buyOnly = change.BuyOnly is { } gates ? BuyGateNames.Names(gates) : null,
                    clear = change.Clear.ToArray(), cancellationToken }, transaction);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.CheckViolation)
        {
            throw HksException.Usage("InvalidRule", error.ConstraintName == "position_rules_add_zone_check"
                ? $"the add zone of {symbol} must run from its low to its high, not the other way round"
                : $"the rules of {symbol} were refused ({error.ConstraintName}): {error.MessageText}");
        }
        if (gateWithoutZone)
        {
            throw HksException.Usage("InvalidRule",
                $"{symbol}'s buy-only rule {BuyGateNames.InAddZone} needs an add zone: give one (LOW-HIGH) or remove the rule");
        }
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }
    }
}
