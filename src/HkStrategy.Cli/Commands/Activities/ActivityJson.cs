using HkStrategy.Core.Costs;
using HkStrategy.Core.Ledger;
using HkStrategy.Operations.Ledger;

namespace HkStrategy.Cli.Commands.Activities;

/// <summary>
/// An activity as <c>--json</c> prints it: its id, dates, values, <c>fees</c> by kind with their total (HK$), the
/// position it leaves, and a sale's realised P&amp;L (HK$).
/// </summary>
internal sealed record ActivityJson(
    long Id, string Portfolio, string Type, DateOnly TradeDate, DateOnly? SettlementDate, string? Symbol, int? Quantity, decimal? Price,
    decimal? Amount, string Currency, decimal FxRate, string? Ratio, TradeCosts Fees, string? Note, LeftPositionJson? Position,
    decimal? RealizedPnl, IReadOnlyList<string> Warnings)
{
    public static ActivityJson Of(Activity a, decimal? realizedPnl, IReadOnlyList<string> warnings) => new(
        a.Id, a.PortfolioId, a.Type.Name(), a.TradeDate, a.SettlementDate, a.Symbol, a.Quantity, a.Price, a.Amount, a.Currency, a.FxRate,
        a.Ratio?.ToString(), a.Fees, a.Note, a.Leaves is { } left ? new LeftPositionJson(left.Quantity, left.AverageCost) : null, realizedPnl, warnings);

    public static ActivityJson Of(RecordedActivity recorded) => Of(recorded.Activity, recorded.RealizedPnl, recorded.Warnings);
}

/// <summary>The position an activity leaves.</summary>
internal sealed record LeftPositionJson(int Quantity, decimal AverageCost);
