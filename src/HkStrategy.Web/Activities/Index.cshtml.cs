using System.Globalization;
using HkStrategy.Core.Calendar;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Ledger;
using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Activities;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Portfolios;
using HkStrategy.Operations.Ledger;
using HkStrategy.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HkStrategy.Web.Activities;

/// <summary>
/// A portfolio's ledger: its activities newest first (filter by symbol, type and dates; pages of 50), recording one,
/// editing one in its row, removing one (its id typed, a verified backup first), each activity's history from the
/// journal, and the latest changes.
/// </summary>
public sealed class IndexModel(Database database, ActivityRemoval removal, LedgerListCache ledger, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [FromRoute]
    public string Id { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? Symbol { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The activity whose row is open for editing, asks to confirm its removal, or shows its history.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Edit { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Remove { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? History { get; set; }

    [BindProperty]
    public ActivityForm Form { get; set; } = new();

    [BindProperty]
    public long? ActivityId { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    [TempData]
    public string? Message { get; set; }

    public PortfolioSummary Portfolio { get; private set; } = null!;

    /// <summary>The activities the filter lets through, newest first; <see cref="Rows"/> is the page of them shown.</summary>
    public IReadOnlyList<ListedActivity> Matching { get; private set; } = [];

    public IReadOnlyList<ListedActivity> Rows { get; private set; } = [];

    public IReadOnlyList<JournalEntry> Changes { get; private set; } = [];

    /// <summary>The history of <see cref="History"/>, oldest first.</summary>
    public IReadOnlyList<JournalEntry> HistoryEntries { get; private set; } = [];

    public int PageCount => Math.Max(1, (Matching.Count + PageSize - 1) / PageSize);

    /// <summary>Which form failed validation: "add", or the id of the edited row.</summary>
    public string? Failed { get; private set; }

    public DateOnly Today => DateOnly.FromDateTime(MarketClock.HongKongTime(clock.GetUtcNow()));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Edit is { } edit && Rows.FirstOrDefault(r => r.Activity.Id == edit) is { } edited)
        {
            Form = ActivityForm.From(edited.Activity);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        PortfolioId.Require(Id);
        if (Form.Draft(ModelState, nameof(Form), Id) is { } draft)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            if (await TryLedgerAsync(async () => Message = Recorded("recorded", await LedgerChanges.AddAsync(connection, draft, cancellationToken))))
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
        var id = ActivityId ?? throw HksException.Usage("ActivityMissing", "the form names no activity");
        if (Form.Edit(ModelState, nameof(Form)) is { } edit)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await RequireOwnAsync(connection, id, cancellationToken);
            if (await TryLedgerAsync(async () => Message = Recorded("edited", await LedgerChanges.EditAsync(connection, id, edit, cancellationToken))))
            {
                return Redirect(Link());
            }
        }
        Failed = id.ToString(CultureInfo.InvariantCulture);
        Edit = id;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        PortfolioId.Require(Id);
        var id = ActivityId ?? throw HksException.Usage("ActivityMissing", "the form names no activity");
        await using var connection = await database.OpenAsync(cancellationToken);
        await RequireOwnAsync(connection, id, cancellationToken);
        var consent = await ActivityRemoval.AskAsync(connection, id, cancellationToken);
        if (!consent.IsGivenBy(Confirm?.Trim().TrimStart('#')))
        {
            ModelState.AddModelError(nameof(Confirm), consent.Refusal("removed"));
        }
        else if (await TryLedgerAsync(async () => Message = (await removal.RemoveAsync(connection, id, cancellationToken)).Message, nameof(Confirm)))
        {
            return Redirect(Link());
        }
        Remove = id;
        Failed = id.ToString(CultureInfo.InvariantCulture);
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>This page's address keeping the filter, plus an open row or a page.</summary>
    public string Link(long? edit = null, long? remove = null, long? history = null, int? page = null, string? fragment = null)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }
        Add("symbol", Symbol);
        Add("type", Type);
        Add("from", From);
        Add("to", To);
        Add("p", (page ?? (PageNumber > 1 ? PageNumber : null))?.ToString(CultureInfo.InvariantCulture));
        Add("edit", edit?.ToString(CultureInfo.InvariantCulture));
        Add("remove", remove?.ToString(CultureInfo.InvariantCulture));
        Add("history", history?.ToString(CultureInfo.InvariantCulture));
        return $"/portfolios/{Uri.EscapeDataString(Id)}/activities" + (query.Count > 0 ? "?" + string.Join("&", query) : "") + (fragment is null ? "" : "#" + fragment);
    }

    /// <summary>A write of the ledger; a refusal of its rules goes beside the field it is about, in the dashboard's words.</summary>
    private async Task<bool> TryLedgerAsync(Func<Task> write, string? field = null)
    {
        try
        {
            await write();
            return true;
        }
        catch (HksException refused) when (refused.ExitCode is ExitCode.Usage or ExitCode.Refused or ExitCode.CheckFailed)
        {
            ModelState.AddModelError(field ?? ActivityForm.FieldOf(refused.Name, nameof(Form)), FieldChecks.Plain(refused.Message));
            return false;
        }
        catch (Npgsql.PostgresException tooLarge) when (tooLarge.SqlState == Npgsql.PostgresErrorCodes.NumericValueOutOfRange)
        {
            ModelState.AddModelError(field ?? nameof(Form) + ".Quantity", "the value is too large: quantity × price must stay below HK$10,000,000,000");
            return false;
        }
    }

    /// <summary>An activity id of another portfolio is refused as if it did not exist: a form cannot reach across portfolios.</summary>
    private async Task RequireOwnAsync(Npgsql.NpgsqlConnection connection, long id, CancellationToken cancellationToken)
    {
        if ((await ActivityStore.GetAsync(connection, id, cancellationToken)).PortfolioId != Id)
        {
            throw ActivityStore.Missing(id);
        }
    }

    private static string Recorded(string verb, RecordedActivity recorded)
    {
        var a = recorded.Activity;
        var text = $"{verb} activity {a.Id}: {ActivityText.Line(a)}";
        if (a.Fees.Total > 0)
        {
            text += $", costs HK${Format.Money(a.Fees.Total)}";
        }
        if (a.Leaves is { } left)
        {
            text += $"; {a.Symbol} now {Format.Number(left.Quantity)} shares at {Format.Price(left.AverageCost)}";
        }
        if (recorded.RealizedPnl is { } pnl)
        {
            text += $", realised {Format.SignedMoney(pnl)}";
        }
        return string.Join(" · warning: ", [text, .. recorded.Warnings.Select(FieldChecks.Plain)]);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        PortfolioId.Require(Id);
        var filter = new LedgerFilter(Symbol, Type, From, To);
        var symbol = ModelState.Check(nameof(Symbol), filter.ParsedSymbol);
        var type = ModelState.Check(nameof(Type), filter.ParsedType);
        var from = ModelState.Check(nameof(From), filter.ParsedFrom);
        var to = ModelState.Check(nameof(To), filter.ParsedTo);
        await using var connection = await database.OpenAsync(cancellationToken);
        Portfolio = await PortfolioStore.GetAsync(connection, Id, cancellationToken);
        var all = await ledger.ListAsync(connection, Id, symbol, cancellationToken);
        Matching = LedgerFilter.NewestFirst(all, type, from, to);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = [.. Matching.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
        Changes = await ActivityJournal.LatestAsync(connection, Id, 10, cancellationToken);
        if (History is { } history)
        {
            HistoryEntries = await ActivityJournal.OfActivityAsync(connection, Id, history, cancellationToken);
        }
    }
}
