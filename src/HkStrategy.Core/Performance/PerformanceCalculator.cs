using HkStrategy.Core.Calendar;
using HkStrategy.Core.Costs;
using HkStrategy.Core.Ledger;

namespace HkStrategy.Core.Performance;

/// <summary>
/// Computes a <see cref="PerformanceReport"/>: the ledger replayed day by day from its first activity (each symbol's
/// chain derived by <see cref="WeightedAverageCost"/>), the holdings valued at each trading day's close, and each
/// day's return with its flows at the close. Definitions: docs/performance.md.
/// </summary>
public static class PerformanceCalculator
{
    public static PerformanceReport Calculate(PerformanceRequest request)
    {
        var ordered = LedgerOrder.Sorted(request.Activities);
        var derived = Derive(ordered);
        var from = request.From ?? (ordered.Count > 0 ? ordered[0].TradeDate : request.To);
        var replay = new LedgerReplay(request.Prices);
        var days = Days(ordered, from, request.To);
        // The period's sums depend on each activity and its step alone, not on the day's holdings: they are added up on
        // another core while the ledger is replayed (PeriodSums skips what falls outside the period).
        var sums = new PeriodSums(from, request.To);
        var summing = Task.Run(() =>
        {
            for (var i = 0; i < ordered.Count; i++)
            {
                sums.Add(ordered[i], derived[i]);
            }
        });
        var index = 0;
        var series = new List<(DateOnly Day, decimal Value, decimal Flow)>();
        decimal startValue = 0m;
        DateOnly? startDay = null;
        var baseline = request.BaselineDate is { } b && b <= request.To ? new Dictionary<string, int>() : null;
        foreach (var day in days)
        {
            var flow = 0m;
            for (; index < ordered.Count && ordered[index].TradeDate <= day; index++)
            {
                flow += replay.Apply(ordered[index], derived[index], day);
            }
            var value = replay.Value(day, day >= from);
            if (baseline is not null && day <= request.BaselineDate)
            {
                baseline = replay.Holdings();
            }
            if (day < from)
            {
                (startValue, startDay) = (value, day);
                continue;
            }
            series.Add((day, value, flow));
        }
        summing.GetAwaiter().GetResult();
        var twr = TimeWeighted(startValue, series);
        var benchmark = Benchmark(request, from, series);
        var baselineSeries = baseline is null ? null : Baseline(request, baseline, startDay, series, replay);
        var daily = series.Select((d, i) => new PerformanceDay(d.Day, d.Value, d.Flow, twr.Cumulative[i], benchmark.Cumulative[i], baselineSeries?.Cumulative[i]))
            .ToList();
        var endValue = series.Count > 0 ? series[^1].Value : startValue;
        var positions = replay.Positions(request.To, sums);
        return new PerformanceReport(from, request.To, startValue, endValue, series.Sum(d => d.Flow), sums.Realized, positions.Sum(p => p.UnrealizedPnl),
            sums.Dividends, sums.Fees, twr.Total, Mwr(startValue, startDay ?? from, series, request.To),
            new BenchmarkReturn(request.Benchmark, benchmark.Total), baselineSeries?.Report, daily, positions, sums.Sales, sums.Years(), replay.Unpriced);
    }

    /// <summary>A ledger of this many activities or more has its chains derived side by side, one per core.</summary>
    private const int ParallelDerivation = 10_000;

    /// <summary>
    /// What each activity of the ledger (in its order) leaves, by its place: each symbol's chain derived on its own
    /// (<see cref="WeightedAverageCost"/>; a large ledger's chains side by side); none for an activity of no symbol.
    /// A chain that cannot be derived fails the whole, with the first such chain's error in the ledger's order.
    /// </summary>
    private static DerivedActivity?[] Derive(List<Activity> ordered)
    {
        var chains = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Symbol is { } symbol)
            {
                if (!chains.TryGetValue(symbol, out var places))
                {
                    chains[symbol] = places = [];
                }
                places.Add(i);
            }
        }
        var derived = new DerivedActivity?[ordered.Count];
        var list = chains.Values.ToList();
        var failures = new Exception?[list.Count];
        void DeriveChain(int c)
        {
            var places = list[c];
            try
            {
                var chain = new Activity[places.Count];
                for (var k = 0; k < chain.Length; k++)
                {
                    chain[k] = ordered[places[k]];
                }
                var steps = WeightedAverageCost.Derive(chain);
                for (var k = 0; k < places.Count; k++)
                {
                    // A chain taken in the ledger's order stays in it: each step is its activity's.
                    derived[places[k]] = ReferenceEquals(steps[k].Activity, chain[k]) ? steps[k]
                        : throw new InvalidOperationException("a chain's derivation changed its order");
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures[c] = e;
            }
        }
        if (ordered.Count >= ParallelDerivation)
        {
            Parallel.For(0, list.Count, DeriveChain);
        }
        else
        {
            for (var c = 0; c < list.Count; c++)
            {
                DeriveChain(c);
            }
        }
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
        return derived;
    }

    /// <summary>Every trading day from the first activity to the period's end, and any other day with an activity.</summary>
    private static List<DateOnly> Days(IReadOnlyList<Activity> ordered, DateOnly from, DateOnly to)
    {
        var first = ordered.Count > 0 && ordered[0].TradeDate < from ? ordered[0].TradeDate : from;
        var activityDays = ordered.Select(a => a.TradeDate).ToHashSet();
        var days = new List<DateOnly>();
        for (var day = first; day <= to; day = day.AddDays(1))
        {
            if (TradingCalendar.Hkex.IsTradingDay(day) || activityDays.Contains(day))
            {
                days.Add(day);
            }
        }
        return days;
    }

    /// <summary>Each day's return with its flows at the close, chained (<see cref="TimeWeightedChain"/>), and the cumulative return after each day.</summary>
    private static (decimal? Total, IReadOnlyList<decimal> Cumulative) TimeWeighted(decimal startValue, IReadOnlyList<(DateOnly Day, decimal Value, decimal Flow)> series)
    {
        var chain = new TimeWeightedChain();
        var previous = startValue;
        var cumulative = new List<decimal>(series.Count);
        foreach (var (_, value, flow) in series)
        {
            chain.Step(previous, value, flow);
            cumulative.Add(chain.Growth - 1m);
            previous = value;
        }
        return (chain.Any ? chain.Growth - 1m : null, cumulative);
    }

    /// <summary>XIRR of the start value paid in, each day's flows, and the end value taken out, annualised.</summary>
    private static decimal? Mwr(decimal startValue, DateOnly startDay, IReadOnlyList<(DateOnly Day, decimal Value, decimal Flow)> series, DateOnly to)
    {
        var flows = new List<DatedFlow>();
        if (startValue > 0m)
        {
            flows.Add(new DatedFlow(startDay, -startValue));
        }
        flows.AddRange(series.Where(d => d.Flow != 0m).Select(d => new DatedFlow(d.Day, -d.Flow)));
        flows.Add(new DatedFlow(to, series.Count > 0 ? series[^1].Value : startValue));
        return Xirr.Rate(flows);
    }

    private static (decimal? Total, IReadOnlyList<decimal?> Cumulative) Benchmark(PerformanceRequest request, DateOnly baseDay,
        IReadOnlyList<(DateOnly Day, decimal Value, decimal Flow)> series)
    {
        var start = request.Prices.On(request.Benchmark, baseDay.AddDays(-1)) ?? request.Prices.On(request.Benchmark, baseDay);
        if (start is not > 0m)
        {
            return (null, series.Select(_ => (decimal?)null).ToList());
        }
        var cumulative = series.Select(d => request.Prices.On(request.Benchmark, d.Day) is { } close ? close / start.Value - 1m : (decimal?)null).ToList();
        return (cumulative.Count > 0 ? cumulative[^1] : null, cumulative);
    }

    private sealed record BaselineSeries(BaselineReturn Report, IReadOnlyList<decimal?> Cumulative);

    /// <summary>The baseline's holdings valued on each day from the later of the period's start and the baseline date.</summary>
    private static BaselineSeries Baseline(PerformanceRequest request, IReadOnlyDictionary<string, int> holdings, DateOnly? startDay,
        IReadOnlyList<(DateOnly Day, decimal Value, decimal Flow)> series, LedgerReplay replay)
    {
        var date = request.BaselineDate!.Value;
        var baseDay = startDay is { } s && s > date ? s : date;
        var start = replay.ValueOf(holdings, baseDay);
        var cumulative = series.Select(d => d.Day < baseDay || start <= 0m ? (decimal?)null : replay.ValueOf(holdings, d.Day) / start - 1m).ToList();
        var end = series.Count > 0 ? replay.ValueOf(holdings, series[^1].Day) : start;
        return new BaselineSeries(new BaselineReturn(date, start, end, start > 0m ? end / start - 1m : null), cumulative);
    }
}
