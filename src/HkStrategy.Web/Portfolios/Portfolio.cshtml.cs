using HkStrategy.Core.Portfolios;
using HkStrategy.Core.Symbols;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Portfolios;
using HkStrategy.Data.Positions;
using HkStrategy.Operations.Positions;
using HkStrategy.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HkStrategy.Web.Portfolios;

/// <summary>
/// One portfolio: switcher, positions (filter, sort, totals, add, edit and remove in the row), sector allocation,
/// P&amp;L per position, each position's newest signal and stale prices.
/// </summary>
public sealed class PortfolioModel(Database database, PositionRemoval removal, TimeProvider clock, PortfolioViewCache views) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Filter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Dir { get; set; }

    /// <summary>The symbol whose row is open for editing, or asks to confirm its removal.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Edit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Remove { get; set; }

    [BindProperty]
    public PositionForm Form { get; set; } = new();

    [BindProperty]
    public string? Confirm { get; set; }

    [TempData]
    public string? Message { get; set; }

    public PortfolioView View { get; private set; } = null!;

    public IReadOnlyList<PortfolioSummary> All { get; private set; } = [];

    /// <summary>The positions the filter lets through, sorted; <see cref="Rows"/> is the page of them shown.</summary>
    public IReadOnlyList<PositionView> Matching { get; private set; } = [];

    public IReadOnlyList<PositionView> Rows { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The page for links and forms to keep: none on the first.</summary>
    public string? PageParameter => PageNumber > 1 ? PageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    public int PageCount => Math.Max(1, (Matching.Count + PositionTable.PageSize - 1) / PositionTable.PageSize);

    /// <summary>Which form failed validation: "add", or the symbol of the edited row.</summary>
    public string? Failed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        PortfolioId.Require(Id);
        await LoadAsync(cancellationToken);
        if (Edit is not null && Rows.FirstOrDefault(r => r.Position.Symbol == Edit) is { } edited)
        {
            Form = PositionForm.From(edited.Position);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        PortfolioId.Require(Id);
        var symbol = ModelState.Check("Form.Symbol", () => HkexSymbol.Normalize(Form.Symbol));
        var change = Form.Change(ModelState, "Form");
        var rules = Form.Rules(ModelState, "Form");
        if (ModelState.IsValid)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            // The field a refusal belongs beside: a missing quantity or cost beside itself, anything else beside the symbol.
            var field = change.Quantity is null ? "Form.Quantity" : change.AverageCost is null ? "Form.AverageCost" : "Form.Symbol";
            if (await ModelState.TryAsync(field, async () => Message = (await PositionChanges.AddAsync(connection, Id, symbol!, change, rules, [], cancellationToken)).Message, "Form.Quantity"))
            {
                return Redirect(Link());
            }
        }
        Failed = "add";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken cancellationToken)
    {
        PortfolioId.Require(Id);
        var symbol = HkexSymbol.Normalize(Form.Symbol);
        var change = Form.Change(ModelState, "Form");
        var rules = Form.Rules(ModelState, "Form");
        if (ModelState.IsValid)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            if (await ModelState.TryAsync("Form.Quantity", async () => Message = (await PositionChanges.UpdateAsync(connection, Id, symbol, change, rules, [], [], cancellationToken)).Message))
            {
                return Redirect(Link());
            }
        }
        Failed = symbol;
        Edit = symbol;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        PortfolioId.Require(Id);
        var symbol = HkexSymbol.Normalize(Form.Symbol);
        await using var connection = await database.OpenAsync(cancellationToken);
        var consent = await PositionRemoval.AskAsync(connection, Id, symbol, cancellationToken);
        if (!consent.IsGivenBy(Confirm, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Confirm), consent.Refusal("removed"));
            Remove = symbol;
            Failed = symbol;
            await LoadAsync(cancellationToken);
            return Page();
        }
        Message = (await removal.RemoveAsync(connection, Id, symbol, cancellationToken)).Message;
        return Redirect(Link());
    }

    /// <summary>This page's address keeping the filter and sort, plus an open row or a page: built as text, for 200 links a page.</summary>
    public string Link(string? edit = null, string? remove = null, int? page = null, string? fragment = null) =>
        PositionTable.Address(Id, ("q", Filter), ("sort", Sort), ("dir", Dir), ("edit", edit), ("remove", remove),
            ("p", (page ?? (PageNumber > 1 ? PageNumber : null))?.ToString(System.Globalization.CultureInfo.InvariantCulture))) + (fragment is null ? "" : "#" + fragment);

    public string SortLink(string column) =>
        PositionTable.Address(Id, ("q", Filter), ("sort", column), ("dir", PositionTable.NextDirection(column, Sort, Dir)));

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        (View, All) = await views.ViewAndAllAsync(connection, Id, clock.GetUtcNow(), cancellationToken);
        Matching = PositionTable.Arrange(View.Positions, Filter, Sort, Dir);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = Matching.Skip((PageNumber - 1) * PositionTable.PageSize).Take(PositionTable.PageSize).ToList();
    }
}
