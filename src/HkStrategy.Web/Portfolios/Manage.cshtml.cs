using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Portfolios;
using HkStrategy.Operations.Portfolios;
using HkStrategy.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HkStrategy.Web.Portfolios;

/// <summary>One portfolio's name and description, a copy under a new id, export, and deletion (typed confirmation, backup first).</summary>
public sealed class ManageModel(Database database, PortfolioDeletion deletion) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? CopyId { get; set; }

    [BindProperty]
    public string? CopyName { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    [TempData]
    public string? Message { get; set; }

    public PortfolioSummary Portfolio { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Name = Portfolio.Name;
        Description = Portfolio.Description;
    }

    public async Task<IActionResult> OnPostEditAsync(CancellationToken cancellationToken)
    {
        var name = ModelState.Check(nameof(Name), () => PortfolioText.Name(Name ?? ""));
        var description = ModelState.Check(nameof(Description), () => PortfolioText.Description(Description ?? ""));
        await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        Message = (await PortfolioChanges.EditAsync(connection, Id, name, description, cancellationToken)).Message;
        return Redirect($"/portfolios/{Uri.EscapeDataString(Id)}");
    }

    public async Task<IActionResult> OnPostCopyAsync(CancellationToken cancellationToken)
    {
        var target = ModelState.Check(nameof(CopyId), () => PortfolioId.Require(CopyId?.Trim()));
        var name = ModelState.Check(nameof(CopyName), () => PortfolioText.Name(string.IsNullOrWhiteSpace(CopyName) ? null : CopyName));
        await LoadAsync(cancellationToken);
        if (ModelState.IsValid)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            if (await ModelState.TryAsync(nameof(CopyId), async () => Message = (await PortfolioChanges.CopyAsync(connection, Id, target!, name, cancellationToken)).Message))
            {
                return Redirect($"/portfolios/{Uri.EscapeDataString(target!)}");
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        var consent = await PortfolioDeletion.AskAsync(connection, Id, cancellationToken);
        if (!consent.IsGivenBy(Confirm))
        {
            ModelState.AddModelError(nameof(Confirm), consent.Refusal("deleted"));
            return Page();
        }
        TempData["Deleted"] = (await deletion.DeleteAsync(connection, Id, cancellationToken)).Message;
        return Redirect("/");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        PortfolioId.Require(Id);
        await using var connection = await database.OpenAsync(cancellationToken);
        Portfolio = await PortfolioStore.GetAsync(connection, Id, cancellationToken);
    }
}
