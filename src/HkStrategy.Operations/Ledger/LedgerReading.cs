using HkStrategy.Core.Failures;
using HkStrategy.Core.Ledger;
using HkStrategy.Data.Activities;
using HkStrategy.Data.Portfolios;
using Npgsql;

namespace HkStrategy.Operations.Ledger;

/// <summary>An activity as listed: what it leaves and, for a sale, what it realised (derived over its whole chain).</summary>
public sealed record ListedActivity(Activity Activity, decimal? RealizedPnl);

/// <summary>Reading a portfolio's ledger for both doors.</summary>
public static class LedgerReading
{
    /// <summary>
    /// The activities the filter shows, in the ledger's order. Each symbol's chain is derived from its first activity,
    /// whatever the dates shown, so a sale's realised P&amp;L is the same in any list.
    /// </summary>
    public static async Task<IReadOnlyList<ListedActivity>> ListAsync(NpgsqlConnection connection, string portfolioId, ActivityFilter filter,
        CancellationToken cancellationToken)
    {
        _ = await PortfolioStore.GetAsync(connection, portfolioId, cancellationToken);
        var all = (await ActivityStore.ListAsync(connection, portfolioId, new ActivityFilter(Symbol: filter.Symbol), cancellationToken))
            .Select(s => s.ToActivity()).ToList();
        var realized = new Dictionary<long, decimal>();
        foreach (var chain in all.Where(a => a.Symbol is not null).GroupBy(a => a.Symbol!))
        {
            foreach (var step in Derived(chain))
            {
                if (step.RealizedPnl is { } pnl)
                {
                    realized[step.Activity.Id] = pnl;
                }
            }
        }
        return [.. all
            .Where(a => (filter.From is null || a.TradeDate >= filter.From) && (filter.To is null || a.TradeDate <= filter.To) && (filter.Type is null || a.Type == filter.Type))
            .Select(a => new ListedActivity(a, realized.TryGetValue(a.Id, out var pnl) ? pnl : null))];
    }

    /// <summary>The chain derived; a chain written by hand that sells more than it held realises nothing here (<c>hks check</c> names it).</summary>
    private static IReadOnlyList<DerivedActivity> Derived(IEnumerable<Activity> chain)
    {
        try
        {
            return WeightedAverageCost.Derive(chain);
        }
        catch (HksException e) when (e.Name == "SellsMoreThanHeld")
        {
            return [];
        }
    }
}
