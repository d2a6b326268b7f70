using HkStrategy.Data.Connection;
using HkStrategy.Data.Portfolios;
using HkStrategy.Data.Signals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HkStrategy.Web.Signals;

/// <summary>Recent signals across portfolios, newest first, filtered by portfolio, symbol, side, strength and days.</summary>
public sealed class IndexModel(Database database) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Portfolio { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Symbol { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Side { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? MinStrength { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public IReadOnlyList<PortfolioSummary> Portfolios { get; private set; } = [];

    /// <summary>Null when a filter is invalid (nothing was looked up).</summary>
    public IReadOnlyList<StoredSignal>? Signals { get; private set; }

    public bool Filtered => new[] { Portfolio, Symbol, Side, MinStrength, From, To }.Any(f => !string.IsNullOrWhiteSpace(f));

    public bool MayHaveMore => Signals?.Count == SignalFilters.PageLimit;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        Portfolios = await PortfolioStore.ListAsync(connection, cancellationToken);
        var filter = SignalFilters.Read(ModelState, new SignalFilterText(Portfolio, Symbol, Side, MinStrength, From, To), SignalFilters.PageLimit);
        if (filter is not null)
        {
            Signals = await SignalStore.ListAsync(connection, filter, cancellationToken);
        }
    }
}
