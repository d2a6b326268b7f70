using HkStrategy.Core.Ledger;
using HkStrategy.Data.Activities;
using HkStrategy.Data.Portfolios;
using Npgsql;

namespace HkStrategy.Operations.Ledger;

/// <summary>An activity as stored, what its sale realised, and what the user should know about it.</summary>
public sealed record RecordedActivity(Activity Activity, decimal? RealizedPnl, IReadOnlyList<string> Warnings);

/// <summary>
/// Adding and editing activities, for both doors: each change and the positions it derives in one transaction, so the
/// ledger and <c>portfolio_positions</c> never disagree (removing is <see cref="ActivityRemoval"/>).
/// </summary>
public static class LedgerChanges
{
    public static async Task<RecordedActivity> AddAsync(NpgsqlConnection connection, ActivityDraft draft, CancellationToken cancellationToken)
    {
        _ = await PortfolioStore.GetAsync(connection, draft.PortfolioId, cancellationToken);
        var built = await ActivityBuilder.BuildAsync(connection, draft, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var recorded = await StoreAsync(connection, transaction, built.Activity, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return recorded with { Warnings = built.Warnings };
    }

    /// <summary>Stores one new activity in the transaction, deriving its symbol's chain.</summary>
    internal static async Task<RecordedActivity> StoreAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Activity activity,
        CancellationToken cancellationToken)
    {
        if (activity.Symbol is not { } symbol)
        {
            var id = await ActivityStore.InsertAsync(connection, transaction, activity, cancellationToken);
            return new RecordedActivity(activity with { Id = id }, null, []);
        }
        var steps = await ChainDerivation.DeriveAsync(connection, transaction, activity.PortfolioId, symbol, chain => [.. chain, activity], cancellationToken);
        var step = steps.Single(s => s.Activity.Id == 0);
        var stored = ChainDerivation.WithLeaves(activity, step);
        stored = stored with { Id = await ActivityStore.InsertAsync(connection, transaction, stored, cancellationToken) };
        await ChainDerivation.WritePositionAsync(connection, transaction, activity.PortfolioId, symbol, steps, cancellationToken);
        return new RecordedActivity(stored, step.RealizedPnl, []);
    }

    /// <summary>Replaces an activity's values with the edit's; its chain is derived again from the first activity.</summary>
    public static async Task<RecordedActivity> EditAsync(NpgsqlConnection connection, long id, ActivityEdit edit, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = (await ActivityStore.GetAsync(connection, id, cancellationToken, transaction, forUpdate: true)).ToActivity();
        var built = await edit.ApplyToAsync(connection, current, cancellationToken);
        var activity = built.Activity;
        RecordedActivity recorded;
        if (activity.Symbol is not { } symbol)
        {
            await ActivityStore.UpdateAsync(connection, transaction, activity, cancellationToken);
            recorded = new RecordedActivity(activity, null, built.Warnings);
        }
        else
        {
            var steps = await ChainDerivation.DeriveAsync(connection, transaction, activity.PortfolioId, symbol,
                chain => [.. chain.Select(a => a.Id == id ? activity : a)], cancellationToken, edited: id);
            var step = steps.Single(s => s.Activity.Id == id);
            activity = ChainDerivation.WithLeaves(activity, step);
            await ActivityStore.UpdateAsync(connection, transaction, activity, cancellationToken);
            await ChainDerivation.WritePositionAsync(connection, transaction, activity.PortfolioId, symbol, steps, cancellationToken);
            recorded = new RecordedActivity(activity, step.RealizedPnl, built.Warnings);
        }
        await transaction.CommitAsync(cancellationToken);
        return recorded;
    }
}
