using System.Text.Json;
using Dapper;
using HkStrategy.Core.Calendar;
using HkStrategy.Core.Indicators;
using HkStrategy.Core.Signals;
using HkStrategy.Data.Portfolios;
using HkStrategy.Data.Positions;
using HkStrategy.Data.Prices;
using HkStrategy.Data.Signals;
using Npgsql;

namespace HkStrategy.Operations.Signals;

/// <summary>What to generate signals for: a portfolio's positions or bare symbols, on a day or on each symbol's newest bar.</summary>
public sealed record SignalRequest(string? PortfolioId, IReadOnlyList<string> Symbols, DateOnly? Day, SignalParameters Parameters);

/// <summary>A generated signal, or why a symbol got none.</summary>
public sealed record SignalOutcome(string Symbol, SignalDecision? Decision, string? Skipped);

/// <summary>
/// Generates TXYZN signals: reads each symbol's bars, computes the indicators, applies the rules with the position's
/// rails (levels and buy gates) and the symbol's events, and stores the signals as one run with its parameter set.
/// </summary>
public sealed class SignalGeneration(TradingCalendar calendar, TimeProvider clock, string programVersion)
{

    public async Task<(int RunId, IReadOnlyList<SignalOutcome> Outcomes)> RunAsync(NpgsqlConnection connection, SignalRequest request, CancellationToken cancellationToken)
    {
        var rails = await RailsAsync(connection, request, cancellationToken);
        var events = await EventStore.ForSymbolsAsync(connection, rails.Keys, cancellationToken);
        var evaluator = new SignalEvaluator(request.Parameters);
        var outcomes = new List<SignalOutcome>();
        var signals = new List<NewSignal>();
        foreach (var (symbol, positionRails) in rails)
        {
            var bars = await BarReader.ReadAsync(connection, symbol, request.Day, cancellationToken);
            if (bars.Count <= IndicatorCalculator.FirstCompleteIndex)
            {
                outcomes.Add(new SignalOutcome(symbol, null, $"{bars.Count} daily bar(s){(request.Day is { } d ? $" up to {d:yyyy-MM-dd}" : "")}, {IndicatorCalculator.FirstCompleteIndex + 1} needed"));
                continue;
            }
            if (request.Day is { } day && bars.Dates[^1] != day)
            {
                outcomes.Add(new SignalOutcome(symbol, null, $"no bar on {day:yyyy-MM-dd} (the newest is of {bars.Dates[^1]:yyyy-MM-dd})"));
                continue;
            }
            var i = bars.Count - 1;
            var veto = EventVeto.For(bars.Dates[i], events.GetValueOrDefault(symbol) ?? [], calendar, request.Parameters.VetoTradingDaysBefore);
            var indicators = IndicatorCalculator.Compute(bars.High, bars.Low, bars.Close, bars.Volume);
            var decision = evaluator.Evaluate(bars, indicators, i, new SignalContext(positionRails, veto))!;
            outcomes.Add(new SignalOutcome(symbol, decision, null));
            signals.Add(new NewSignal(request.PortfolioId, symbol, decision, Evidence(decision, request.Parameters)));
        }
        var asOf = request.Day ?? (signals.Count > 0 ? signals.Max(s => s.Decision.TradeDate) : MarketClock.LastClosedTradingDay(clock.GetUtcNow(), calendar));
        var runId = await SignalStore.SaveRunAsync(connection, request.PortfolioId, asOf,
            JsonSerializer.Serialize(request.Parameters, SignalJson.Default.SignalParameters), programVersion, signals, cancellationToken);
        return (runId, outcomes);
    }

    public static string Evidence(SignalDecision decision, SignalParameters thresholds) => JsonSerializer.Serialize(new StoredEvidence(
        decision.Code.ToString(), thresholds, decision.Strategy.Name, decision.Evidence.Reasons(decision.Code.ToString()), decision.Evidence.Veto,
        decision.Evidence.Values, decision.Evidence.Strategies, decision.Evidence.Stops), SignalJson.Default.StoredEvidence);

    private static async Task<Dictionary<string, PositionRails>> RailsAsync(NpgsqlConnection connection, SignalRequest request, CancellationToken cancellationToken)
    {
        if (request.PortfolioId is null)
        {
            return request.Symbols.Distinct(StringComparer.Ordinal).ToDictionary(s => s, _ => PositionRails.None, StringComparer.Ordinal);
        }
        var positions = await PositionStore.ListAsync(connection, request.PortfolioId, cancellationToken);
        return positions.Where(p => request.Symbols.Count == 0 || request.Symbols.Contains(p.Symbol, StringComparer.Ordinal))
            .OrderBy(p => p.Symbol, StringComparer.Ordinal)
            .ToDictionary(p => p.Symbol, p => p.Rails, StringComparer.Ordinal);
    }
}
