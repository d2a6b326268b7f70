namespace HkStrategy.Core.Performance;

/// <summary>
/// One symbol's time- and money-weighted returns over the period, kept as the ledger is replayed. The symbol's value
/// and its own flows (its trades, dividends, fees and transfers, as <see cref="DayFlows"/> counts them) make its
/// daily returns as they make the portfolio's. Between two days with flows the daily returns multiply to the ratio of
/// the two closes' values, so the chain is carried from one day with flows to the next instead of every day.
/// </summary>
internal sealed class PositionReturn
{
    private readonly List<DatedFlow> _flows = [];
    private readonly TimeWeightedChain _chain = new();
    private decimal _anchor;

    /// <summary>The period starts with the symbol worth this at the close before it (the MWR's money paid in then).</summary>
    public void Start(DateOnly closeBefore, decimal value)
    {
        _anchor = value;
        if (value > 0m)
        {
            _flows.Add(new DatedFlow(closeBefore, -value));
        }
    }

    /// <summary>A day of the period on which the symbol's activities put in <paramref name="flow"/> (negative: took out); its value at the close.</summary>
    public void Flow(DateOnly day, decimal value, decimal flow)
    {
        _chain.Step(_anchor, value, flow);
        _flows.Add(new DatedFlow(day, -flow));
        _anchor = value;
    }

    /// <summary>The TWR to the period's end, where the symbol is worth <paramref name="endValue"/>; none if nothing was held in the period.</summary>
    public decimal? Twr(decimal endValue) =>
        _anchor > 0m ? _chain.Growth * (endValue / _anchor) - 1m
        : _chain.Any ? _chain.Growth - 1m
        : null;

    /// <summary>The MWR (annualised) to the period's end; none when the flows have no rate.</summary>
    public decimal? Mwr(DateOnly to, decimal endValue) =>
        Xirr.Rate([.. _flows, new DatedFlow(to, endValue)]);
}
