using HkStrategy.Core.Calendar;
using HkStrategy.Core.Portfolios;
using HkStrategy.Core.Signals;
using HkStrategy.Data.Connection;
using HkStrategy.Operations.Signals;

namespace HkStrategy.Operations.Demo;

/// <summary>The demo's signal history: the main portfolio's TXYZN signals of its last trading days, one run a day.</summary>
public sealed class DemoSignals(TimeProvider clock)
{
    public const int Days = 10;

    public async Task<int> GenerateAsync(Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var generation = new SignalGeneration(TradingCalendar.Hkex, clock, "hks demo");
        var last = TradingCalendar.Hkex.OnOrBefore(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var signals = 0;
        foreach (var day in TradingCalendar.Hkex.Ending(last, Days))
        {
            var (_, outcomes) = await generation.RunAsync(connection, new SignalRequest(DemoState.MainPortfolioId, [], day, SignalParameters.Default), cancellationToken);
            signals += outcomes.Count(o => o.Decision is not null);
        }
        return signals;
    }
}
