using HkStrategy.Data.Connection;
using HkStrategy.Data.Positions;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Steps;
using Npgsql;
using HkStrategy.Operations.Safety;

namespace HkStrategy.Operations.Positions;

/// <summary>Removing a position: after the user typed its symbol and a verified backup, it goes with its rules, signals and price history.</summary>
public sealed class PositionRemoval(Database database, SafetyBackup safety)
{
    public static async Task<Consent> AskAsync(NpgsqlConnection connection, string portfolioId, string symbol, CancellationToken cancellationToken)
    {
        var position = await PositionStore.GetAsync(connection, portfolioId, symbol, cancellationToken);
        return new Consent(
            $"This removes {symbol} ({StepText.Shares(position.Quantity)} shares worth HK${StepText.Amount(position.MarketValue)}) from {portfolioId}, with its rules, signals and price history, after a verified backup.",
            symbol);
    }

    public async Task<StepOutcome> RemoveAsync(NpgsqlConnection connection, string portfolioId, string symbol, CancellationToken cancellationToken)
    {
        await PositionStore.GetAsync(connection, portfolioId, symbol, cancellationToken); // a missing position is refused before any backup
        var backup = await safety.TakeAsync(database, "pre_remove", cancellationToken);
        await PositionStore.RemoveAsync(connection, portfolioId, symbol, cancellationToken);
        return new StepOutcome($"removed {symbol} from {portfolioId}; verified backup first: {Path.GetFileName(backup.Path)}", backup.Path);
    }
}
