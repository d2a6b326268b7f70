using HkStrategy.Core.Ledger;
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
    /// <summary>Chains derived again: each symbol's activities with what they leave, and how many stored ones moved.</summary>
    public sealed record DerivedChains(IReadOnlyDictionary<string, IReadOnlyList<DerivedActivity>> Chains, int Moved);

    /// <param name="change">The chain as it is to be (the stored activities with one added, replaced or left out).</param>
    /// <param name="edited">The activity the change replaces, which its caller stores with what it leaves (none: 0).</param>
    /// <returns>Each activity of the new chain with what it leaves.</returns>
    public static async Task<IReadOnlyList<DerivedActivity>> DeriveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string portfolioId,
        string symbol, Func<IReadOnlyList<Activity>, IReadOnlyList<Activity>> change, CancellationToken cancellationToken, long edited = 0)
    {
        await DerivedPositions.LockChainAsync(connection, transaction, portfolioId, symbol, cancellationToken);
        var stored = await ActivityStore.ChainAsync(connection, transaction, portfolioId, symbol, cancellationToken);
        var steps = WeightedAverageCost.Derive(change([.. stored.Select(s => s.ToActivity())]));
        await ActivityStore.SetLeavesAsync(connection, transaction, Moved(stored, steps, edited), cancellationToken);
        return steps;
    }

    /// <summary>
    /// The chains of many symbols derived again with activities added to each (an import): locked and read in one
    /// statement each, what moved recorded in one, so that an import of thousands of symbols is not thousands of round trips.
    /// </summary>
    /// <param name="symbols">The chains to derive again.</param>
    /// <param name="additions">New activities of those symbols, in the ledger's order (none: the chains as stored, as a restore derives them).</param>
    /// <returns>Each chain derived, and how many stored activities now leave another position than they had recorded.</returns>
    public static async Task<DerivedChains> DeriveManyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string portfolioId, IReadOnlyList<string> symbols, ILookup<string, Activity> additions, CancellationToken cancellationToken)
    {
        await DerivedPositions.LockChainsAsync(connection, transaction, portfolioId, symbols, cancellationToken);
        var stored = (await ActivityStore.ChainsAsync(connection, transaction, portfolioId, symbols, cancellationToken)).ToLookup(s => s.Symbol!, StringComparer.Ordinal);
        var chains = new Dictionary<string, IReadOnlyList<DerivedActivity>>(StringComparer.Ordinal);
        var moved = new List<LeftPosition>();
        foreach (var symbol in symbols)
        {
            var chain = stored[symbol].ToList();
            var steps = WeightedAverageCost.Derive([.. chain.Select(s => s.ToActivity()), .. additions[symbol]]);
            moved.AddRange(Moved(chain, steps, edited: 0));
            chains[symbol] = steps;
        }
        await ActivityStore.SetLeavesAsync(connection, transaction, moved, cancellationToken);
        return new DerivedChains(chains, moved.Count);
    }

    /// <summary>The stored activities whose position the derivation moved (not the one being edited, which its caller stores).</summary>
    internal static List<LeftPosition> Moved(IReadOnlyList<StoredActivity> stored, IReadOnlyList<DerivedActivity> steps, long edited)
    {
        var before = stored.ToDictionary(s => s.Id);
        return [.. steps
            .Where(s => s.Activity.Id != 0 && s.Activity.Id != edited && s.Activity.Type.ChangesPosition() && before.TryGetValue(s.Activity.Id, out var row)
                        && (row.PositionQuantity != s.After.Quantity || row.PositionAvgCost != s.After.AverageCost))
            .Select(s => new LeftPosition(s.Activity.Id, s.After.Quantity, s.After.AverageCost))];
    }

    /// <summary>Writes the position the chain ends at; none when no activity of the chain holds shares.</summary>
    public static Task WritePositionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string portfolioId, string symbol,
        IReadOnlyList<DerivedActivity> steps, CancellationToken cancellationToken) =>
        DerivedPositions.WriteAsync(connection, transaction, Position(portfolioId, symbol, steps), cancellationToken);

    /// <summary>Writes the positions the chains end at, in a few statements.</summary>
    public static Task WritePositionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string portfolioId,
        IReadOnlyDictionary<string, IReadOnlyList<DerivedActivity>> chains, CancellationToken cancellationToken) =>
        DerivedPositions.WriteManyAsync(connection, transaction, portfolioId, [.. chains.Select(c => Position(portfolioId, c.Key, c.Value))], cancellationToken);

    private static DerivedPosition Position(string portfolioId, string symbol, IReadOnlyList<DerivedActivity> steps) =>
        ChainEnd.Of(steps).Position(portfolioId, symbol);

    /// <summary>The activity as it is to be stored, with the position it leaves.</summary>
    public static Activity WithLeaves(Activity activity, DerivedActivity step) =>
        activity with { Leaves = activity.Type.ChangesPosition() ? step.After : null };
}
