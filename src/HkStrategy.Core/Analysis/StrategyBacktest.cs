using HkStrategy.Core.Calendar;
using HkStrategy.Core.Indicators;
using HkStrategy.Core.Prices;
using HkStrategy.Core.Signals;

namespace HkStrategy.Core.Analysis;

/// <summary>What a backtest did on one day: BUY, SELL, or HOLD (the strategy fired with nothing to do).</summary>
public sealed record BacktestSignal(DateOnly Day, string Action, double Price, SignalDecision Decision);

/// <summary>A round trip: bought at one close, sold at a later one (or marked at the period's last close).</summary>
public sealed record BacktestTrade(DateOnly Entry, double EntryPrice, DateOnly Exit, double ExitPrice, double Return, bool Open);

public sealed record BacktestResult(
    IReadOnlyList<(DateOnly Day, double Equity)> Equity, IReadOnlyList<BacktestSignal> Signals, IReadOnlyList<BacktestTrade> Trades,
    double InitialPrice, double FinalPrice, double TotalReturn, double Volatility, double MaxDrawdown, double Sharpe, double Sortino,
    double? WinRate, double? ProfitFactor)
{
    public const string Assumptions =
        "long only, all equity in or out; fills at the signal day's close; fractional shares; fees only as configured (--fee-bps, each side); "
        + "an open position is marked at the last close; Sharpe and Sortino with a zero risk-free rate, √252 a year";
}

/// <summary>
/// Runs one catalog strategy over one symbol's bars. A buy strategy enters on its own signals and exits on any sell
/// strategy's; a sell strategy exits on its own signals and enters on any buy strategy's; the hold strategy buys on
/// the first day and holds.
/// </summary>
public sealed class StrategyBacktest(SignalParameters parameters, TradingCalendar calendar)
{
    public const int MaxYears = 2;

    public BacktestResult Run(BarSeries bars, CatalogStrategy strategy, DateOnly from, DateOnly to, IReadOnlyList<SymbolEvent> events, double feeBasisPoints, PositionRails? rails = null)
    {
        rails ??= PositionRails.None;
        if (strategy == StrategyCatalog.OverboughtReversal && rails.SellTarget is null)
        {
            throw Failures.HksException.Usage("TargetRequired", "the overbought reversal (SOVB) sells only at or above a target sell price: give one with --target");
        }
        var indicators = IndicatorCalculator.Compute(bars.High, bars.Low, bars.Close, bars.Volume);
        var evaluator = new SignalEvaluator(parameters);
        var fee = feeBasisPoints / 10_000;
        var days = Enumerable.Range(0, bars.Count).Where(i => bars.Dates[i] >= from && bars.Dates[i] <= to && i >= IndicatorCalculator.FirstCompleteIndex).ToList();
        if (days.Count == 0)
        {
            throw Failures.HksException.Usage("NoPrices",
                $"{bars.Symbol} has no bars from {from:yyyy-MM-dd} to {to:yyyy-MM-dd} with {IndicatorCalculator.FirstCompleteIndex} bars of history before them");
        }
        double cash = 1, shares = 0, entryPrice = 0;
        DateOnly entryDay = default;
        var equity = new List<(DateOnly, double)>();
        var signals = new List<BacktestSignal>();
        var trades = new List<BacktestTrade>();
        var own = Flag(strategy);
        var vetoes = new string?[bars.Count];
        var vetoed = events.Count == 0 ? [] : new bool[bars.Count];
        foreach (var i in days.Where(_ => events.Count > 0))
        {
            vetoes[i] = EventVeto.For(bars.Dates[i], events, calendar, parameters.VetoTradingDaysBefore);
            vetoed[i] = vetoes[i] is not null;
        }
        var firedOn = new FiredStrategies[bars.Count];
        evaluator.FireAll(bars, indicators, rails, vetoed, firedOn);
        foreach (var i in days)
        {
            var veto = vetoes[i];
            var fired = firedOn[i];
            var price = bars.Close[i];
            const FiredStrategies buys = FiredStrategies.Breakout | FiredStrategies.OversoldReversal;
            const FiredStrategies sells = FiredStrategies.Breakdown | FiredStrategies.OverboughtReversal;
            var buy = strategy.Code.Side switch
            {
                'B' => (fired & own) != 0,
                'S' => (fired & buys) != 0,
                _ => i == days[0],
            };
            var sell = strategy.Code.Side switch
            {
                'B' => (fired & sells) != 0,
                'S' => (fired & own) != 0,
                _ => false,
            };
            // The words of the evidence only for the days that are stored.
            SignalDecision Decision() => evaluator.Evaluate(bars, indicators, i, new SignalContext(rails, veto))!;
            if (shares == 0 && buy && !sell)
            {
                shares = cash * (1 - fee) / price;
                (cash, entryPrice, entryDay) = (0, price, bars.Dates[i]);
                signals.Add(new BacktestSignal(bars.Dates[i], "BUY", price, Decision()));
            }
            else if (shares > 0 && sell)
            {
                cash = shares * price * (1 - fee);
                trades.Add(new BacktestTrade(entryDay, entryPrice, bars.Dates[i], price, price * (1 - fee) * (1 - fee) / entryPrice - 1, Open: false));
                shares = 0;
                signals.Add(new BacktestSignal(bars.Dates[i], "SELL", price, Decision()));
            }
            else if ((fired & own) != 0)
            {
                signals.Add(new BacktestSignal(bars.Dates[i], "HOLD", price, Decision()));
            }
            equity.Add((bars.Dates[i], cash + shares * price));
        }
        var last = days[^1];
        if (shares > 0)
        {
            trades.Add(new BacktestTrade(entryDay, entryPrice, bars.Dates[last], bars.Close[last], bars.Close[last] * (1 - fee) / entryPrice - 1, Open: true));
        }
        return Measure(equity, signals, trades, bars.Close[days[0]], bars.Close[last]);
    }

    private static FiredStrategies Flag(CatalogStrategy strategy) => strategy.Code.CatalogKey switch
    {
        "SBRK" => FiredStrategies.Breakdown,
        "SOVB" => FiredStrategies.OverboughtReversal,
        "BBRK" => FiredStrategies.Breakout,
        "BRSV" => FiredStrategies.OversoldReversal,
        _ => FiredStrategies.None,
    };

    private static BacktestResult Measure(List<(DateOnly Day, double Equity)> equity, List<BacktestSignal> signals, List<BacktestTrade> trades, double initial, double final)
    {
        var returns = equity.Skip(1).Select((e, k) => e.Equity / equity[k].Equity - 1).ToList();
        var mean = returns.Count > 0 ? returns.Average() : 0;
        var deviation = returns.Count > 1 ? Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1)) : 0;
        var downside = returns.Count > 0 ? Math.Sqrt(returns.Sum(r => Math.Min(r, 0) * Math.Min(r, 0)) / returns.Count) : 0;
        var gains = trades.Where(t => t.Return > 0).Sum(t => t.Return);
        var losses = -trades.Where(t => t.Return < 0).Sum(t => t.Return);
        return new BacktestResult(equity, signals, trades, initial, final,
            equity[^1].Equity - 1, // the capital was 1
            deviation * Math.Sqrt(252),
            (double)ValueAnalysis.MaxDrawdown(equity.Select(e => (decimal)e.Equity)),
            deviation > 0 ? mean / deviation * Math.Sqrt(252) : 0,
            downside > 0 ? mean / downside * Math.Sqrt(252) : 0,
            trades.Count > 0 ? (double)trades.Count(t => t.Return > 0) / trades.Count : null,
            losses > 0 ? gains / losses : null);
    }
}
