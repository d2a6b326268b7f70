using HkStrategy.Core.Costs;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Ledger;
using HkStrategy.Data.Brokers;
using Npgsql;

namespace HkStrategy.Operations.Ledger;

/// <summary>
/// What an edit changes; null leaves a value as it is. The portfolio and symbol stay: an activity of another symbol
/// is another activity (remove this one, add that one). A trade whose quantity, price or date changes gets its costs
/// computed again when they were hks's own (or with <c>--fees auto</c>); costs given from a contract note are kept.
/// </summary>
public sealed record ActivityEdit
{
    public ActivityType? Type { get; init; }

    public DateOnly? TradeDate { get; init; }

    public int? Quantity { get; init; }

    public decimal? Price { get; init; }

    public decimal? Amount { get; init; }

    public string? Currency { get; init; }

    public decimal? FxRate { get; init; }

    public SplitRatio? Ratio { get; init; }

    public FeesChoice Fees { get; init; } = FeesChoice.Default;

    public string? Note { get; init; }

    public bool ChangesNothing => Type is null && TradeDate is null && Quantity is null && Price is null && Amount is null && Currency is null
        && FxRate is null && Ratio is null && Fees == FeesChoice.Default && Note is null;

    public async Task<BuiltActivity> ApplyToAsync(NpgsqlConnection connection, Activity current, CancellationToken cancellationToken)
    {
        if (ChangesNothing)
        {
            throw HksException.Usage("NothingToChange", "give at least one value to change (--date, --quantity, --price, --amount, --fees, --note …)");
        }
        var currency = Currency ?? current.Currency;
        var fxRate = FxRate
            ?? (currency == current.Currency && (TradeDate is null || TradeDate == current.TradeDate) ? current.FxRate
                : await FxRates.OnAsync(connection, currency, TradeDate ?? current.TradeDate, cancellationToken));
        var edited = current with
        {
            Type = Type ?? current.Type, TradeDate = TradeDate ?? current.TradeDate, Quantity = Quantity ?? current.Quantity,
            Price = Price ?? current.Price, Amount = Amount ?? (current.Type.IsTrade() ? null : current.Amount), Currency = currency, FxRate = fxRate,
            Ratio = Ratio ?? current.Ratio, Note = Note ?? current.Note, SettlementDate = null,
        };
        // Costs hks computed are computed again with the portfolio's broker profile as it is now; if it changed since,
        // the recorded costs no longer match and are kept, as costs given from a contract note are.
        var broker = await BrokerProfileStore.ChargedAsync(connection, current.PortfolioId, cancellationToken);
        return ActivityBuilder.Complete(edited, FeesFor(current, edited, broker), broker);
    }

    /// <summary>The costs of the edited activity: as chosen, else computed again if they were computed, else kept as they are.</summary>
    private FeesChoice FeesFor(Activity current, Activity edited, BrokerProfile broker)
    {
        if (Fees != FeesChoice.Default)
        {
            return Fees;
        }
        // An ETF trade recorded before hks knew of the ETFs' waiver has a share's stamp duty: still costs hks computed.
        return edited.Type.IsTrade() && current.Type.IsTrade()
            && (current.Fees == AutoCosts(current, broker, current.Symbol) || current.Fees == AutoCosts(current, broker, symbol: null))
            ? FeesChoice.Computed : FeesChoice.Kept(current.Fees);
    }

    private static TradeCosts? AutoCosts(Activity activity, BrokerProfile broker, string? symbol)
    {
        var first = CostSchedule.HongKong.First;
        return activity.TradeDate < first ? null
            : CostSchedule.HongKong.Quote(activity.Type == ActivityType.Sell ? TradeSide.Sell : TradeSide.Buy, activity.ConsiderationHkd, activity.TradeDate, broker, symbol);
    }
}
