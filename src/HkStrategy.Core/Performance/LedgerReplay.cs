using HkStrategy.Core.Ledger;

namespace HkStrategy.Core.Performance;

/// <summary>
/// The holdings as the ledger stood at each day's close, valued at the close of the day (or the last before it); a
/// symbol with no close yet at its last trade's price, named in <see cref="Unpriced"/>. A symbol traded in renminbi or
/// US dollars (a dual counter's RMB line) is quoted in that currency: its closes are converted to HK$ at the day's
/// rate (<c>CNYHKD=X</c>, <c>USDHKD=X</c>), or at its last trade's rate when there is none.
/// </summary>
internal sealed class LedgerReplay(ClosingPrices prices)
{
    private readonly Dictionary<string, Held> _held = new(StringComparer.Ordinal);
    private readonly List<Held> _heldInOrder = [];
    private readonly SortedSet<string> _unpriced = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClosingPrices.Cursor?> _cursors = new(StringComparer.Ordinal);

    /// <summary>A symbol's holding with its closes' cursor, so that valuing the holdings each day looks nothing up.</summary>
    private sealed class Held(string symbol, ClosingPrices.Cursor? cursor)
    {
        public string Symbol { get; } = symbol;

        public ClosingPrices.Cursor? Cursor { get; } = cursor;

        public Holding Holding { get; set; } = Holding.None;

        /// <summary>The holding's value at the latest close valued.</summary>
        public decimal Value { get; set; }

        /// <summary>The money the symbol's activities put in on the day being replayed.</summary>
        public decimal DayFlow { get; set; }

        public PositionReturn Return { get; } = new();

        /// <summary>The rate's closes of the currency the symbol is quoted in; none for HK$.</summary>
        public ClosingPrices.Cursor? Rate { get; set; }

        /// <summary>The price in HK$ of the symbol's last activity with one (not a scrip dividend's reference price): its value when it has no close.</summary>
        public decimal? LastPrice { get; set; }

        /// <summary>HK$ per unit of that currency at the symbol's last trade: the rate when the day has none.</summary>
        public decimal LastRate { get; set; } = 1m;

        /// <summary>Whether the symbol's closes are in HK$ as they are (no rate to apply).</summary>
        public bool InHkdAlready => LastRate == 1m && Rate is null;

        /// <summary>A close in HK$.</summary>
        public decimal InHkd(decimal close, DateOnly day) => InHkdAlready ? close : close * (Rate?.On(day) ?? LastRate);
    }

    private bool _periodStarted;
    private DateOnly _lastDay;

    public IReadOnlyList<string> Unpriced => [.. _unpriced];

    /// <summary>Applies one activity of the day (with what its chain's derivation says it leaves): the money it puts in (negative: takes out).</summary>
    public decimal Apply(Activity activity, DerivedActivity? step, DateOnly day)
    {
        if (activity.Symbol is not { } symbol || step is null)
        {
            return DayFlows.Of(activity, 0, 0, 0m);
        }
        var before = step.Before.Quantity;
        if (!_held.TryGetValue(symbol, out var held))
        {
            _held[symbol] = held = new Held(symbol, CursorOf(symbol));
            _heldInOrder.Add(held);
        }
        if (activity.Price is > 0m && activity.Type is not ActivityType.ScripDividend)
        {
            held.LastPrice = activity.Price.Value * activity.FxRate;
        }
        if (activity.Type is ActivityType.Buy or ActivityType.Sell or ActivityType.TransferIn or ActivityType.Opening && activity.Price is > 0m)
        {
            held.Rate = Currencies.RateSymbol(activity.Currency) is { } rate ? CursorOf(rate) : null;
            held.LastRate = activity.FxRate;
        }
        held.Holding = step.After;
        var flow = DayFlows.Of(activity, before, step.After.Quantity, PriceOf(held, day, activity.Price is > 0m ? activity.Price.Value * activity.FxRate : null));
        held.DayFlow += flow;
        return flow;
    }

    /// <summary>
    /// The holdings' value at the day's close. A day of the period also carries each symbol's own returns: the first
    /// starts them from the close before it, and a day with a symbol's flows adds them to its chain.
    /// </summary>
    public decimal Value(DateOnly day, bool inPeriod)
    {
        if (inPeriod && !_periodStarted)
        {
            _periodStarted = true;
            foreach (var held in _heldInOrder)
            {
                held.Return.Start(_lastDay, held.Value);
            }
        }
        var value = 0m;
        var cents = 0L;
        foreach (var held in _heldInOrder)
        {
            var worth = 0m;
            if (held.Holding.Quantity != 0)
            {
                if (held.InHkdAlready && held.Cursor?.ThousandthsOn(day) is { } thousandths)
                {
                    var worthInCents = WholeCents.Of(held.Holding.Quantity, thousandths);
                    worth = Text.ScaledIntegers.ToDecimal(worthInCents, 2);
                    cents += worthInCents; // each at most 4.7 × 10^17: the sum is moved into the decimal before it could overflow
                    if (Math.Abs(cents) > 1_000_000_000_000_000_000L)
                    {
                        (value, cents) = (value + Text.ScaledIntegers.ToDecimal(cents, 2), 0L);
                    }
                }
                else
                {
                    var close = held.Cursor?.On(day);
                    worth = Costs.Cents.HalfUp(held.Holding.Quantity * (close is { } c ? held.InHkd(c, day) : PriceOf(held, day, null)));
                    value += worth;
                }
            }
            if (inPeriod && held.DayFlow != 0m)
            {
                held.Return.Flow(day, worth, held.DayFlow);
            }
            held.DayFlow = 0m; // before the period, a symbol's flows are in its value at the close before it
            held.Value = worth;
        }
        _lastDay = day;
        return value + Text.ScaledIntegers.ToDecimal(cents, 2);
    }

    public Dictionary<string, int> Holdings() =>
        _heldInOrder.Where(h => h.Holding.Quantity > 0).ToDictionary(h => h.Symbol, h => h.Holding.Quantity, StringComparer.Ordinal);

    public decimal ValueOf(IReadOnlyDictionary<string, int> holdings, DateOnly day) =>
        holdings.Sum(h => Costs.Cents.HalfUp(h.Value * PriceOf(h.Key, day, null)));

    private ClosingPrices.Cursor? CursorOf(string symbol)
    {
        if (!_cursors.TryGetValue(symbol, out var cursor))
        {
            _cursors[symbol] = cursor = prices.CursorOf(symbol);
        }
        return cursor;
    }

    private decimal PriceOf(string symbol, DateOnly day, decimal? fallback)
    {
        if (_held.TryGetValue(symbol, out var held))
        {
            return PriceOf(held, day, fallback);
        }
        if ((CursorOf(symbol)?.On(day) ?? fallback) is { } price)
        {
            return price;
        }
        _unpriced.Add(symbol);
        return 0m;
    }

    /// <summary>A held symbol's price in HK$ on the day: its close, else the price given, else its last activity's, else its average cost.</summary>
    private decimal PriceOf(Held held, DateOnly day, decimal? fallback)
    {
        if (held.Cursor?.On(day) is { } close)
        {
            return held.InHkd(close, day);
        }
        if ((fallback ?? held.LastPrice) is { } price)
        {
            if (held.Holding.Quantity > 0)
            {
                _unpriced.Add(held.Symbol);
            }
            return price;
        }
        _unpriced.Add(held.Symbol);
        return held.Holding.AverageCost;
    }

    /// <summary>A ledger with this many positions or more has their money-weighted returns solved side by side, one per core.</summary>
    private const int ParallelRates = 32;

    /// <summary>Each symbol held at the end or active in the period, with its sums.</summary>
    public IReadOnlyList<PositionPerformance> Positions(DateOnly to, PeriodSums sums)
    {
        var positions = _held.Keys.Union(sums.Symbols).Order(StringComparer.Ordinal).Select(symbol =>
        {
            var holding = _held.GetValueOrDefault(symbol)?.Holding ?? Holding.None;
            var value = holding.Quantity == 0 ? 0m : Costs.Cents.HalfUp(holding.Quantity * PriceOf(symbol, to, null));
            var of = sums.Of(symbol);
            var returns = _held.GetValueOrDefault(symbol)?.Return;
            return (Performance: new PositionPerformance(symbol, holding.Quantity, Costs.Cents.HalfUp(holding.Cost), value, of.Realized,
                value - Costs.Cents.HalfUp(holding.Cost), of.Dividends, of.Fees, returns?.Twr(value), null), Returns: returns);
        }).Where(p => p.Performance.Quantity > 0 || p.Performance.RealizedPnl != 0m || p.Performance.Dividends != 0m || p.Performance.Fees != 0m).ToArray();
        // Each position's XIRR is solved on its own flows (up to a hundred Newton steps over each of them), the costliest part of the positions.
        var rates = new decimal?[positions.Length];
        void Solve(int i) => rates[i] = positions[i].Returns?.Mwr(to, positions[i].Performance.Value);
        if (positions.Length >= ParallelRates)
        {
            Parallel.For(0, positions.Length, Solve);
        }
        else
        {
            for (var i = 0; i < positions.Length; i++)
            {
                Solve(i);
            }
        }
        return [.. positions.Select((p, i) => p.Performance with { Mwr = rates[i] })];
    }
}
