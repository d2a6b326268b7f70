using HkStrategy.Core.Signals;
using Npgsql;

namespace HkStrategy.Data.Positions;

/// <summary>
/// One edit of a position as the user gives it: the row itself (added or updated), its rules, and events of its
/// symbol added or removed, all in one transaction, so they change together or not at all.
/// </summary>
public sealed record PositionEdit(RuleChange Rules, IReadOnlyList<SymbolEvent> NewEvents, IReadOnlyList<DateOnly> RemovedEvents)
{
    public async Task<Position> ApplyAsync(NpgsqlConnection connection, string portfolioId, string symbol,
        Func<NpgsqlTransaction, Task> rowStep, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await rowStep(transaction);
        await RuleStore.SetAsync(connection, portfolioId, symbol, Rules, cancellationToken, transaction);
        foreach (var symbolEvent in NewEvents)
        {
            await EventStore.AddAsync(connection, symbol, symbolEvent, cancellationToken, transaction);
        }
        foreach (var day in RemovedEvents)
        {
            await EventStore.RemoveAsync(connection, symbol, day, cancellationToken, transaction);
        }
        var position = await PositionStore.GetAsync(connection, portfolioId, symbol, cancellationToken, transaction);
        await transaction.CommitAsync(cancellationToken);
        return position;
    }
}
