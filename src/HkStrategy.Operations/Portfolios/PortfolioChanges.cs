using HkStrategy.Data.Portfolios;
using HkStrategy.Operations.Steps;
using Npgsql;

namespace HkStrategy.Operations.Portfolios;

/// <summary>
/// Creating, editing and copying a portfolio, for both doors: values already parsed by the input rules
/// (<c>PortfolioId</c>, <c>PortfolioText</c>), the same store calls and the same one-line outcome.
/// </summary>
public static class PortfolioChanges
{
    public static async Task<StepOutcome> CreateAsync(NpgsqlConnection connection, string portfolioId, string name, string? description, CancellationToken cancellationToken)
    {
        await PortfolioStore.CreateAsync(connection, portfolioId, name, description, cancellationToken);
        return new StepOutcome($"created portfolio {portfolioId} ({name})");
    }

    public static async Task<StepOutcome> EditAsync(NpgsqlConnection connection, string portfolioId, string? name, string? description, CancellationToken cancellationToken)
    {
        await PortfolioStore.EditAsync(connection, portfolioId, name, description, cancellationToken);
        return new StepOutcome($"portfolio {portfolioId} changed");
    }

    public static async Task<StepOutcome> CopyAsync(NpgsqlConnection connection, string source, string target, string? name, CancellationToken cancellationToken)
    {
        var positions = await PortfolioStore.CopyAsync(connection, source, target, name, cancellationToken);
        return new StepOutcome($"copied {source} to {target} ({positions} position(s))");
    }
}
