using System.Globalization;
using HkStrategy.Core.Costs;
using HkStrategy.Core.Input;
using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Brokers;
using HkStrategy.Operations.Brokers;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Portfolios;
using HkStrategy.Operations.Portfolios;
using HkStrategy.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HkStrategy.Web.Portfolios;

/// <summary>One portfolio's name and description, its broker profile, a copy under a new id, export, and deletion (typed confirmation, backup first).</summary>
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

    [BindProperty]
    public string? Broker { get; set; }

    [BindProperty]
    public string? CommissionRate { get; set; }

    [BindProperty]
    public string? CommissionMinimum { get; set; }

    [BindProperty]
    public string? PlatformFee { get; set; }

    /// <summary>The portfolio's broker profile; none: no commission.</summary>
    public StoredBrokerProfile? Profile { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public PortfolioSummary Portfolio { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Name = Portfolio.Name;
        Description = Portfolio.Description;
        Broker = Profile?.Broker;
        CommissionRate = Profile is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b.CommissionRate * 100m:0.####}%") : null;
        CommissionMinimum = Profile?.CommissionMinimum.ToString("0.00", CultureInfo.InvariantCulture);
        PlatformFee = Profile?.PlatformFee.ToString("0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>Sets the broker profile from the form: an empty field is zero (an empty name, none).</summary>
    public async Task<IActionResult> OnPostBrokerAsync(CancellationToken cancellationToken)
    {
        // Each value checked alone by the rules the command line uses, so each refusal stands beside its own field.
        var name = ModelState.Check(nameof(Broker), () => BrokerProfileChanges.CheckedName(Blank(Broker)));
        var rate = ModelState.Check(nameof(CommissionRate), () =>
            BrokerProfile.CheckedRate(InputValues.Percent("--commission-rate", Blank(CommissionRate) ?? "0%")!.Value));
        var minimum = ModelState.Check(nameof(CommissionMinimum), () =>
            BrokerProfile.CheckedCharge("--commission-minimum", InputValues.Amount("--commission-minimum", Blank(CommissionMinimum) ?? "0")!.Value));
        var platform = ModelState.Check(nameof(PlatformFee), () =>
            BrokerProfile.CheckedCharge("--platform-fee", InputValues.Amount("--platform-fee", Blank(PlatformFee) ?? "0")!.Value));
        await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await ModelState.TryAsync(nameof(CommissionRate), async () =>
            {
                var change = new BrokerProfileChange(name, rate, minimum, platform, RemovesBrokerName: name is null);
                Message = (await BrokerProfileChanges.SetAsync(connection, Id, change, cancellationToken)).Step.Message;
            }))
        {
            return Redirect($"/portfolios/{Uri.EscapeDataString(Id)}/manage");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostClearBrokerAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        Message = (await BrokerProfileChanges.ClearAsync(connection, Id, cancellationToken)).Message;
        return Redirect($"/portfolios/{Uri.EscapeDataString(Id)}/manage");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

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
        Profile = await BrokerProfileStore.FindAsync(connection, Id, cancellationToken);
    }
}
