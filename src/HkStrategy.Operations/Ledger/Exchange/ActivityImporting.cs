using System.Globalization;
using HkStrategy.Core.Costs;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Ledger;
using HkStrategy.Data.Activities;
using HkStrategy.Data.Brokers;
using HkStrategy.Data.Portfolios;
using HkStrategy.Operations.Prices;
using Npgsql;

namespace HkStrategy.Operations.Ledger.Exchange;

/// <summary>An activity of a file that the ledger does not hold yet, by its line.</summary>
public sealed record PlannedActivity(int Line, Activity Activity);

/// <summary>What an import would do: the new activities, how many the ledger holds already, every bad row, the warnings; and the file's rows it was planned from.</summary>
public sealed record ImportPlan(string PortfolioId, IReadOnlyList<PlannedActivity> New, int Duplicates, IReadOnlyList<BadRow> BadRows, IReadOnlyList<string> Warnings,
    BuiltFile File)
{
    /// <summary>Whether the other plan adds the same lines of the file and finds the same held and bad rows.</summary>
    public bool SameAs(ImportPlan other) =>
        Duplicates == other.Duplicates && New.Select(n => n.Line).SequenceEqual(other.New.Select(n => n.Line)) && BadRows.Count == other.BadRows.Count;

    public IReadOnlyList<string> Symbols => [.. New.Where(n => n.Activity.Symbol is not null).Select(n => n.Activity.Symbol!).Distinct().Order(StringComparer.Ordinal)];

    public ImportPreview Preview => new(PortfolioId, New.Count, [.. New.Take(ImportPreview.Shown)], Duplicates, BadRows, Warnings, Symbols);
}

/// <summary>
/// What an import adds, as it is shown before (or, confirmed already, while) it is written: how many new activities and
/// the first of them in the ledger's order, how many the ledger holds already, every bad row, the warnings, and the
/// symbols whose positions it derives.
/// </summary>
public sealed record ImportPreview(string PortfolioId, int New, IReadOnlyList<PlannedActivity> FirstNew, int Duplicates, IReadOnlyList<BadRow> BadRows,
    IReadOnlyList<string> Warnings, IReadOnlyList<string> Symbols)
{
    /// <summary>How many of the new activities a preview shows.</summary>
    public const int Shown = 20;
}

/// <summary>A file's rows built into activities, with every bad row and the warnings; nothing compared with the ledger yet.</summary>
public sealed record BuiltFile(string PortfolioId, IReadOnlyList<PlannedActivity> Built, IReadOnlyList<BadRow> BadRows, IReadOnlyList<string> Warnings);

/// <summary>What an import wrote.</summary>
public sealed record ImportOutcome(int Added, int Duplicates, IReadOnlyList<string> Symbols)
{
    /// <summary>The symbols whose positions were derived, for one line: the first twenty, then how many more.</summary>
    public string SymbolsText(int shown = 20) =>
        string.Join(", ", Symbols.Take(shown)) + (Symbols.Count > shown ? string.Create(CultureInfo.InvariantCulture, $" … and {Symbols.Count - shown:N0} more") : "");
}

/// <summary>
/// Importing a file of activities, for both doors: first a plan (every row built as <c>hks activity add</c> would, the
/// activities the ledger holds already recognised so that importing twice changes nothing, each symbol's chain
/// derived to find a sale of more than is held), shown as a preview; then, only if no row is bad, every new activity
/// and the positions they derive in one transaction. A file with one bad row writes nothing.
/// </summary>
public static class ActivityImporting
{
    public static async Task<ImportPlan> PlanAsync(NpgsqlConnection connection, string portfolioId, ActivityFile file, CancellationToken cancellationToken)
    {
        _ = await PortfolioStore.GetAsync(connection, portfolioId, cancellationToken);
        return await PlanBuiltAsync(connection, await BuildAsync(connection, portfolioId, file, cancellationToken), cancellationToken);
    }

    /// <summary>Every row of the file built as <c>hks activity add</c> would build it, or refused as a bad row.</summary>
    public static async Task<BuiltFile> BuildAsync(NpgsqlConnection connection, string portfolioId, ActivityFile file, CancellationToken cancellationToken)
    {
        var bad = file.BadRows.ToList();
        var warnings = new List<string>();
        var built = new List<PlannedActivity>();
        var rates = new Dictionary<(string, DateOnly), decimal>();
        var broker = await BrokerProfileStore.ChargedAsync(connection, portfolioId, cancellationToken);
        foreach (var row in file.Rows)
        {
            try
            {
                var rate = await RateAsync(connection, row.Draft, rates, cancellationToken);
                built.Add(Build(row, rate, broker, portfolioId, warnings));
            }
            catch (HksException e)
            {
                bad.Add(new BadRow(row.Line, e.Message));
            }
        }
        return new BuiltFile(portfolioId, built, bad, warnings);
    }

    /// <summary>
    /// The row built as <c>hks activity add</c> would build it (its currency's rate given; its fees, where the file gives
    /// them in that currency, in HK$), its warnings added by line; a bad row throws.
    /// </summary>
    internal static PlannedActivity Build(ImportedRow row, decimal rate, BrokerProfile broker, string portfolioId, List<string> warnings)
    {
        var draft = row.Draft;
        if (draft.Currency != Currencies.Base)
        {
            var fees = row.FeesInActivityCurrency && draft.Fees.Amount is { } amount ? FeesChoice.Given(Cents.HalfUp(amount * rate)) : draft.Fees;
            draft = draft with { FxRate = rate, Fees = fees };
        }
        var activity = ActivityBuilder.Build(draft, broker);
        foreach (var warning in activity.Warnings)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"line {row.Line}: {warning}"));
        }
        return new PlannedActivity(row.Line, activity.Activity with { PortfolioId = portfolioId });
    }

    /// <summary>The plan of built rows: those the ledger holds already recognised, a sale of more than is held found.</summary>
    public static async Task<ImportPlan> PlanBuiltAsync(NpgsqlConnection connection, BuiltFile file, CancellationToken cancellationToken,
        NpgsqlTransaction? transaction = null)
    {
        var existing = (await ActivityStore.ListAsync(connection, file.PortfolioId, new ActivityFilter(), cancellationToken, transaction)).Select(s => s.ToActivity()).ToList();
        var fresh = Fresh(existing, file.Built, out var duplicates);
        var bad = file.BadRows.Concat(Oversold(existing, fresh));
        return new ImportPlan(file.PortfolioId, fresh, duplicates, [.. bad.OrderBy(b => b.Line)], file.Warnings, file);
    }

    /// <summary>
    /// Writes the plan, after planning it again in the transaction under the portfolio's ledger lock: another import or
    /// change made since the preview (the same file imported beside it) refuses the import, with nothing written,
    /// rather than writes what the user did not see.
    /// </summary>
    public static async Task<ImportOutcome> ApplyAsync(NpgsqlConnection connection, ImportPlan plan, CancellationToken cancellationToken)
    {
        if (plan.BadRows.Count > 0)
        {
            throw HksException.Usage("ImportHasBadRows",
                $"{plan.BadRows.Count} row(s) cannot be imported, the first {plan.BadRows[0]}: nothing was written");
        }
        if (plan.New.Count == 0)
        {
            return new ImportOutcome(0, plan.Duplicates, []);
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await DerivedPositions.LockLedgerAsync(connection, transaction, plan.PortfolioId, cancellationToken);
        var now = await PlanBuiltAsync(connection, plan.File, cancellationToken, transaction);
        if (!now.SameAs(plan))
        {
            throw HksException.Refused("LedgerChangedSincePreview", string.Create(CultureInfo.InvariantCulture,
                $"the ledger of {plan.PortfolioId} changed since the preview ({plan.New.Count:N0} new activities then, {now.New.Count:N0} now, {now.BadRows.Count} bad row(s)): nothing was written; import again to see the new preview"));
        }
        await WriteAsync(connection, transaction, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportOutcome(now.New.Count, now.Duplicates, now.Symbols);
    }

    /// <summary>Writes a plan without bad rows in the caller's transaction: the new activities, each symbol's chain derived again, the positions.</summary>
    /// <returns>How many activities the ledger held already now leave another position than they had recorded (a sale added before them moves them).</returns>
    public static async Task<int> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ImportPlan plan, CancellationToken cancellationToken)
    {
        var chains = await ChainDerivation.DeriveManyAsync(connection, transaction, plan.PortfolioId, plan.Symbols,
            plan.New.Where(n => n.Activity.Symbol is not null).ToLookup(n => n.Activity.Symbol!, n => n.Activity, StringComparer.Ordinal), cancellationToken);
        var leaves = new Dictionary<Activity, Activity>(ReferenceEqualityComparer.Instance);
        foreach (var steps in chains.Chains.Values)
        {
            foreach (var step in steps.Where(s => s.Activity.Id == 0))
            {
                leaves[step.Activity] = ChainDerivation.WithLeaves(step.Activity, step);
            }
        }
        await ActivityCopy.WriteAsync(connection, plan.New.Select(n => leaves.GetValueOrDefault(n.Activity, n.Activity)), cancellationToken);
        await ChainDerivation.WritePositionsAsync(connection, transaction, plan.PortfolioId, chains.Chains, cancellationToken);
        return chains.Moved;
    }

    /// <summary>The draft's currency's rate of the day (each read once; HK$: 1).</summary>
    private static async Task<decimal> RateAsync(NpgsqlConnection connection, ActivityDraft draft, Dictionary<(string, DateOnly), decimal> rates,
        CancellationToken cancellationToken)
    {
        if (draft.Currency == Currencies.Base)
        {
            return 1m; // HK$ is not converted (a rate given with it is refused when the row is built)
        }
        if (draft.FxRate is { } given)
        {
            return given;
        }
        var key = (draft.Currency, draft.TradeDate);
        if (!rates.TryGetValue(key, out var known))
        {
            rates[key] = known = await FxRates.OnAsync(connection, draft.Currency, draft.TradeDate, cancellationToken);
        }
        return known;
    }

    /// <summary>
    /// The activities the ledger does not hold yet, in the ledger's order (by date, then as in the file). An activity
    /// is held when one of the same type, day, symbol, shares, price, amount, currency and ratio is: as many times as it is.
    /// </summary>
    private static List<PlannedActivity> Fresh(IReadOnlyList<Activity> existing, IReadOnlyList<PlannedActivity> built, out int duplicates)
    {
        var held = new HeldActivities(existing);
        var fresh = new List<PlannedActivity>();
        foreach (var planned in built)
        {
            if (!held.Match(planned.Activity))
            {
                fresh.Add(planned);
            }
        }
        duplicates = built.Count - fresh.Count;
        return [.. fresh.OrderBy(f => f.Activity.TradeDate).ThenBy(f => f.Line)];
    }

    public static string Fingerprint(Activity a) => string.Create(CultureInfo.InvariantCulture,
        $"{a.Type.Name()}|{a.TradeDate:yyyy-MM-dd}|{a.Symbol}|{a.Quantity}|{a.Price:0.########}|{a.Amount:0.########}|{a.Currency}|{a.Ratio}");

    /// <summary>Each symbol's chain with the new activities, derived: a sale of more than is held, as the bad row of the file's line that causes it.</summary>
    private static IEnumerable<BadRow> Oversold(IReadOnlyList<Activity> existing, IReadOnlyList<PlannedActivity> fresh)
    {
        var bad = new List<BadRow>();
        var held = existing.Where(e => e.Symbol is not null).ToLookup(e => e.Symbol!, StringComparer.Ordinal);
        foreach (var chain in fresh.Where(f => f.Activity.Symbol is not null).GroupBy(f => f.Activity.Symbol!, StringComparer.Ordinal))
        {
            try
            {
                WeightedAverageCost.Derive([.. held[chain.Key], .. chain.Select(c => c.Activity)]);
            }
            catch (OversoldException e)
            {
                var line = chain.FirstOrDefault(c => ReferenceEquals(c.Activity, e.Activity))?.Line
                    ?? chain.Where(c => c.Activity.TradeDate <= e.Activity.TradeDate).Select(c => (int?)c.Line).LastOrDefault() ?? chain.First().Line;
                bad.Add(new BadRow(line, e.Message));
            }
        }
        return bad;
    }
}
