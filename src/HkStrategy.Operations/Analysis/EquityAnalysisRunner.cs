using HkStrategy.Core.Analysis;
using HkStrategy.Core.Calendar;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Signals;
using HkStrategy.Data.Analyses;
using HkStrategy.Data.Positions;
using HkStrategy.Data.Prices;
using Npgsql;

namespace HkStrategy.Operations.Analysis;

/// <summary>An equity strategy analysis as run and stored.</summary>
public sealed record EquityAnalysisRun(int Id, string Symbol, CatalogStrategy Strategy, string Name, DateOnly From, DateOnly To, double FeeBasisPoints, BacktestResult Result);

/// <summary><c>hks analysis equity run</c>: one catalog strategy backtested on one symbol over at most two years, stored.</summary>
public sealed class EquityAnalysisRunner(TradingCalendar calendar)
{
    public async Task<EquityAnalysisRun> RunAsync(NpgsqlConnection connection, string symbol, CatalogStrategy strategy, DateOnly from, DateOnly to,
        double feeBasisPoints, string? name, decimal? targetSell, CancellationToken cancellationToken)
    {
        AnalysisPeriod.Require(from, to, StrategyBacktest.MaxYears * 12);
        var bars = await BarReader.ReadAsync(connection, symbol, to, cancellationToken);
        if (bars.Count == 0)
        {
            throw HksException.Usage("NoPrices", $"there are no daily bars of {symbol}: import or fetch them first");
        }
        var events = (await EventStore.ForSymbolsAsync(connection, [symbol], cancellationToken)).GetValueOrDefault(symbol) ?? [];
        var parameters = SignalParameters.Default;
        var result = new StrategyBacktest(parameters, calendar).Run(bars, strategy, from, to, events, feeBasisPoints, new PositionRails(TargetSell: targetSell));
        var last = result.Equity[^1].Day;
        var title = name ?? $"{symbol} {strategy.Code} {from:yyyy-MM-dd} to {last:yyyy-MM-dd}";
        var performance = new EquityPerformance(BacktestResult.Assumptions, feeBasisPoints, targetSell, parameters,
            [.. result.Equity.Select(e => new EquityPoint(e.Day, Math.Round(e.Equity, 6)))], result.Trades);
        var id = await EquityAnalysisStore.CreateAsync(connection, symbol, strategy, title, from, last, result, performance, cancellationToken);
        return new EquityAnalysisRun(id, symbol, strategy, title, from, last, feeBasisPoints, result);
    }
}
