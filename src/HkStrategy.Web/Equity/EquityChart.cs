using HkStrategy.Core.Indicators;
using HkStrategy.Core.Prices;
using HkStrategy.Data.Positions;
using HkStrategy.Data.Prices;
using HkStrategy.Data.Signals;
using Npgsql;

namespace HkStrategy.Web.Equity;

/// <summary>
/// Everything the equity page draws and <c>/api/equity/{symbol}</c> returns: the bars of a period with their
/// indicators, the signals of those days with their evidence, and the position's rules when a portfolio is given.
/// <see cref="From"/> and <see cref="To"/> are null only when the symbol has no bars at all.
/// </summary>
public sealed record EquityChart(
    string Symbol, string? CompanyName, string? PortfolioId, EquityPosition? Position, EquityRules? Rules, DateOnly? From, DateOnly? To,
    DateOnly? FirstBar, DateOnly? NewestBar, bool StalePrice, IReadOnlyList<EquityBar> Bars, IReadOnlyList<IndicatorRow> Indicators,
    IReadOnlyList<EquitySignal> Signals)
{
    /// <summary>Far above a period's signals (one a day per portfolio), so the newest of each day is never cut off.</summary>
    private const int SignalLimit = 100_000;

    public static async Task<EquityChart> LoadAsync(NpgsqlConnection connection, string symbol, string? portfolioId, EquityPeriod period,
        DateOnly lastTradingDay, CancellationToken cancellationToken)
    {
        var position = portfolioId is null ? null
            : (await PositionStore.ListAsync(connection, portfolioId, cancellationToken)).FirstOrDefault(p => p.Symbol == symbol);
        var held = position is null ? await HeldSymbol.FindAsync(connection, symbol, cancellationToken) : new HeldSymbol(true, position.CompanyName);
        var bars = await BarReader.ReadAsync(connection, symbol, null, cancellationToken);
        var withoutBars = new EquityChart(symbol, held.CompanyName, portfolioId, position is null ? null : EquityPosition.From(position),
            position is null ? null : EquityRules.From(position), period.From, period.To, null, null, false, [], [], []);
        if (bars.Count == 0)
        {
            return held.IsHeld ? withoutBars : throw HeldSymbol.Missing(symbol);
        }
        var (from, to) = period.Resolve(bars.Dates[^1]);
        // Indicators run over every bar before the period too, so EMA50 and MACD are settled on its first day.
        var indicators = IndicatorCalculator.Compute(bars.High, bars.Low, bars.Close, bars.Volume);
        var days = Enumerable.Range(0, bars.Count).Where(i => bars.Dates[i] >= from && bars.Dates[i] <= to).ToList();
        var signals = await SignalStore.ListAsync(connection,
            new SignalFilter(PortfolioId: portfolioId, Symbol: symbol, Since: from, Until: to, Limit: SignalLimit), cancellationToken);
        return withoutBars with
        {
            From = from,
            To = to,
            FirstBar = bars.Dates[0],
            NewestBar = bars.Dates[^1],
            StalePrice = bars.Dates[^1] < lastTradingDay,
            Bars = days.Select(i => Bar(bars, i)).ToList(),
            Indicators = days.Select(i => IndicatorRow.At(bars, indicators, i)).ToList(),
            Signals = NewestOfEachDay(signals),
        };
    }

    private static EquityBar Bar(BarSeries bars, int i) =>
        new(bars.Dates[i], Price(bars.Open[i]), Price(bars.High[i]), Price(bars.Low[i]), Price(bars.Close[i]), (long)bars.Volume[i]);

    /// <summary>Back to the stored numeric(12,3): the reader hands prices over as doubles for the indicators.</summary>
    private static decimal Price(double value) => Math.Round((decimal)value, 3, MidpointRounding.AwayFromZero);

    /// <summary>Oldest first, one a day: without a portfolio several may share a day, and the list comes newest first.</summary>
    private static List<EquitySignal> NewestOfEachDay(IReadOnlyList<StoredSignal> signals) =>
        signals.DistinctBy(s => s.TradeDate).Reverse().Select(EquitySignal.From).ToList();
}
