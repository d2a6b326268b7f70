using HkStrategy.Core.Costs;
using HkStrategy.Core.Ledger;
using HkStrategy.Data.Activities;
using HkStrategy.Operations.Ledger;

namespace HkStrategy.Web.Activities;

/// <summary>
/// An activity as the API gives it, the same object as <c>hks activity list --json</c>: its id, dates, values,
/// <c>fees</c> by kind with their total (HK$), the position it leaves and a sale's realised P&amp;L (HK$).
/// </summary>
public sealed record ActivityResponse(
    long Id, string Portfolio, string Type, DateOnly TradeDate, DateOnly? SettlementDate, string? Symbol, int? Quantity, decimal? Price,
    decimal? Amount, string Currency, decimal FxRate, string? Ratio, TradeCosts Fees, string? Note, ActivityResponse.PositionLeft? Position, decimal? RealizedPnl)
{
    public static ActivityResponse Of(Activity a, decimal? realizedPnl) => new(
        a.Id, a.PortfolioId, a.Type.Name(), a.TradeDate, a.SettlementDate, a.Symbol, a.Quantity, a.Price, a.Amount, a.Currency, a.FxRate,
        a.Ratio?.ToString(), a.Fees, a.Note, a.Leaves is { } left ? new PositionLeft(left.Quantity, left.AverageCost) : null, realizedPnl);

    public static ActivityResponse Of(ListedActivity listed) => Of(listed.Activity, listed.RealizedPnl);

    /// <summary>The position an activity leaves.</summary>
    public sealed record PositionLeft(int Quantity, decimal AverageCost);
}

/// <summary>A page of a ledger, newest first: how many activities match, where the page starts, and its activities.</summary>
public sealed record ActivityPage(int Total, int Offset, IReadOnlyList<ActivityResponse> Activities);

/// <summary>One change of an activity from the journal, with the activity as it was then.</summary>
public sealed record JournalResponse(long Id, string Change, DateTimeOffset ChangedAt, ActivityResponse Activity)
{
    public static JournalResponse Of(JournalEntry entry) =>
        new(entry.Id, entry.Change, new DateTimeOffset(DateTime.SpecifyKind(entry.ChangedAt, DateTimeKind.Utc)), ActivityResponse.Of(entry.Activity.ToActivity(), null));
}
