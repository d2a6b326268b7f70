using System.Data;
using Dapper;
using HkStrategy.Core.Costs;
using HkStrategy.Core.Ledger;

namespace HkStrategy.Data.Activities;

/// <summary>One row of <c>activities</c> as PostgreSQL holds it, and the activity it stands for.</summary>
public sealed record StoredActivity(
    long Id, string PortfolioId, string ActivityType, DateOnly TradeDate, DateOnly? SettlementDate, string? Symbol,
    int? Quantity, decimal? Price, decimal? Amount, string Currency, decimal FxRate, int? RatioFrom, int? RatioTo,
    decimal StampDuty, decimal SfcLevy, decimal AfrcLevy, decimal TradingFee, decimal SettlementFee, decimal Commission,
    string? Note, int? PositionQuantity, decimal? PositionAvgCost,
    [property: DbValue(DbType = DbType.DateTime2)] DateTime CreatedAt, [property: DbValue(DbType = DbType.DateTime2)] DateTime UpdatedAt)
{
    public const string Columns = """
        id AS "Id", portfolio_id AS "PortfolioId", activity_type AS "ActivityType", trade_date AS "TradeDate", settlement_date AS "SettlementDate",
        symbol AS "Symbol", quantity AS "Quantity", price AS "Price", amount AS "Amount", currency AS "Currency", fx_rate AS "FxRate",
        ratio_from AS "RatioFrom", ratio_to AS "RatioTo", stamp_duty AS "StampDuty", sfc_levy AS "SfcLevy", afrc_levy AS "AfrcLevy",
        trading_fee AS "TradingFee", settlement_fee AS "SettlementFee", commission AS "Commission", note AS "Note",
        position_quantity AS "PositionQuantity", position_avg_cost AS "PositionAvgCost", created_at AS "CreatedAt", updated_at AS "UpdatedAt"
        """;

    public Activity ToActivity() => new()
    {
        Id = Id, PortfolioId = PortfolioId, Type = ActivityTypes.Parse(ActivityType, adjustment: true), TradeDate = TradeDate,
        SettlementDate = SettlementDate, Symbol = Symbol, Quantity = Quantity, Price = Price, Amount = Amount, Currency = Currency, FxRate = FxRate,
        Ratio = RatioFrom is { } from && RatioTo is { } to ? new SplitRatio(from, to) : null,
        Fees = new TradeCosts(StampDuty, SfcLevy, AfrcLevy, TradingFee, SettlementFee, Commission), Note = Note,
        Leaves = PositionQuantity is { } quantity ? Holding.At(quantity, PositionAvgCost ?? 0m) : null,
    };
}
