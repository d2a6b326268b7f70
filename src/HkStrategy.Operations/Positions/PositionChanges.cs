using HkStrategy.Core.Failures;
using HkStrategy.Core.Signals;
using HkStrategy.Core.Symbols;
using HkStrategy.Data.Positions;
using HkStrategy.Operations.Steps;
using Npgsql;

namespace HkStrategy.Operations.Positions;

/// <summary>A position after it was added or changed, with the line both doors show.</summary>
public sealed record PositionOutcome(Position Position, string Message);

/// <summary>
/// Adding and changing a position, for both doors: the row, its rules and its symbol's events in one transaction
/// (<see cref="PositionEdit"/>). A new position takes the known company's name and sector unless the user gave them.
/// </summary>
public static class PositionChanges
{
    public static async Task<PositionOutcome> AddAsync(NpgsqlConnection connection, string portfolioId, string symbol, PositionChange change,
        RuleChange rules, IReadOnlyList<SymbolEvent> events, CancellationToken cancellationToken)
    {
        if (change.Quantity is null || change.AverageCost is null)
        {
            throw HksException.Usage("QuantityAndCostRequired", "a new position needs a quantity and an average cost");
        }
        var withDefaults = WithKnownCompany(symbol, change) with { ExpectedVersion = null };
        var position = await new PositionEdit(rules, events, []).ApplyAsync(connection, portfolioId, symbol,
            transaction => PositionStore.AddAsync(connection, portfolioId, symbol, withDefaults, cancellationToken, transaction), cancellationToken);
        return new PositionOutcome(position,
            $"added {symbol} ({position.CompanyName}) to {portfolioId}: {StepText.Shares(position.Quantity)} at {StepText.Price(position.AverageCost)}, worth HK${StepText.Amount(position.MarketValue)}");
    }

    public static async Task<PositionOutcome> UpdateAsync(NpgsqlConnection connection, string portfolioId, string symbol, PositionChange change,
        RuleChange rules, IReadOnlyList<SymbolEvent> newEvents, IReadOnlyList<DateOnly> removedEvents, CancellationToken cancellationToken)
    {
        var position = await new PositionEdit(rules, newEvents, removedEvents).ApplyAsync(connection, portfolioId, symbol,
            transaction => PositionStore.UpdateAsync(connection, portfolioId, symbol, change, cancellationToken, transaction), cancellationToken);
        return new PositionOutcome(position, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"updated {symbol} in {portfolioId}: {StepText.Shares(position.Quantity)} at {StepText.Price(position.AverageCost)}, price {StepText.Price(position.CurrentPrice)}, worth HK${StepText.Amount(position.MarketValue)} (version {position.Version})"));
    }

    /// <summary>The company's name and sector when the symbol is known and the user left them out; "Other" as the last resort.</summary>
    public static PositionChange WithKnownCompany(string symbol, PositionChange change)
    {
        var known = KnownCompanies.Find(symbol);
        return change with { CompanyName = change.CompanyName ?? known?.Name, Sector = change.Sector ?? known?.Sector ?? "Other" };
    }
}
