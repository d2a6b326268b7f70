using HkStrategy.Core.Ledger;
using HkStrategy.Core.Symbols;
using HkStrategy.Data.Activities;
using Npgsql;

namespace HkStrategy.Operations.Ledger;

/// <summary>
/// One symbol's chain derived again after a change, in the change's transaction: the chain locked, the change applied
/// to it, every activity's position recomputed from the first (<see cref="WeightedAverageCost"/>), the positions
/// that moved recorded, and the position written. A change that would sell more than is held anywhere in the chain
/// is refused, and nothing of it is written.
/// </summary>
internal static class ChainDerivation
{
    /// <param name="change">The chain as it is to be (the stored activities with one added, replaced or left out).</param>
    /// <param name="edited">The activity the change replaces, which its caller stores with what it leaves (none: 0).</param>
    /// <returns>Each activity of the new chain with what it leaves.</returns>
    public static async Task<IReadOnlyList<DerivedActivity>> DeriveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string portfolioId,
        string symbol, Func<IReadOnlyList<Activity>, IReadOnlyList<Activity>> change, CancellationToken cancellationToken, long edited = 0)
    {
        await DerivedPositions.LockChainAsync(connection, transaction, portfolioId, symbol, cancellationToken);
        var stored = await ActivityStore.ChainAsync(connection, transaction, portfolioId, symbol, cancellationToken);
        var steps = WeightedAverageCost.Derive(change([.. stored.Select(s => s.ToActivity())]));
        var before = stored.ToDictionary(s => s.Id);
        var moved = steps
            .Where(s => s.Activity.Id != 0 && s.Activity.Id != edited && s.Activity.Type.ChangesPosition() && before.TryGetValue(s.Activity.Id, out var row)
                        && (row.PositionQuantity != s.After.Quantity || row.PositionAvgCost != s.After.AverageCost))
            .Select(s => new LeftPosition(s.Activity.Id, s.After.Quantity, s.After.AverageCost))
            .ToList();
        await ActivityStore.SetLeavesAsync(connection, transaction, moved, cancellationToken);
        return steps;
    }

    /// <summary>Writes the position the chain ends at; none when no activity of the chain holds shares.</summary>
    public static Task WritePositionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string portfolioId, string symbol,
        IReadOnlyList<DerivedActivity> steps, CancellationToken cancellationToken)
    {
        var holds = steps.Any(s => s.Activity.Type.ChangesPosition());
        var last = holds ? steps[^1].After : Holding.None;
        var company = KnownCompanies.Find(symbol);
        var lastPrice = steps.LastOrDefault(s => s.Activity.Price is > 0m)?.Activity.Price;
        // Nothing held: the average the shares were last held at (an opening balance of none gives its own).
        var average = last.Quantity > 0 ? last.AverageCost
            : steps.LastOrDefault(s => s.Before.Quantity > 0 || s.Activity.Type is ActivityType.Opening or ActivityType.Adjustment) is { } held
                ? held.Activity.Type is ActivityType.Opening or ActivityType.Adjustment && held.After.Quantity == 0 ? held.Activity.Price ?? 0m : held.Before.AverageCost
                : 0m;
        return DerivedPositions.WriteAsync(connection, transaction,
            new DerivedPosition(portfolioId, symbol, holds ? last.Quantity : null, average, lastPrice, company?.Name, company?.Sector ?? "Other",
                OpenedEmpty: steps.LastOrDefault(s => s.Activity.Type.ChangesPosition())?.Activity.Type == ActivityType.Opening),
            cancellationToken);
    }

    /// <summary>The activity as it is to be stored, with the position it leaves.</summary>
    public static Activity WithLeaves(Activity activity, DerivedActivity step) =>
        activity with { Leaves = activity.Type.ChangesPosition() ? step.After : null };
}
