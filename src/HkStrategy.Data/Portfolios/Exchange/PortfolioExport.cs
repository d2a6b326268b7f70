using Dapper;
using HkStrategy.Core.Ledger;
using HkStrategy.Data.Activities;
using HkStrategy.Data.Brokers;
using Npgsql;

namespace HkStrategy.Data.Portfolios.Exchange;

/// <summary>Reads one portfolio whole into a <see cref="PortfolioDocument"/>, in one snapshot.</summary>
public static class PortfolioExport
{
    public static async Task<PortfolioDocument> ReadAsync(NpgsqlConnection connection, string portfolioId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var portfolio = (await connection.QueryAsync<ExportedPortfolio>(
            "SELECT portfolio_id AS \"PortfolioId\", name AS \"Name\", description AS \"Description\", created_at AS \"CreatedAt\", updated_at AS \"UpdatedAt\" FROM portfolios WHERE portfolio_id = @portfolioId",
            new { portfolioId, cancellationToken }, snapshot)).SingleOrDefault() ?? throw PortfolioStore.Missing(portfolioId);
        var positions = await connection.QueryAsync<PositionRow>(
            """
            SELECT p.symbol AS "Symbol", p.company_name AS "CompanyName", p.quantity AS "Quantity", p.avg_cost AS "AverageCost",
                   COALESCE(p.current_price, 0) AS "CurrentPrice", p.sector AS "Sector", p.last_updated AS "LastUpdated",
                   r.target_sell AS "TargetSell", r.stop_loss AS "StopLoss", r.add_zone_low AS "AddZoneLow", r.add_zone_high AS "AddZoneHigh",
                   r.trim_min AS "TrimMin", r.tactical_stop AS "TacticalStop", COALESCE(array_to_string(r.buy_only, ','), '') AS "BuyOnlyNames"
            FROM portfolio_positions p LEFT JOIN position_rules r ON r.portfolio_id = p.portfolio_id AND r.symbol = p.symbol
            WHERE p.portfolio_id = @portfolioId ORDER BY p.symbol
            """, new { portfolioId, cancellationToken }, snapshot);
        var events = await connection.QueryAsync<ExportedEvent>(
            """
            SELECT e.symbol AS "Symbol", e.event_date AS "Date", e.description AS "Description" FROM symbol_events e
            WHERE e.symbol IN (SELECT symbol FROM portfolio_positions WHERE portfolio_id = @portfolioId) ORDER BY e.symbol, e.event_date, e.description
            """, new { portfolioId, cancellationToken }, snapshot);
        var analyses = (await ReadAnalysesAsync(connection, snapshot, portfolioId, cancellationToken)).Select(a => a.Analysis).ToList();
        var activities = await ActivityStore.ListAsync(connection, portfolioId, new ActivityFilter(), cancellationToken, snapshot);
        var broker = await BrokerProfileStore.FindAsync(connection, portfolioId, cancellationToken, snapshot);
        await snapshot.CommitAsync(cancellationToken);
        return new PortfolioDocument
        {
            Version = PortfolioDocument.CurrentVersion, ExportedAt = now, Portfolio = portfolio, Positions = positions.Select(p => p.ToExported()).ToList(),
            Events = events.ToList(), Analyses = analyses, Activities = [.. activities.Select(a => Exported(a.ToActivity()))],
            Broker = broker is null ? null : new ExportedBroker(broker.Broker, broker.CommissionRate, broker.CommissionMinimum, broker.PlatformFee),
        };
    }

    /// <summary>The activity as a document carries it: a trade's amount and what it leaves follow from the rest, costs of none are left out.</summary>
    public static ExportedActivity Exported(Activity a) => new(
        a.TradeDate, a.Type.Name(), a.Symbol, a.Quantity, a.Price, a.Type.IsTrade() ? null : a.Amount, a.Currency, a.FxRate == 1m ? null : a.FxRate,
        a.Ratio?.ToString(),
        a.Fees.Total == 0m ? null : new ExportedCosts(a.Fees.StampDuty, a.Fees.SfcLevy, a.Fees.AfrcLevy, a.Fees.TradingFee, a.Fees.SettlementFee, a.Fees.Commission),
        a.Note);

    public static async Task<IReadOnlyList<(int Id, ExportedAnalysis Analysis)>> ReadAnalysesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string portfolioId, CancellationToken cancellationToken)
    {
        var analyses = new List<(int, ExportedAnalysis)>();
        var headers = await connection.QueryAsync<AnalysisHeader>(
            """
            SELECT id AS "Id", name AS "Name", start_date AS "StartDate", end_date AS "EndDate", created_at AS "CreatedAt", user_notes AS "UserNotes",
                   start_pv AS "StartPv", end_pv AS "EndPv", total_return AS "TotalReturn", max_drawdown AS "MaxDrawdown", volatility AS "Volatility"
            FROM portfolio_analyses WHERE portfolio_id = @portfolioId ORDER BY start_date, name, id
            """, new { portfolioId, cancellationToken }, transaction);
        foreach (var h in headers)
        {
            var values = await connection.QueryAsync<ExportedValue>(
                """
                SELECT trade_date AS "TradeDate", portfolio_value AS "PortfolioValue", cash_value AS "CashValue", total_value AS "TotalValue",
                       daily_change AS "DailyChange", daily_return AS "DailyReturn", top_contributors::text AS "TopContributors"
                FROM portfolio_value_history WHERE analysis_id = @Id ORDER BY trade_date
                """, new { h.Id, cancellationToken }, transaction);
            analyses.Add((h.Id, new ExportedAnalysis(h.Name, h.StartDate, h.EndDate, h.CreatedAt, h.UserNotes, h.StartPv, h.EndPv,
                h.TotalReturn, h.MaxDrawdown, h.Volatility, values.ToList())));
        }
        return analyses;
    }

    internal sealed record AnalysisHeader(int Id, string Name, DateOnly StartDate, DateOnly EndDate, DateTime? CreatedAt, string? UserNotes,
        decimal? StartPv, decimal? EndPv, decimal? TotalReturn, decimal? MaxDrawdown, decimal? Volatility);

    /// <summary>A position as read (the gates as comma-joined text: Dapper matches no array to a constructor).</summary>
    internal sealed record PositionRow(
        string Symbol, string? CompanyName, int Quantity, decimal AverageCost, decimal CurrentPrice, string? Sector, DateTime? LastUpdated,
        decimal? TargetSell, decimal? StopLoss, decimal? AddZoneLow, decimal? AddZoneHigh, decimal? TrimMin, decimal? TacticalStop, string BuyOnlyNames)
    {
        public ExportedPosition ToExported() => new(Symbol, CompanyName, Quantity, AverageCost, CurrentPrice, Sector, LastUpdated,
            TargetSell, StopLoss, AddZoneLow, AddZoneHigh, TrimMin, TacticalStop, BuyOnlyNames.Length == 0 ? [] : BuyOnlyNames.Split(','));
    }
}
