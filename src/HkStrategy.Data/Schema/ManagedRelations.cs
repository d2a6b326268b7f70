namespace HkStrategy.Data.Schema;

/// <summary>
/// The tables and views of schema public that hks creates, adopts or archives at some version. Anything else there
/// (the prototype's <c>daily_equity_technicals</c>, a user's own table) is not hks's: every operation leaves it as it is,
/// and <c>hks db status</c> lists it as "not managed by hks".
/// </summary>
public static class ManagedRelations
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(
        [
            .. SchemaClassifier.LegacyTables, .. SchemaClassifier.TransitionalTables, .. SchemaClassifier.MarketDataTables, .. SchemaClassifier.LedgerTables, .. SchemaClassifier.BrokerTables, .. SchemaClassifier.SeriesTables,
            "portfolio_summary", "equity_cross_portfolio_performance", "portfolio_analysis_equity_summary", "strategy_performance_summary",
        ],
        StringComparer.Ordinal);
}
