using HkStrategy.Core.Calendar;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Prices;
using Npgsql;

namespace HkStrategy.Operations.Prices;

/// <summary>What fetching one symbol did: the bars it brought in, that it was up to date, or why it failed.</summary>
public sealed record FetchOutcome(string Symbol, DateOnly From, int Bars, BarImportResult? Imported, string? Failure)
{
    public bool Failed => Failure is not null;
}

/// <summary>
/// <c>hks prices fetch</c>: for each symbol, the bars after its newest one (or from a given day; two years for a new
/// symbol) up to the last closed trading day, imported like a CSV file. A symbol the source fails for keeps its data.
/// </summary>
public sealed class PriceFetch(YahooChartClient client, Uri baseUrl, TimeProvider clock, TradingCalendar calendar)
{
    public async Task<IReadOnlyList<FetchOutcome>> RunAsync(NpgsqlConnection connection, IReadOnlyList<string> symbols, DateOnly? from,
        Action<FetchOutcome>? onEach, CancellationToken cancellationToken)
    {
        var lastClosed = MarketClock.LastClosedTradingDay(clock.GetUtcNow(), calendar);
        var newest = await BarReader.LatestAsync(connection, symbols, cancellationToken);
        var outcomes = new List<FetchOutcome>();
        foreach (var symbol in symbols)
        {
            var start = from ?? (newest.TryGetValue(symbol, out var bar) ? bar.TradeDate.AddDays(1) : lastClosed.AddYears(-2));
            FetchOutcome outcome;
            if (start > lastClosed)
            {
                outcome = new FetchOutcome(symbol, start, 0, new BarImportResult(0, 0, 0, 0), null);
            }
            else
            {
                try
                {
                    var bars = (await client.FetchAsync(baseUrl, symbol, start, lastClosed, cancellationToken))
                        .Where(b => b.TradeDate >= start && b.TradeDate <= lastClosed).ToList();
                    outcome = new FetchOutcome(symbol, start, bars.Count, await BarImport.ImportAsync(connection, bars, "yahoo", cancellationToken), null);
                }
                catch (HksException failure) when (failure.ExitCode != ExitCode.Cancelled)
                {
                    outcome = new FetchOutcome(symbol, start, 0, null, $"{failure.Message} [{failure.Name}]");
                }
            }
            outcomes.Add(outcome);
            onEach?.Invoke(outcome);
        }
        return outcomes;
    }
}
