using System.Text.Json;
using HkStrategy.Core.Calendar;
using HkStrategy.Core.Portfolios;
using HkStrategy.Core.Symbols;
using HkStrategy.Data.Connection;
using HkStrategy.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HkStrategy.Web.Equity;

/// <summary>One symbol's chart: candles, volume, indicators, signals with their evidence, and the position's rules.</summary>
public sealed class IndexModel(Database database, TimeProvider clock) : PageModel
{
    /// <summary>
    /// The API's names (web defaults) with the default encoder, which escapes '&lt;' (the API's relaxed one does not),
    /// so a company name holding "&lt;/script&gt;" cannot close the data's script element.
    /// </summary>

    [BindProperty(SupportsGet = true)]
    public string Symbol { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "portfolio")]
    public string? Portfolio { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    public EquityChart Chart { get; private set; } = null!;

    public string ChartJson => Format.JsonData(Chart);

    public EquityBar? LastBar => Chart.Bars.Count > 0 ? Chart.Bars[^1] : null;

    /// <summary>The last close against the one before it (within the period shown).</summary>
    public decimal? Change => Chart.Bars.Count > 1 ? Chart.Bars[^1].Close - Chart.Bars[^2].Close : null;

    public decimal? ChangePercent => Change is { } change && Chart.Bars[^2].Close != 0
        ? Math.Round(change / Chart.Bars[^2].Close * 100, 2, MidpointRounding.AwayFromZero) : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A malformed symbol or portfolio id is the whole page's mistake: the exception handler answers it with its one line.
        var symbol = HkexSymbol.Normalize(Symbol);
        var portfolioId = Portfolio is null ? null : PortfolioId.Require(Portfolio);
        var period = RequestedPeriod();
        await using var connection = await database.OpenAsync(cancellationToken);
        var lastTradingDay = MarketClock.LastClosedTradingDay(clock.GetUtcNow(), TradingCalendar.Hkex);
        Chart = await EquityChart.LoadAsync(connection, symbol, portfolioId, period, lastTradingDay, cancellationToken);
    }

    public string? ErrorFor(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>What a period field shows: the text typed (so a mistake can be corrected), else the day drawn.</summary>
    public string PeriodValue(string? typed, DateOnly? drawn) => typed ?? (drawn is { } day ? Format.Day(day) : "");

    /// <summary>The period typed; a mistake is shown beside its field while the default period is drawn.</summary>
    private EquityPeriod RequestedPeriod()
    {
        var from = ModelState.Check("from", () => EquityPeriod.Day("from", From));
        var to = ModelState.Check("to", () => EquityPeriod.Day("to", To));
        return ModelState.IsValid ? ModelState.Check("from", () => EquityPeriod.Of(from, to)) ?? EquityPeriod.Latest : EquityPeriod.Latest;
    }
}
