using System.Globalization;
using HkStrategy.Core.Ledger;
using HkStrategy.Data.Activities;
using HkStrategy.Data.Connection;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Safety;
using HkStrategy.Operations.Steps;
using Npgsql;

namespace HkStrategy.Operations.Ledger;

/// <summary>
/// Removing an activity: after the user typed its id and a verified backup, it goes and its symbol's chain is derived
/// again in the same transaction (the journal keeps it as it was). The last activity of a position takes the position
/// with it, its rules and signals included: they are in the backup.
/// </summary>
public sealed class ActivityRemoval(Database database, SafetyBackup safety)
{
    public static async Task<Consent> AskAsync(NpgsqlConnection connection, long id, CancellationToken cancellationToken)
    {
        var activity = (await ActivityStore.GetAsync(connection, id, cancellationToken)).ToActivity();
        return new Consent($"This removes activity {id} ({Describe(activity)}) from {activity.PortfolioId} after a verified backup; the journal keeps it.",
            id.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<StepOutcome> RemoveAsync(NpgsqlConnection connection, long id, CancellationToken cancellationToken)
    {
        var activity = (await ActivityStore.GetAsync(connection, id, cancellationToken)).ToActivity(); // a missing one is refused before any backup
        if (activity.Symbol is not null)
        {
            await CheckRemovableAsync(connection, activity, cancellationToken);
        }
        var backup = await safety.TakeAsync(database, "pre_remove_activity", cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RemoveInAsync(connection, transaction, activity, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StepOutcome($"removed activity {id} ({Describe(activity)}) from {activity.PortfolioId}; verified backup first: {Path.GetFileName(backup.Path)}",
            backup.Path);
    }

    /// <summary>Refuses, before any backup, a removal its chain cannot take (the shares it brought were sold since).</summary>
    private static async Task CheckRemovableAsync(NpgsqlConnection connection, Activity activity, CancellationToken cancellationToken)
    {
        await using var trial = await connection.BeginTransactionAsync(cancellationToken);
        await RemoveInAsync(connection, trial, activity, cancellationToken);
        await trial.RollbackAsync(cancellationToken);
    }

    private static async Task RemoveInAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Symbol is not { } symbol)
        {
            await ActivityStore.DeleteAsync(connection, transaction, activity.Id, cancellationToken);
            return;
        }
        var steps = await ChainDerivation.DeriveAsync(connection, transaction, activity.PortfolioId, symbol,
            chain => [.. chain.Where(a => a.Id != activity.Id)], cancellationToken);
        await ActivityStore.DeleteAsync(connection, transaction, activity.Id, cancellationToken);
        await ChainDerivation.WritePositionAsync(connection, transaction, activity.PortfolioId, symbol, steps, cancellationToken);
    }

    public static string Describe(Activity activity) => ActivityText.Line(activity);
}
