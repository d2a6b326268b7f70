using HkStrategy.Core.Ledger;

namespace HkStrategy.Data.Activities;

/// <summary>An activity's columns as statement parameters.</summary>
internal sealed record ActivityValues(
    long Id, string PortfolioId, string Type, DateOnly TradeDate, DateOnly? SettlementDate, string? Symbol, int? Quantity, decimal? Price,
    decimal? Amount, string Currency, decimal FxRate, int? RatioFrom, int? RatioTo, decimal StampDuty, decimal SfcLevy, decimal AfrcLevy,
    decimal TradingFee, decimal SettlementFee, decimal Commission, string? Note, int? PositionQuantity, decimal? PositionAvgCost,
    CancellationToken CancellationToken)
{
    public static ActivityValues Of(Activity a, CancellationToken cancellationToken) => new(
        a.Id, a.PortfolioId, a.Type.Name(), a.TradeDate, a.SettlementDate, a.Symbol, a.Quantity, a.Price, a.Amount, a.Currency, a.FxRate,
        a.Ratio?.From, a.Ratio?.To, a.Fees.StampDuty, a.Fees.SfcLevy, a.Fees.AfrcLevy, a.Fees.TradingFee, a.Fees.SettlementFee, a.Fees.Commission,
        a.Note, a.Leaves?.Quantity, a.Leaves?.AverageCost, cancellationToken);
}
