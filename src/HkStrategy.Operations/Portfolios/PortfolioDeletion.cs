using HkStrategy.Data.Connection;
using HkStrategy.Data.Portfolios;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Steps;
using Npgsql;
using HkStrategy.Operations.Safety;

namespace HkStrategy.Operations.Portfolios;

/// <summary>
/// Deleting a portfolio: after the user typed its id and a verified backup, it goes with its positions, rules,
/// signals and prices (its analyses are kept, unlinked).
/// </summary>
public sealed class PortfolioDeletion(Database database, SafetyBackup safety)
{
    public static async Task<Consent> AskAsync(NpgsqlConnection connection, string portfolioId, CancellationToken cancellationToken)
    {
        var summary = await PortfolioStore.GetAsync(connection, portfolioId, cancellationToken);
        return new Consent(
            $"This deletes portfolio {portfolioId} ({summary.Name}) with its {summary.Positions} position(s) worth HK${StepText.Amount(summary.MarketValue)}, their rules, signals and prices, its activity ledger and broker profile, after a verified backup.",
            portfolioId);
    }

    public async Task<StepOutcome> DeleteAsync(NpgsqlConnection connection, string portfolioId, CancellationToken cancellationToken)
    {
        await PortfolioStore.GetAsync(connection, portfolioId, cancellationToken); // a missing portfolio is refused before any backup
        var backup = await safety.TakeAsync(database, "pre_delete", cancellationToken);
        await PortfolioStore.DeleteAsync(connection, portfolioId, cancellationToken);
        return new StepOutcome($"deleted portfolio {portfolioId}; verified backup first: {Path.GetFileName(backup.Path)}", backup.Path);
    }
}
