using HkStrategy.Operations.Portfolios;
using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Portfolios;
using HkStrategy.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HkStrategy.Web.Portfolios;

/// <summary>Every portfolio with positions, value, cost and unrealised P&amp;L; creating one.</summary>
public sealed class IndexModel(Database database) : PageModel
{
    public IReadOnlyList<PortfolioSummary> Portfolios { get; private set; } = [];

    [BindProperty]
    public NewPortfolio Create { get; set; } = new();

    public decimal TotalValue => Portfolios.Sum(p => p.MarketValue);

    public decimal TotalCost => Portfolios.Sum(p => p.Cost);

    public decimal TotalPnl => Portfolios.Sum(p => p.UnrealizedPnl);

    public decimal? TotalPnlPercent => TotalCost == 0 ? null : Math.Round(TotalPnl / TotalCost * 100, 2, MidpointRounding.AwayFromZero);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var id = ModelState.Check("Create.Id", () => PortfolioId.Require(Create.Id?.Trim()));
        var name = ModelState.Check("Create.Name", () => PortfolioText.Name(Create.Name ?? ""));
        var description = ModelState.Check("Create.Description", () => PortfolioText.Description(Create.Description));
        if (ModelState.IsValid)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            if (await ModelState.TryAsync("Create.Id", async () => TempData["Message"] = (await PortfolioChanges.CreateAsync(connection, id!, name!, description, cancellationToken)).Message))
            {
                return Redirect($"/portfolios/{Uri.EscapeDataString(id!)}");
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        Portfolios = await PortfolioStore.ListAsync(connection, cancellationToken);
    }

    public sealed class NewPortfolio
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? Description { get; set; }
    }
}
