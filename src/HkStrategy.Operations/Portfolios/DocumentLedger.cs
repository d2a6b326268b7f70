using System.Globalization;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Ledger;
using HkStrategy.Data.Portfolios.Exchange;
using HkStrategy.Operations.Integrity;
using HkStrategy.Operations.Ledger;
using HkStrategy.Operations.Ledger.Exchange;
using HkStrategy.Operations.Prices;
using Npgsql;

namespace HkStrategy.Operations.Portfolios;

/// <summary>
/// The ledger a portfolio document carries (version 3), brought in as <c>hks activity import</c> brings hks's own
/// CSV: each activity held to a CSV row's rules, those the ledger holds already recognised by content and occurrence
/// (importing twice adds nothing), the chains they change derived again. The document's positions must be what its
/// own activities leave, and after the import every position of the portfolio is what its ledger leaves: a document
/// whose numbers disagree with themselves is refused whole, so no position is silently changed or lost.
/// </summary>
internal static class DocumentLedger
{
    /// <summary>The step <see cref="PortfolioImport"/> runs in its transaction, after the positions' rows: the number of activities added.</summary>
    public static Func<NpgsqlTransaction, Task<LedgerImported>> Importer(NpgsqlConnection connection, PortfolioDocument document, string portfolioId,
        CancellationToken cancellationToken) => async transaction =>
    {
        var built = await ActivityImporting.BuildAsync(connection, portfolioId, Read(document, portfolioId), cancellationToken);
        RequireNoBadRow(built.BadRows, document);
        RequireOwnPositions(document, built.Built);
        var plan = await ActivityImporting.PlanBuiltAsync(connection, built, cancellationToken, transaction);
        RequireNoBadRow(plan.BadRows, document);
        var moved = await ActivityImporting.WriteAsync(connection, transaction, plan, cancellationToken);
        var disagreements = await IntegrityCheck.LedgerDisagreementsAsync(connection, portfolioId, cancellationToken, transaction);
        if (disagreements.Count > 0)
        {
            throw Bad($"importing would leave a position that its ledger does not: {disagreements[0]}");
        }
        return new LedgerImported(plan.New.Count, moved);
    };

    /// <summary>The document with its broker profile as <c>hks portfolio broker</c> would set it (the name trimmed), or refused as that command refuses it.</summary>
    public static PortfolioDocument WithCheckedBroker(PortfolioDocument document)
    {
        if (document.Broker is not { } broker)
        {
            return document;
        }
        try
        {
            var name = Brokers.BrokerProfileChanges.CheckedName(broker.Broker);
            var profile = HkStrategy.Core.Costs.BrokerProfile.Checked(broker.CommissionRate, broker.CommissionMinimum, broker.PlatformFee);
            return document with { Broker = new ExportedBroker(name, profile.Rate, profile.Minimum, profile.PlatformFee) };
        }
        catch (HksException e)
        {
            throw Bad($"its broker profile: {e.Message}");
        }
    }

    /// <summary>The document's activities as a file of hks's own CSV, each counted from 1 in its list; a missing cost is none, never computed.</summary>
    internal static ActivityFile Read(PortfolioDocument document, string portfolioId)
    {
        var rows = new List<ImportedRow>();
        var bad = new List<BadRow>();
        foreach (var (activity, place) in document.Activities.Select((a, i) => (a, i + 1)))
        {
            try
            {
                if (activity.Type is null || activity.Date == default)
                {
                    throw HksException.Usage("InvalidDocument", "an activity needs its date and its type");
                }
                var values = Values(activity);
                rows.Add(new ImportedRow(place, ActivityCsvReader.Draft(field => values.GetValueOrDefault(field, ""), portfolioId)));
            }
            catch (HksException e)
            {
                bad.Add(new BadRow(place, e.Message));
            }
        }
        return new ActivityFile(rows, bad);
    }

    private static Dictionary<string, string> Values(ExportedActivity a)
    {
        static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
        var fees = a.Fees ?? new ExportedCosts(0m, 0m, 0m, 0m, 0m, 0m);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["date"] = a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["type"] = a.Type, ["symbol"] = a.Symbol ?? "",
            ["quantity"] = a.Quantity?.ToString(CultureInfo.InvariantCulture) ?? "", ["price"] = Text(a.Price), ["amount"] = Text(a.Amount),
            ["currency"] = a.Currency ?? "", ["fx_rate"] = Text(a.FxRate), ["ratio"] = a.Ratio ?? "", ["note"] = a.Note ?? "",
            ["stamp_duty"] = Text(fees.StampDuty), ["sfc_levy"] = Text(fees.SfcLevy), ["afrc_levy"] = Text(fees.AfrcLevy),
            ["trading_fee"] = Text(fees.TradingFee), ["settlement_fee"] = Text(fees.SettlementFee), ["commission"] = Text(fees.Commission),
        };
    }

    private static void RequireNoBadRow(IReadOnlyList<BadRow> bad, PortfolioDocument document)
    {
        if (bad.Count > 0)
        {
            var first = bad.MinBy(b => b.Line)!;
            throw Bad(string.Create(CultureInfo.InvariantCulture,
                $"{bad.Count} of its {document.Activities.Count:N0} activities cannot be recorded, the first (activity {first.Line}): {first.Problem}"));
        }
    }

    /// <summary>Each position of the document is what its own activities leave, and its activities hold nothing of a position it does not list.</summary>
    private static void RequireOwnPositions(PortfolioDocument document, IReadOnlyList<PlannedActivity> built)
    {
        var ends = built.Where(b => b.Activity.Symbol is not null).GroupBy(b => b.Activity.Symbol!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => End(g.Key, g.Select(b => b.Activity)), StringComparer.Ordinal);
        foreach (var position in document.Positions)
        {
            if (!ends.TryGetValue(position.Symbol, out var ending) || ending is not { } end)
            {
                throw Bad($"{position.Symbol} is a position, but no activity of the document holds it "
                          + $"(a version {PortfolioDocument.CurrentVersion} document carries the ledger its positions come from; a document of positions alone is version 2)");
            }
            if (end.Quantity != position.Quantity || position.Quantity > 0 && end.AverageCost != position.AverageCost)
            {
                throw Bad(string.Create(CultureInfo.InvariantCulture,
                    $"{position.Symbol} holds {position.Quantity:N0} at {position.AverageCost:0.000}, but the document's activities leave {end.Quantity:N0} at {end.AverageCost:0.000}"));
            }
        }
        var listed = document.Positions.Select(p => p.Symbol).ToHashSet(StringComparer.Ordinal);
        if (ends.FirstOrDefault(e => e.Value is { Quantity: > 0 } && !listed.Contains(e.Key)) is { Key: { } unlisted, Value: { } held })
        {
            throw Bad(string.Create(CultureInfo.InvariantCulture, $"its activities leave {held.Quantity:N0} shares of {unlisted}, which is not one of its positions"));
        }
    }

    /// <summary>What a chain leaves; none when no activity of it changes shares.</summary>
    private static Holding? End(string symbol, IEnumerable<Activity> chain)
    {
        try
        {
            return WeightedAverageCost.Derive(chain).LastOrDefault(s => s.Activity.Type.ChangesPosition())?.After;
        }
        catch (OversoldException e)
        {
            throw Bad($"its activities of {symbol} do not add up: {e.Message}");
        }
    }

    private static HksException Bad(string problem) => HksException.Usage("InvalidDocument", $"the document cannot be imported: {problem}");
}
