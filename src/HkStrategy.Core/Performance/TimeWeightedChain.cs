namespace HkStrategy.Core.Performance;

/// <summary>
/// The time-weighted return as a chain of daily returns, each day's flows at its close (docs/performance.md):
/// <c>(value − flow) / previous − 1</c>; from nothing, <c>value / flow − 1</c>. Three days the rule cannot place are
/// placed so: a buy at the close that the rule would give a return of −100% or worse (a large buy joining a tiny
/// holding, whose costs and move to the close the holding cannot carry) counts from the day's start,
/// <c>value / (previous + flow) − 1</c>; money paid out with nothing held before or after (a dividend paid after the
/// shares were sold) is return on what the last sale took out, <c>(proceeds + paid) / proceeds − 1</c>; money paid in
/// with nothing held before or after (a fee after a sale) adds nothing.
/// </summary>
internal sealed class TimeWeightedChain
{
    private decimal _proceeds;

    public decimal Growth { get; private set; } = 1m;

    /// <summary>Whether any day made a return: none if nothing was ever held.</summary>
    public bool Any { get; private set; }

    /// <summary>One step of the chain: the value before it, the value at its close and the money put in (negative: taken out).</summary>
    public void Step(decimal previous, decimal value, decimal flow)
    {
        if (previous > 0m)
        {
            var factor = (value - flow) / previous;
            Growth *= factor <= 0m && flow > 0m ? value / (previous + flow) : factor;
            Any = true;
            _proceeds = value == 0m && flow < 0m ? -flow : 0m;
        }
        else if (flow > 0m && value > 0m)
        {
            Growth *= value / flow;
            Any = true;
            _proceeds = 0m;
        }
        else if (flow < 0m && value == 0m && _proceeds > 0m)
        {
            Growth *= (_proceeds - flow) / _proceeds;
            _proceeds -= flow;
        }
    }
}
